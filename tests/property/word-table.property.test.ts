// src/outputs/search/word-table.ts: the index builder's scan cuts any text into exactly the words search-terms.js's
// eachWord gives (the search page's cut), and gives each distinct word one number, worked out once per word while the
// table holds it, also across the table's growth and its starting again at its limit.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { stemmer } from "@orama/stemmers/swedish";
import { createTerms } from "../../src/outputs/search/browser/search-terms.js";
import { WordTable } from "../../src/outputs/search/word-table.ts";
import { STOP_WORDS } from "../../src/outputs/search/stop-words.ts";

const terms = createTerms(stemmer, STOP_WORDS);

/**
 * Pieces where words begin and end: letters of several scripts, combining marks, digits of other scripts, letters and
 * symbols beyond the first plane (whole and halved), lone surrogate halves, punctuation and spaces.
 */
const PIECES = [
  "a", "ö", "Å", "ord", "förbundet", "x", "1", "٣", "ß", "İ", "Σ", "ﬁ", "e\u0301", "\u0301", "\u00a0", " ", "\n", "-", "'",
  ":", ".", "…", "–", "😀", "𝒜", "𐐀", "𐐨", "\ud835", "\udc9c", "\ud800", "\udfff", "ǅ", "ǲ", "\u2028", "\t", "_", "𝟘",
];
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: "binary", maxLength: 4 })), { maxLength: 40 }).map((pieces) => pieces.join(""));

/** The words of a text as eachWord gives them, and the words the table's scan found (through their numbers). */
function bothCuts(table: WordTable, numbered: string[], input: string): { expected: string[]; found: string[] } {
  const lower = input.normalize("NFC").toLowerCase();
  const expected: string[] = [];
  terms.eachWord(input, (word) => expected.push(word));
  const count = table.scan(lower);
  return { expected, found: Array.from(table.found.subarray(0, count), (number) => numbered[number]!) };
}

describe("the word table", () => {
  it("cuts every text into the words eachWord gives, in order", () => {
    const numbered: string[] = [];
    const table = new WordTable((word) => numbered.push(word) - 1);
    fc.assert(
      fc.property(text, (input) => {
        const { expected, found } = bothCuts(table, numbered, input);
        expect(found).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("works out each word's number once while it holds the word, and the same number after starting again", () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 40 }), (inputs, limit) => {
        const asked = new Map<string, number>();
        const numbered: string[] = [];
        // The builder's numbers are the same for a word every time: here, the word's place in the list of words seen.
        const valueOf = (word: string): number => {
          asked.set(word, (asked.get(word) ?? 0) + 1);
          const known = numbered.indexOf(word);
          return known >= 0 ? known : numbered.push(word) - 1;
        };
        const table = new WordTable(valueOf, limit);
        const words = new Set<string>();
        for (const input of inputs) {
          const { expected, found } = bothCuts(table, numbered, input);
          expect(found).toEqual(expected);
          for (const word of expected) words.add(word);
        }
        // Asked about each word once, unless the table filled up and started again.
        if (words.size <= limit) for (const word of words) expect(asked.get(word)).toBe(1);
        expect([...asked.keys()].sort()).toEqual([...words].sort());
      }),
      { numRuns: 300 },
    );
  });

  it("starts again empty at its limit, and works out a word it let go again", () => {
    const asked: string[] = [];
    const table = new WordTable((word) => asked.push(word) - 1, 3);
    table.scan("ett två tre ett fyra ett");
    expect(asked).toEqual(["ett", "två", "tre", "fyra", "ett"]);
  });

  it("keeps its words apart and their numbers through many growths of the table", () => {
    const numbered: string[] = [];
    let asked = 0;
    const table = new WordTable((word) => {
      asked++;
      return numbered.push(word) - 1;
    });
    // 40,000 distinct words, many sharing long beginnings or ends: the table grows from 1,024 slots many times.
    const words = Array.from({ length: 40_000 }, (_, index) => `ord${index.toString(36)}slut`);
    for (let round = 0; round < 2; round++) {
      const count = table.scan(words.join(" "));
      expect(count).toBe(words.length);
      expect(Array.from(table.found.subarray(0, count), (number) => numbered[number])).toEqual(words);
    }
    expect(asked).toBe(words.length);
  });
});

// Ligature repair with the real Swedish dictionary: each word the seeds README lists, compounds the
// dictionary has no entry for, ties between two real words, and words no ligature can explain.
import { beforeAll, describe, expect, it } from "vitest";
import { repairLigatures, UNREADABLE_MARKER } from "../../../src/import/ligatures.ts";
import { loadSwedishLexicon, type Lexicon } from "../../../src/import/swedish-words.ts";

const LOST = "\uFFFD";
let lexicon: Lexicon;

beforeAll(async () => {
  lexicon = await loadSwedishLexicon();
});

describe("repairLigatures", () => {
  it.each([
    ["e\uFFFDekt", "effekt"],
    ["re\uFFFDektioner", "reflektioner"],
    ["in\uFFFDyttning", "inflyttning"],
    ["\uFFFDnns", "finns"],
    ["speci\uFFFDkt", "specifikt"],
    ["\uFFFDesta", "flesta"],
    ["medarbetarträ\uFFFDar", "medarbetarträffar"],
  ])("%s → %s (from the seeds README)", (broken, repaired) => {
    const result = repairLigatures(`ord ${broken}, sedan`, 12, lexicon);
    expect(result.text).toBe(`ord ${repaired}, sedan`);
    expect(result.problems).toEqual([]);
    expect(result.repairs).toEqual([expect.objectContaining({ line: 12, from: broken, to: repaired, ambiguous: false })]);
  });

  it("the spell checker is not fooled into accepting anything (nspell's Swedish compound-rule bug)", () => {
    expect(lexicon.isWord("effekt")).toBe(true);
    expect(lexicon.isWord("eflekt")).toBe(false);
    expect(lexicon.isWord("xyzqq")).toBe(false);
  });

  it("knows Swedish compounds the dictionary does not list, and prefers the one with fewer parts", () => {
    expect(lexicon.isWord("medarbetarträffar")).toBe(false);
    expect(lexicon.compoundParts("medarbetarträffar")).toBe(2);
    expect(lexicon.compoundParts("medarbetarträfiar")).toBe(0);
    expect(repairLigatures(`samverkans${LOST}ygeln`, 1, lexicon).text).toBe("samverkansflygeln");
  });

  it("a common word wins a tie between two real words, and the other is still reported", () => {
    const result = repairLigatures(`de ${LOST}esta gångerna`, 3, lexicon);
    expect(result.text).toBe("de flesta gångerna");
    expect(result.repairs[0]?.alternatives).toContain("fiesta");
  });

  it("keeps capitals in a shouted heading", () => {
    expect(repairLigatures(`O${LOST}ENTLIG E${LOST}EKT`, 1, lexicon).text).toBe("OFFENTLIG EFFEKT");
  });

  it("leaves a visible marker and a problem with its line when no ligature makes a word", () => {
    const result = repairLigatures(`kolle${LOST}or och ${LOST} här`, 40, lexicon);
    expect(result.text).toBe(`kolle${UNREADABLE_MARKER}or och ${UNREADABLE_MARKER} här`);
    expect(result.text).not.toContain(LOST);
    expect(result.problems).toEqual([
      { line: 40, word: `kolle${LOST}or` },
      { line: 40, word: LOST },
    ]);
  });

  it("repairs several lost ligatures on one line independently", () => {
    const result = repairLigatures(`Men FINSAM-målgruppen ${LOST}nns ju redan här, med e${LOST}ekt.`, 55, lexicon);
    expect(result.text).toBe("Men FINSAM-målgruppen finns ju redan här, med effekt.");
    expect(result.repairs.map((repair) => repair.to)).toEqual(["finns", "effekt"]);
  });
});

// The front matter's fast path (readSimpleYaml) against the yaml package it stands in for: whatever block the fast
// path reads, the yaml package must read without an error and to the very same data; whatever it leaves, the yaml
// package reads as before (same Swedish message, same line).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseDocument, stringify } from "yaml";
import { CONTROL_CHARACTERS, FrontMatterError, parseFrontMatter, readSimpleYaml } from "../../../src/content/front-matter.ts";
import { anyValue, nastyText, runs, validFrontMatter } from "../../property/arbitraries.ts";
import { TYPE_KEYS } from "../../../src/content/types.ts";

/** What the yaml package alone makes of a block: the reference the fast path must match. */
function yamlReads(block: string): { errors: number; data?: unknown } {
  const document = parseDocument(block, { schema: "core", uniqueKeys: true, prettyErrors: true });
  if (document.errors.length > 0) return { errors: document.errors.length };
  try {
    const reviver = (_key: unknown, value: unknown) =>
      typeof value === "string" ? value.replace(/\p{Surrogate}/gu, "\uFFFD").replace(CONTROL_CHARACTERS, "") : value;
    return { errors: 0, data: document.toJS({ reviver }) };
  } catch {
    return { errors: 1 };
  }
}

/** Deep equality that also tells -0 from 0, an own field from an inherited one, and one key order from another. */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Reflect.ownKeys(a);
  const keysB = Reflect.ownKeys(b);
  if (keysA.length !== keysB.length || keysA.some((key, index) => key !== keysB[index])) return false;
  return keysA.every((key) => same((a as Record<PropertyKey, unknown>)[key], (b as Record<PropertyKey, unknown>)[key]));
}

let readFast = 0;
let leftToYaml = 0;

function expectAgreement(block: string): void {
  const fast = readSimpleYaml(block);
  if (fast === undefined) {
    leftToYaml += 1;
    return;
  }
  readFast += 1;
  const reference = yamlReads(block);
  expect(reference.errors, `yaml refuses what the fast path read: ${JSON.stringify(block)}`).toBe(0);
  expect(same(fast, reference.data), `${JSON.stringify(block)}\nfast: ${JSON.stringify(fast)}\nyaml: ${JSON.stringify(reference.data)}`).toBe(true);
}

// Scalars the core schema reads as something other than text, and text that only just stays text.
const SCALAR_WORDS = [
  "~", "null", "Null", "NULL", "nul", "true", "True", "TRUE", "tRUE", "false", "False", "FALSE", "yes", "no", "on", "off",
  "0", "-0", "+0", "007", "12", "+12", "-12", "1_000", "0o17", "0o8", "0x1F", "0xg", "0b101", "1.5", "1.", ".5", "-.5", "+1.5e3", "1e3",
  "1E-3", ".e3", "1.0", "1.50", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", ".NAN", "NaN", "Infinity", "2024-05-02", "2024-05-02T08:30",
  "08.30", "8.3", "12:00", "1:2:3", "9007199254740993", "1" + "0".repeat(400), "nationella-radet", "Älv & Kust", "a,b", "a[b]", "{x}",
  "C#", "a#b", "x:y", "http://example.se/a?b=c", "'", '"', "''", "\\", "\\n", "a\\b", "%20", "@x", "`x`", "&x", "*x", "!x", "|", ">",
  "-", "--", "---", "...", "- x", "? x", ": x", "a: b", "a:", "a #b", "a # b", " a", "a ", "a  ", "\u00A0a", "a\u00A0", "a\u2028b", "a\tb",
  "\uFEFF", "😀", "\uD800", "\uDC00x", "\uFFFE", "\u0085", "\u0001", "",
];

/** Text as an editor or a tool writes it, not yet quoted. */
const scalarText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SCALAR_WORDS) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...SCALAR_WORDS, " ", "Möte", "och", "2024"), { minLength: 1, maxLength: 5 }).map((parts) => parts.join("")) },
  { weight: 2, arbitrary: nastyText.map((text) => text.replace(/[\r\n]/g, " ")) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/** A scalar as it stands after "name: " or "- ": plain, in either kind of quotes, or as the yaml package writes it. */
const writtenScalar = fc.oneof(
  { weight: 4, arbitrary: scalarText },
  { weight: 2, arbitrary: scalarText.map((text) => `"${text}"`) },
  { weight: 2, arbitrary: scalarText.map((text) => `'${text.replaceAll("'", "''")}'`) },
  { weight: 1, arbitrary: scalarText.map((text) => `'${text}'`) },
  { weight: 2, arbitrary: scalarText.map((text) => stringify(text).replace(/\n$/, "")) },
  { weight: 1, arbitrary: fc.constantFrom("[]", "[ ]", "[] ", "[a]", "{}", "|", ">-", '"a" # c', "a # c", '"a" ', "'a'  ", '"a"b', "''''", "'a''b'") },
);

const KEYS = [
  "title", "date", "tags", "agenda", "name", "section", "a", "x_1", "A9", "true", "Null", "FALSE", "toString", "__proto__",
  "constructor", "hasOwnProperty", "valueOf", "1a", "_a", "a-b", "å", "a b", "k".repeat(1100),
];
const key = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: scalarText });
const indent = fc.oneof({ weight: 4, arbitrary: fc.constant("") }, { weight: 1, arbitrary: fc.constantFrom(" ", "  ", "\t", "    ") });

/** One piece of front matter: a field, a list (of values or of fields), a comment, a blank line or stray text. */
const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(indent, key, fc.constantFrom(": ", ":  ", ":", ":\t"), writtenScalar).map(([i, k, colon, v]) => `${i}${k}${colon}${v}`) },
  { weight: 2, arbitrary: fc.tuple(key, fc.constantFrom(":", ": ", ":  ")).map(([k, colon]) => `${k}${colon}`) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(key, fc.constantFrom("", " ", "  ", "   ", "    "), fc.array(fc.tuple(fc.boolean(), writtenScalar, fc.array(fc.tuple(key, writtenScalar), { maxLength: 3 }), fc.constantFrom("  ", " ", "   ", "")), { minLength: 1, maxLength: 4 }))
      .map(([k, itemIndent, items]) =>
        [`${k}:`, ...items.map(([asFields, value, fields, deeper]) => (asFields && fields.length > 0
          ? [`${itemIndent}- ${fields[0]?.[0]}: ${fields[0]?.[1]}`, ...fields.slice(1).map(([name, fieldValue]) => `${itemIndent}${deeper}${name}: ${fieldValue}`)].join("\n")
          : `${itemIndent}- ${value}`))].join("\n"),
      ),
  },
  { weight: 2, arbitrary: fc.tuple(indent, fc.constantFrom("# kommentar", "#", "#: x", "# a: b", "  # indragen")).map(([i, c]) => `${i}${c}`) },
  { weight: 2, arbitrary: fc.constantFrom("", " ", "  ", "\t") },
  { weight: 1, arbitrary: fc.constantFrom("...", "%YAML 1.2", "- x", "  - x", "? a", ": b", "  fortsättning", "a: b: c", "[a, b]: c", "<<: {a: 1}", "&a a: 1", "a: &x 1", "b: *x", "a: !tagg x") },
  { weight: 1, arbitrary: nastyText },
);

// Front matter as editors mostly write it, where the fast path has to be right rather than step aside: sound
// structure, with the odd key, scalar, indent or comment that the yaml package reads in its own way.
const plainKey = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom("title", "date", "tags", "agenda", "name", "section", "a", "x_1") },
  { weight: 1, arbitrary: fc.constantFrom(...KEYS) },
);
const EVERYDAY = ["Rubrik", "Möte i Älvdalen", "2024-05-02", "nationella-radet", "Per Holm, ordförande", "12", "08.30", "true", "C#", "x:y", "a,b"];
const plainScalar = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...EVERYDAY) },
  { weight: 3, arbitrary: fc.constantFrom(...SCALAR_WORDS) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...SCALAR_WORDS, " ", "Möte", "och", "2024"), { minLength: 1, maxLength: 5 }).map((parts) => parts.join("")) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
const cleanScalar = fc.oneof(
  { weight: 3, arbitrary: plainScalar },
  { weight: 2, arbitrary: plainScalar.map((text) => `"${text}"`) },
  { weight: 2, arbitrary: plainScalar.map((text) => `'${text.replaceAll("'", "''")}'`) },
  { weight: 1, arbitrary: plainScalar.map((text) => stringify(text).replace(/\n$/, "")) },
  { weight: 1, arbitrary: fc.constantFrom("[]", "[] ", '"a" ', "'a'  ", "''''", "'a''b'", "a ", "Rubrik") },
);
const between = fc.array(fc.constantFrom("", "# k", "  # k", "    # k", " "), { maxLength: 1 });
const itemFields = fc.uniqueArray(fc.tuple(plainKey, cleanScalar), { minLength: 1, maxLength: 3, selector: ([name]) => name });
/** A piece of front matter for a given field name: "name: value", "name:" alone, or a list. */
const cleanPiece: fc.Arbitrary<(name: string) => string> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(": ", ": ", ":  "), cleanScalar).map(([colon, v]) => (k: string) => `${k}${colon}${v}`) },
  { weight: 1, arbitrary: fc.constant((k: string) => `${k}:`) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom("", "  ", "  ", " ", "    "), fc.array(fc.tuple(fc.boolean(), cleanScalar, itemFields, between), { minLength: 1, maxLength: 4 }))
      .map(([itemIndent, items]) => (k: string) =>
        [
          `${k}:`,
          ...items.map(([asFields, value, fields, extra]) =>
            asFields
              ? [`${itemIndent}- ${fields[0]?.[0]}: ${fields[0]?.[1]}`, ...extra, ...fields.slice(1).map(([name, fieldValue]) => `${itemIndent}  ${name}: ${fieldValue}`)].join("\n")
              : [`${itemIndent}- ${value}`, ...extra].join("\n"),
          ),
        ].join("\n"),
      ),
  },
);
const cleanPieces = fc
  .tuple(
    fc.uniqueArray(fc.tuple(plainKey, cleanPiece), { minLength: 1, maxLength: 8, selector: ([name]) => name }),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom("# kommentar", "  # indragen", "", "  ")), { maxLength: 2 }),
  )
  .map(([fields, comments]) => {
    const lines = fields.map(([name, write]) => write(name));
    for (const [at, comment] of comments) lines.splice(at % (lines.length + 1), 0, comment);
    return lines;
  });

const block = fc
  .tuple(
    fc.constantFrom("", " ", "  ", "\t"),
    fc.oneof(cleanPieces, fc.array(piece, { minLength: 1, maxLength: 8 })),
    fc.constantFrom("", "\n", "\n\n", " "),
  )
  .map(([firstLine, pieces, end]) => `${firstLine}\n${pieces.join("\n")}${end}`);

describe("the front matter's fast path", () => {
  it("reads exactly what the yaml package reads, or leaves the block to it", () => {
    readFast = 0;
    leftToYaml = 0;
    fc.assert(fc.property(block, expectAgreement), { numRuns: runs(4000) });
    // The property only says something if both sides are exercised.
    expect(readFast).toBeGreaterThan(runs(4000) / 20);
    expect(leftToYaml).toBeGreaterThan(runs(4000) / 10);
  });

  it("reads what the yaml package writes for any data, as the yaml package reads it back", () => {
    const [fastBefore, yamlBefore] = [readFast, leftToYaml];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...KEYS.slice(0, 8)), anyValue, { maxKeys: 8 }), (data) => expectAgreement(`\n${stringify(data)}`)),
      { numRuns: runs(1500) },
    );
    // Only the blocks the fast path reads are compared: about a fifth of them. A twentieth leaves room for chance,
    // not for a fast path that declines (nearly) everything and so would pass without being checked.
    const [fast, yaml] = [readFast - fastBefore, leftToYaml - yamlBefore];
    expect(fast, `read fast ${fast}, left to yaml ${yaml}`).toBeGreaterThan(runs(1500) / 20);
  });

  it("reads every type's valid front matter without the yaml package, as written by it and by editors", () => {
    for (const type of TYPE_KEYS) {
      const written = `\n${stringify(validFrontMatter(type))}`;
      expect(readSimpleYaml(written), type).toBeDefined();
      expectAgreement(written);
    }
    const byHand = [
      "",
      "title: Förbundschefsdagar 22-23 oktober 2019",
      "date: 2019-10-24",
      "place: Bubbetorps Gård, Karlskrona",
      "# Valfritt: updated: 2019-10-25",
      "tags: []",
      "authors:",
      "- Åsa Öberg",
      "- 'Per ''Pelle'' Holm'",
      "speakers:",
      "  - name: Karin Lund",
      "    # kommentar",
      "    affiliation: \"Försäkringskassan\"",
      "",
      "  - name: Olle Sten",
      "    affiliation: SKR",
      "yearFrom: 2006",
      "draft: false",
      "startTime: 08.30",
      "id:",
    ].join("\n");
    const fast = readSimpleYaml(byHand);
    expect(fast).toEqual({
      title: "Förbundschefsdagar 22-23 oktober 2019",
      date: "2019-10-24",
      place: "Bubbetorps Gård, Karlskrona",
      tags: [],
      authors: ["Åsa Öberg", "Per 'Pelle' Holm"],
      speakers: [{ name: "Karin Lund", affiliation: "Försäkringskassan" }, { name: "Olle Sten", affiliation: "SKR" }],
      yearFrom: 2006,
      draft: false,
      startTime: 8.3,
      id: null,
    });
    expectAgreement(byHand);
  });

  it("leaves to the yaml package what it does not read, so its Swedish message and line stay", () => {
    const cases: Array<[string, number, string]> = [
      ["title: a\ntitle: b", 3, "samma fält står två gånger"],
      ["date: x\ntitle: *Viktigt*", 3, "hänvisning"],
      ['title: "C:\\qmappen"', 2, "omvänt snedstreck"],
      ["tags:\n  - a\n - b", 4, "kolon"],
      ["title: a: b", 2, "kolon"],
      ["title:\n\t- a", 3, "tabb"],
    ];
    for (const [text, line, words] of cases) {
      expect(readSimpleYaml(`\n${text}`), text).toBeUndefined();
      let thrown: unknown;
      try {
        parseFrontMatter(`---\n${text}\n---\nText.\n`);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, text).toBeInstanceOf(FrontMatterError);
      expect((thrown as FrontMatterError).message, text).toContain(words);
      expect((thrown as FrontMatterError).line, text).toBe(line);
    }
  });

  it("finds a field's line on request, read fast or not", () => {
    const source = "---\ntitle: Rubrik\ntags:\n  - a\n  - b\nspeakers:\n  - name: A\n    affiliation: B\n---\nText.\n";
    const parsed = parseFrontMatter(source);
    expect(parsed.locate(["tags", 1])).toEqual({ line: 5, column: 5 });
    expect(parsed.locate(["speakers", 0, "affiliation"])).toEqual({ line: 8, column: 18 });
    expect(parsed.locate(["saknas"])).toEqual({ line: 2, column: 1 });
    expect(parsed.bodyLine).toBe(10);
    expect(parsed.body).toBe("Text.\n");
    // Comments only: no fields, and nothing to point at.
    expect(parseFrontMatter("---\n# bara en kommentar\n---\nText.\n").locate(["title"])).toBeUndefined();
  });
});

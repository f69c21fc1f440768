// src/content/checks/plain-outline.ts: the line scan gives the outline markdown-it's parse gives (headings, links,
// images, refused addresses, every position), for any text; where it cannot be sure it declines and the parse answers.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { outlineBody, parsedOutline, parsedOutlineParts } from "../../src/content/checks/body.ts";
import { PLAIN_PATH, plainOutline } from "../../src/content/checks/plain-outline.ts";
import { markdown } from "../../src/text/markdown.ts";
import { writeCorpus } from "../../bench/corpus.ts";
import { runs } from "./arbitraries.ts";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { bodyOf } from "../../src/content/front-matter.ts";

/** How lines begin: what the scan follows (text, headings, list markers) and what it must not mistake. */
const FOLLOWED_STARTS = ["", "", "", "# ", "## ", "### ", "###### ", "#\t", "- ", "* ", "+ ", "-  ", "-    ", "1. ", "2. ", "01. ", "10) ", "1.5 ", "2024 ", "**", "__x", "-x", "–", "!", "[", "\u00a0", "- **", "+46 ", "-5 ", "123456789. "];
const OTHER_STARTS = [
  "####### ", "#", "#x ", "-     ", "-\t", "1.", "1234567890. ", "*", "_", "_ ", "--", "---", "***", "* * *", "- - -", "=", "===", "> ",
  " ", "  ", "    ", "\t", "~~~", "```", "[a]: /b", "*[FK]: F", "- # ", "- - ", "- 1. ",
];
/** What a line holds: words, links and images, text that may look like an address, and what could make or unmake a link. */
const FOLLOWED_INLINE = [
  "ord", "ord", "Åsa och Öhman", " ", " ", "[a](/x)", "![b](/bild.jpg)", "![](/b.png)", "[Läs mer](/nyheter/2024/a/)", "/x", "/y",
  "[x](https://www.finsam.se/a)", "[](/tom)", "www.x.se", "a@b.se", "]", "(", ")", "#", " #", " ##", "*", "**", "_", "~~", ":",
  "\u00a0", "\u2028", "!", "!!", "&amp;", "[a](/x)[b](/y)", "[/y](/x)", "[/x](/y)", "%", "[a](%)", "[a](/%C3%A5)", "[a](/%zz)",
  "[a](mailto:a@b.se)", "[a](tel:+4631)", "[a](#rubrik)", "[a](../b)", "[å](/ä)", "[a\tb](/t)", "[a](/x)b", "[a (b)](/x)",
];
const OTHER_INLINE = [
  "[", "](", "[a]", "[a][b]", "[a]{lang=en}", "`", "<", ">", "\\", "[a](/x&amp;y)", "[a](/å b)", "[a](javascript:alert)",
  "[a](data:x)", '[a](/x "t")', "[a]( /x)", "[a](/x )", "|", "://", "https://x.se/a", "[https://x.se](/y)", "\r", "\0", "![",
  "[a](/(x))", "[a](<b>)",
];
const SEPARATORS = ["\n", "\n", "\n", "\n\n", "\n \n", "\n\t\n"];

/** Mostly what the scan follows, now and then something it must decline or read exactly as markdown-it does. */
const line = fc
  .tuple(
    fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...FOLLOWED_STARTS) }, { weight: 1, arbitrary: fc.constantFrom(...OTHER_STARTS) }),
    fc.array(fc.oneof({ weight: 25, arbitrary: fc.constantFrom(...FOLLOWED_INLINE) }, { weight: 1, arbitrary: fc.constantFrom(...OTHER_INLINE) }), { maxLength: 6 }),
  )
  .map(([start, pieces]) => start + pieces.join(""));
const body = fc
  .tuple(fc.array(fc.tuple(line, fc.constantFrom(...SEPARATORS)), { maxLength: 10 }), fc.constantFrom("", "\n", "\n\n", "  ", "\n "))
  .map(([lines, end]) => lines.map(([text, separator]) => text + separator).join("") + end);

describe("the outline of a plain body", () => {
  it("is markdown-it's outline for any text: the same blocks and headings where it answers, the same positions always", () => {
    let answered = 0;
    let tried = 0;
    fc.assert(
      fc.property(body, fc.integer({ min: 1, max: 40 }), (text, bodyLine) => {
        tried++;
        const parts = plainOutline(text, text.split("\n"));
        if (parts !== undefined) {
          answered++;
          expect(parts).toEqual(parsedOutlineParts(text));
        }
        expect(outlineBody(text, bodyLine)).toEqual(parsedOutline(text, bodyLine));
      }),
      { numRuns: runs(4000) },
    );
    // A scan that declined most bodies would pass the comparison above without being tested by it.
    expect(answered / tried).toBeGreaterThan(0.3);
  });

  it("takes a plain path as markdown-it does: its own normalised, text and decoded form, and a link the renderer keeps", () => {
    const paths = fc.oneof(fc.stringMatching(/^\/[A-Za-z0-9\-._~/]*$/).filter((path) => PLAIN_PATH.test(path)), fc.constantFrom("/", "/nyheter/2024/a/", "/bilder/a.jpg", "/a/../b", "/~x", "/-._~"));
    fc.assert(
      fc.property(paths, (target) => {
        expect(markdown.normalizeLink(target)).toBe(target);
        expect(markdown.normalizeLinkText(target)).toBe(target);
        expect(decodeURI(target)).toBe(target);
        expect(markdown.validateLink(target)).toBe(true);
      }),
      { numRuns: runs(2000) },
    );
  });

  it("answers for the prose, headings, lists, links and images editors write", () => {
    const text = [
      "Inledning med en [länk](/nyheter/2024/a/) och **fet** text.",
      "",
      "## Bakgrund",
      "",
      "- Punkt ett med [Försäkringskassan](https://www.forsakringskassan.se/)",
      "- Punkt två",
      "1. Första",
      "2. Andra",
      "",
      "![Styrelsen vid bordet](/bilder/styrelsen.jpg)",
      "",
      "### Mer om [mötet](/protokoll/2024/mote/) ###",
      "– Citat från en talare.",
      "",
    ].join("\n");
    const parts = plainOutline(text, text.split("\n"));
    expect(parts).toBeDefined();
    expect(outlineBody(text, 7)).toEqual(parsedOutline(text, 7));
    expect(outlineBody(text, 7).headings.map((heading) => [heading.level, heading.text])).toEqual([
      [2, "Bakgrund"],
      [3, "Mer om [mötet](/protokoll/2024/mote/)"],
    ]);
    expect(outlineBody(text, 7).references.map((reference) => [reference.kind, reference.target, reference.position.line])).toEqual([
      ["link", "/nyheter/2024/a/", 7],
      ["link", "https://www.forsakringskassan.se/", 11],
      ["image", "/bilder/styrelsen.jpg", 16],
      ["link", "/protokoll/2024/mote/", 18],
    ]);
  });

  it("declines what it does not follow, and the parse answers", () => {
    for (const text of ["Text\n===", "```\n# kod\n```", "> citat", "    kod", "[a]\n\n[a]: /b", "a | b\n--- | ---", "[a](/x \"titel\")", "Se <https://x.se>", "\\[a](/b)", "[a](javascript:x)", "Se https://x.se/[a](/b)", "---", "a | [b](/c)\n:- | -", "[FK]: Försäkringskassan", "*[FK]: Försäkringskassan"]) {
      expect(plainOutline(text, text.split("\n")), JSON.stringify(text)).toBeUndefined();
      expect(outlineBody(text, 3)).toEqual(parsedOutline(text, 3));
    }
  });

  it("answers for the bench's generated bodies, as for editors' plain text", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plain-outline-"));
    try {
      writeCorpus(dir, { documents: 60, vocabulary: "real" });
      const files = fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".md"));
      expect(files.length).toBeGreaterThan(50);
      let answered = 0;
      for (const file of files) {
        const text = bodyOf(fs.readFileSync(path.join(dir, file), "utf8"));
        if (plainOutline(text, text.split("\n")) !== undefined) answered++;
        expect(outlineBody(text, 9)).toEqual(parsedOutline(text, 9));
      }
      expect(answered / files.length).toBeGreaterThan(0.9);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

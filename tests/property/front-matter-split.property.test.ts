// The front matter split hands gray-matter only the head of a file (src/content/front-matter.ts splitFrontMatter):
// for any text, block and body must be exactly what gray-matter finds in the whole file.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import matter from "gray-matter";
import { splitFrontMatter } from "../../src/content/front-matter.ts";
import { runs } from "./arbitraries.ts";

const SPLIT_ONLY = { engines: { yaml: () => ({}) } };

/** Pieces that make gray-matter's rule matter: delimiters, line ends, a language after the opening line. */
const piece = fc.constantFrom("---", "----", "\n", "\r", "\r\n", "\n---", "\n---\n", "\n---\r\n", "yaml", " ", "#", "title: x", "\n\n", "---yaml", "å", "a");
const text = fc.array(piece, { maxLength: 14 }).map((pieces) => pieces.join(""));

/** The split, or the error it throws (gray-matter refuses an unknown language after the opening "---"). */
function outcome(split: () => { matter: string; body: string }): unknown {
  try {
    return split();
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

describe("front matter split", () => {
  it("gives the block and body gray-matter gives for the whole file", () => {
    fc.assert(
      fc.property(fc.oneof(text, text.map((rest) => `---\n${rest}`), fc.string()), (source) => {
        expect(outcome(() => splitFrontMatter(source))).toEqual(
          outcome(() => {
            const whole = matter(source, SPLIT_ONLY);
            return { matter: whole.matter, body: whole.content };
          }),
        );
      }),
      { numRuns: runs(2000) },
    );
  });
});

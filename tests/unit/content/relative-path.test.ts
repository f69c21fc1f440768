// relativePath gives path.relative's answer (with "/" between parts) for any pair of paths, taking the short way only
// where a normalised file lies under a normalised folder.
import path from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { relativePath } from "../../../src/content/relative-path.ts";
import { runs } from "../../property/arbitraries.ts";

const part = fc.constantFrom("work", "main", "content", "nyheter", "a.md", ".", "..", "", "å b", "x.y", "...", ".md");
const anyPath = fc.tuple(fc.constantFrom("/", "", "./", "../"), fc.array(part, { maxLength: 6 }), fc.constantFrom("", "/")).map(([start, parts, end]) => start + parts.join("/") + end);

describe("relativePath", () => {
  it("is path.relative for a file under its folder, above it, beside it, and for paths not yet normalised", () => {
    for (const [root, file] of [
      ["/work/main", "/work/main/content/nyheter/a.md"],
      ["/work/main/", "/work/main/content/a.md"],
      ["/work/main", "/work/mainly/a.md"],
      ["/work/main", "/work/other/a.md"],
      ["/work/main", "/work/main"],
      ["/", "/work/a.md"],
      ["/work/main", "/work/main/content/../a.md"],
      ["/work/main", "/work/main//a.md"],
      ["/work/./main", "/work/main/a.md"],
    ] as const) {
      expect(relativePath(root, file), `${root} ${file}`).toBe(path.relative(root, file).split(path.sep).join("/"));
    }
    fc.assert(
      fc.property(anyPath, anyPath, (root, file) => {
        expect(relativePath(root, file)).toBe(path.relative(root, file).split(path.sep).join("/"));
      }),
      { numRuns: runs(3000) },
    );
    fc.assert(
      fc.property(anyPath, anyPath, (root, rest) => {
        const file = `${root}/${rest}`;
        expect(relativePath(root, file)).toBe(path.relative(root, file).split(path.sep).join("/"));
      }),
      { numRuns: runs(3000) },
    );
  });
});

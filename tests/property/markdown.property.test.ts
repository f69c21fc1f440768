// Level 1 property: whatever Markdown an editor writes, the rendered body has no element or attribute that runs
// script, and no link or image that does. Read with a real HTML parser, as a browser would.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { markdown } from "../../src/text/markdown.ts";
import { markdownBody, runs } from "./arbitraries.ts";
import { expectInertBody as expectInert } from "./oracles.ts";

describe("rendering arbitrary Markdown", () => {
  it("never produces script, event handler attributes or script-capable URLs", () => {
    fc.assert(
      fc.property(markdownBody, fc.constantFrom("/", "/finsam/"), (body, pathPrefix) => {
        expectInert(markdown.render(body, { pathPrefix }));
      }),
      { numRuns: runs(400) },
    );
  });

  it("really catches injected markup (the check itself can fail)", () => {
    expect(() => expectInert('<p><img src="x" onerror="alert(1)"></p>')).toThrow();
    expect(() => expectInert('<p><a href="java\tscript:alert(1)">a</a></p>')).toThrow();
    expect(() => expectInert("<script>alert(1)</script>")).toThrow();
    expect(() => expectInert('<p><a href="data:text/html,x">a</a></p>')).toThrow();
  });
});

// Text placed in someone else's Markdown (the check's summary on a workflow run) shows as itself: any string, through
// markdownText and a real renderer, comes back as the same characters on one line, as a paragraph or a table cell
// with nothing else built from it.
import * as cheerio from "cheerio";
import fc from "fast-check";
import markdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { markdownText } from "../../src/text/markdown-text.ts";
import { nastyText, runs } from "./arbitraries.ts";

// GitHub lets some raw HTML through its sanitiser; rendering with html on is the stricter test.
const renderer = markdownIt({ html: true, linkify: true });
const BREAKS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
// Markdown trims a cell's and a paragraph's ends, and any renderer turns NUL into U+FFFD; the escape keeps the rest.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const shown = (text: string) =>
  text
    .replace(LONE_SURROGATE, "\uFFFD")
    .replace(BREAKS, " ")
    .replace(/^[ \t]+|[ \t]+$/g, "");
const markup = fc.constantFrom("|", "<img src=x onerror=alert(1)>", "<script>x</script>", "![a](https://e.example/a.png)", "[l](javascript:x)", "**", "_", "`", "&amp;", "\\", "\n", "# ", "- ", "1. ", "> ", "https://e.example", "www.e.example", "~~", "<!--", "-->");
const text = fc.array(fc.oneof(markup, nastyText, fc.string()), { maxLength: 8 }).map((parts) => parts.join(""));

describe("markdownText", () => {
  it("is a paragraph of exactly the text, building no element", () => {
    fc.assert(
      fc.property(text, (value) => {
        fc.pre(shown(value) !== "");
        const $ = cheerio.load(renderer.render(markdownText(value)), null, false);
        expect($.root().children().length).toBe(1);
        expect($("p").length).toBe(1);
        expect($("p").children().length).toBe(0);
        expect($("p").text()).toBe(shown(value));
      }),
      { numRuns: runs(300) },
    );
  });

  it("is one table cell of exactly the text", () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const $ = cheerio.load(renderer.render(`| A | B |\n| --- | --- |\n| ${markdownText(a)} | ${markdownText(b)} |\n`), null, false);
        const cells = $("tbody td").toArray();
        // A table trims a cell's ends of any white space, not only ASCII's.
        expect(cells.map((cell) => $(cell).text())).toEqual([shown(a).trim(), shown(b).trim()]);
        expect($("tbody td *").length).toBe(0);
      }),
      { numRuns: runs(300) },
    );
  });
});

// A document too long for a feed entry: the entry ends at a paragraph with a link to the page, which has it all.
import { describe, expect, it } from "vitest";
import { load } from "cheerio";
import { XMLValidator } from "fast-xml-parser";
import { FEED_CONTENT_LIMIT, boundedContent } from "../../../src/outputs/feeds/cut.ts";
import { renderMarkdown } from "../../../src/text/markdown.ts";
import { buildSite, markdownFile, writeContent } from "../../helpers/build.ts";
import { readAtom, readJsonFeed } from "./feed-helpers.ts";

const PAGE_URL = "https://finsam.example/nyheter/2024/lang-nyhet/";
const LIMIT = 100 * 1024;
const URL = "https://finsam.example/nyheter/2024/en-nyhet/";
const READ_ON = `<p><a href="${PAGE_URL}">Läs hela texten på webbplatsen</a></p>`;

// Multi-byte letters, characters the HTML escapes and a link in every paragraph: a cut by characters or in the
// middle of an entity or a tag would show.
const PARAGRAPHS = Array.from(
  { length: 1500 },
  (_, index) =>
    `Stycke ${index + 1}: Förbundet & kommunerna <samverkar> om "rehabilitering" för att åtgärda långvarig ` +
    `sjukskrivning, se [den korta nyheten](/nyheter/2024/kort-nyhet/) och läs vidare om hur vi arbetar i länet.`,
);
const BODY = PARAGRAPHS.join("\n\n");

describe("a feed entry over 100 KB", async () => {
  const site = await buildSite(
    writeContent({
      "nyheter/2024-05-02-lang-nyhet.md": markdownFile(
        { title: "Lång nyhet", date: "2024-05-02", summary: "En mycket lång nyhet.", organisation: "nns" },
        BODY,
      ),
      "nyheter/2024-05-01-kort-nyhet.md": markdownFile(
        { title: "Kort nyhet", date: "2024-05-01", summary: "En kort nyhet.", organisation: "nns" },
        "Bara ett stycke.",
      ),
    }),
  );

  it("has a body of about 300 KB", () => {
    expect(Buffer.byteLength(BODY)).toBeGreaterThan(250 * 1024);
  });

  /** What the entry keeps: whole paragraphs from the start of the body, in order, then the link. */
  function expectCut(content: string): void {
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(LIMIT);
    // Well-formed as XML: no tag or entity was cut in two.
    expect(XMLValidator.validate(`<div>${content}</div>`)).toBe(true);

    // A news item without staffing facts: the body is all the entry has, in the page's element for the body.
    const $ = load(content, null, false);
    const roots = $.root().children().toArray();
    expect(roots).toHaveLength(1);
    const blocks = $(roots[0]).children().toArray();
    expect(blocks.every((block) => block.tagName === "p")).toBe(true);
    expect($.html(blocks.at(-1))).toBe(READ_ON);
    const kept = blocks.slice(0, -1).map((block) => $(block).text());
    const written = PARAGRAPHS.slice(0, kept.length).map((paragraph) => paragraph.replace(/\[(.*?)\]\(.*?\)/g, "$1"));
    expect(kept).toEqual(written);
    // Cut at the last paragraph that fits, not far earlier.
    expect(Buffer.byteLength(content)).toBeGreaterThan(LIMIT - 2 * Buffer.byteLength(PARAGRAPHS[0] ?? ""));
    expect($("a").last().attr("href")).toBe(PAGE_URL);
  }

  for (const path of ["/feed.xml", "/nyheter/feed.xml"]) {
    it(`ends the Atom entry in ${path} at a paragraph, with a link to the page`, () => {
      const entries = readAtom(site, path).entries ?? [];
      const long = entries.find((entry) => entry.title?.value === "Lång nyhet");
      expectCut(long?.content?.value ?? "");
      const short = entries.find((entry) => entry.title?.value === "Kort nyhet");
      const $ = load(short?.content?.value ?? "", null, false);
      expect($("p").map((_, p) => $(p).text()).get()).toEqual(["Bara ett stycke."]);
    });
  }

  it("ends the JSON Feed item the same way", () => {
    const items = readJsonFeed(site, "/feed.json").items;
    const long = items.find((item) => item.title === "Lång nyhet");
    expectCut(long?.content_html ?? "");
    const atom = (readAtom(site, "/feed.xml").entries ?? []).find((entry) => entry.title?.value === "Lång nyhet");
    expect(long?.content_html).toBe(atom?.content?.value);
  });

  it("keeps the whole text on the page", () => {
    const $ = load(site.read("/nyheter/2024/lang-nyhet/"));
    const text = $("main").text();
    expect(text).toContain("Stycke 1: Förbundet & kommunerna <samverkar>");
    expect(text).toContain("Stycke 1500: Förbundet");
    expect(text).not.toContain("Läs hela texten på webbplatsen");
  });
});

describe("boundedContent", () => {
  const html = (markdown: string): string => renderMarkdown(markdown);
  const readOn = `<p><a href="${URL}">Läs hela texten på webbplatsen</a></p>`;

  it("is the limit the build test holds the feeds to", () => {
    expect(FEED_CONTENT_LIMIT).toBe(LIMIT);
  });

  it("leaves content within the limit as it is", () => {
    const short = html("Ett stycke.\n\n- en lista\n- med punkter");
    expect(boundedContent(short, URL)).toBe(short);
  });

  it("cuts between top-level blocks only: after a whole list, a rule, a code block", () => {
    const list = Array.from({ length: 200 }, (_, index) => `- punkt ${index}\n\n  och ett andra stycke`).join("\n");
    const code = `\`\`\`\n${"if (a < b && c > d) {}\n\n".repeat(300)}\`\`\``;
    const source = html(Array.from({ length: 40 }, () => `${list}\n\n---\n\n${code}`).join("\n\nStycke.\n\n"));
    expect(Buffer.byteLength(source)).toBeGreaterThan(3 * LIMIT);
    const cut = boundedContent(source, URL);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(LIMIT);
    expect(cut.trimEnd().endsWith(readOn)).toBe(true);
    const kept = cut.slice(0, cut.lastIndexOf(readOn)).trimEnd();
    expect(source.startsWith(kept)).toBe(true);
    expect(XMLValidator.validate(`<div>${kept.replaceAll("<hr>", "<hr/>")}</div>`)).toBe(true);
    expect(kept).toMatch(/(<\/ul>|<hr>|<\/pre>|<\/p>)$/);
    for (const element of ["ul", "li", "pre"]) {
      expect(kept.split(`<${element}>`).length).toBe(kept.split(`</${element}>`).length);
    }
  });

  it("keeps only the link when the first block alone is too long", () => {
    expect(boundedContent(html("ord ".repeat(LIMIT)), URL).trim()).toBe(readOn);
  });
});

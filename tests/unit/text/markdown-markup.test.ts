// The markup editors may write beyond plain Markdown (src/text/markdown.ts): a passage's language ([text]{lang=en}),
// abbreviations (*[FK]: Försäkringskassan), tables in a scrolling region, and the minutes' § sections. Read with a
// real HTML parser.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { load } from "cheerio";
import { LANGUAGE_TAG, markdown, paragraphOfHeading, splitParagraphs, withoutParagraphMarks } from "../../../src/text/markdown.ts";
import { T } from "../../../src/site/i18n.ts";

function render(source: string) {
  return load(markdown.render(source, {}), null, false);
}

describe("a passage in another language", () => {
  it("is a span with its lang, its inner Markdown rendered", () => {
    const $ = render("Vi kallar det [*kick-off* på **Kreativum**]{lang=en} i år, och [Tervetuloa]{lang=\"fi\"}.");
    expect($("span").map((_, span) => $(span).attr("lang")).get()).toEqual(["en", "fi"]);
    expect($("span[lang=en] em").text()).toBe("kick-off");
    expect($("span[lang=en] strong").text()).toBe("Kreativum");
    expect($("p").text()).toBe("Vi kallar det kick-off på Kreativum i år, och Tervetuloa.");
  });

  it("takes script, region and variant subtags, and a link inside it", () => {
    const $ = render("[colour]{lang=en-GB} [a](https://example.se/) [[länk](https://example.org/)]{lang=sr-Latn-RS}");
    expect($("span").map((_, span) => $(span).attr("lang")).get()).toEqual(["en-GB", "sr-Latn-RS"]);
    expect($("span[lang=sr-Latn-RS] a").attr("href")).toBe("https://example.org/");
  });

  it.each([
    "[x]{lang=engelska}",
    "[x]{lang=en_GB}",
    "[x]{lang=e}",
    "[x]{lang=}",
    "[x]{lang=en onclick=alert(1)}",
    '[x]{lang="en" title="t"}',
    "[x]{class=varning}",
    "[x]{#main}",
    "[]{lang=en}",
  ])("leaves %s as written, with no attribute of it in the HTML", (source) => {
    const $ = render(source);
    expect($("span")).toHaveLength(0);
    expect($("[onclick], [class], [id], [title]")).toHaveLength(0);
    expect($("p").text()).toBe(source);
  });

  it("language tags: the shapes BCP 47 gives, nothing else", () => {
    for (const tag of ["en", "sv", "fi", "se", "smj", "en-GB", "es-419", "zh-Hant", "sr-Latn-RS", "de-CH-1901", "sl-rozaj"]) expect(tag).toMatch(LANGUAGE_TAG);
    for (const tag of ["", "e", "english", "en_GB", "en-", "-en", "en GB", "en-GB-", "1en", "en\"", "en>"]) expect(tag).not.toMatch(LANGUAGE_TAG);
  });
});

describe("abbreviations", () => {
  it("marks every use of a defined abbreviation, the definition itself not shown", () => {
    const $ = render("FK och AF samverkar. FK:s handläggare.\n\n*[FK]: Försäkringskassan\n*[AF]: Arbetsförmedlingen");
    expect($("abbr").map((_, abbr) => `${$(abbr).text()}=${$(abbr).attr("title")}`).get()).toEqual([
      "FK=Försäkringskassan",
      "AF=Arbetsförmedlingen",
      "FK=Försäkringskassan",
    ]);
    expect($.root().text()).not.toContain("*[FK]");
    // Not inside another word.
    expect(render("FKX\n\n*[FK]: Försäkringskassan")("abbr")).toHaveLength(0);
  });
});

describe("hostile text in the editors' markup", () => {
  // Text an editor could paste: quotes, angle brackets, ampersands, braces, equals signs, and markup words.
  const hostile = fc
    .array(fc.constantFrom('"', "'", "<", ">", "&", "{", "}", "=", "lang=", " onclick=", "<script>", "</span>", "<!--", "-->", "&quot;", "x", "å", " "), { maxLength: 12 })
    .map((parts) => parts.join(""));

  it("an abbreviation's title reaches the page as the same text, in the title attribute only", () => {
    fc.assert(
      fc.property(hostile, (title) => {
        const definition = title.trim().replace(/\n/g, " ");
        fc.pre(definition !== "");
        const $ = render(`Om FK.\n\n*[FK]: ${definition}`);
        expect($("abbr").attr("title")).toBe(definition);
        expect($("*").map((_, element) => (element as unknown as { tagName: string }).tagName).get()).toEqual(["p", "abbr"]);
        expect(Object.keys(($("abbr").get(0) as unknown as { attribs: object }).attribs)).toEqual(["title"]);
      }),
      { numRuns: 300 },
    );
  });

  it("a passage's text and its language code never become markup", () => {
    fc.assert(
      fc.property(hostile, hostile, (text, code) => {
        const source = `[${text}]{lang=${code}}`;
        const $ = render(source);
        for (const element of $("*").get() as unknown as { tagName: string; attribs: Record<string, string> }[]) {
          expect(["p", "span"]).toContain(element.tagName);
          if (element.tagName === "span") {
            expect(Object.keys(element.attribs)).toEqual(["lang"]);
            expect(element.attribs["lang"]).toMatch(LANGUAGE_TAG);
          } else expect(element.attribs).toEqual({});
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("tables", () => {
  it("sit in a focusable region named by their column headings", () => {
    const $ = render("| År | Deltagare |\n| --- | ---: |\n| 2024 | 120 |\n");
    const region = $("div.table-scroll");
    expect(region.attr("role")).toBe("region");
    expect(region.attr("tabindex")).toBe("0");
    expect(region.attr("aria-label")).toBe(T.table("År, Deltagare"));
    expect(region.children("table")).toHaveLength(1);
    expect($("td.align-right").text()).toBe("120");
  });

  it("a heading's markup and quotes are plain, escaped text in the label", () => {
    const $ = render('| **Fet** "<x>" | [länk](/a/) |\n| --- | --- |\n| 1 | 2 |\n');
    expect($("div.table-scroll").attr("aria-label")).toBe(T.table('Fet "<x>", länk'));
  });
});

describe("the minutes' § headings", () => {
  it.each([
    ["§5", 5],
    ["§ 5", 5],
    ["§5 FINSAM är VI!", 5],
    ["§ 34 Val av justerare", 34],
    ["§5: Ekonomi", 5],
    ["§5a", undefined],
    ["§", undefined],
    ["Paragraf 5", undefined],
    ["Om §5", undefined],
  ])("%s names %s", (text, section) => {
    expect(paragraphOfHeading(text)).toBe(section);
  });

  it("split a body: each § section without its heading and one level deeper, the rest in order", () => {
    const html = markdown.render(
      ["Inledning.", "## §2 Val", "Text två.", "### Under", "Mer.", "## §9 Okänd", "Nio.", "## Bilagor", "Bilaga.", "## § 2", "Igen.", "> ## §3 i citat"].join("\n\n"),
      {},
    );
    const { rest, paragraphs } = splitParagraphs(html, (section) => section === 2 || section === 3);
    expect([...paragraphs.keys()]).toEqual([2]);
    const two = load(paragraphs.get(2) ?? "", null, false);
    expect(two("h2")).toHaveLength(0);
    expect(two("h4").text()).toBe("Under");
    expect(two("p").map((_, p) => two(p).text()).get()).toEqual(["Text två.", "Mer.", "Igen."]);
    const $ = load(rest, null, false);
    expect($("h2").map((_, h) => $(h).text()).get()).toEqual(["§9 Okänd", "Bilagor"]);
    expect($("p").map((_, p) => $(p).text()).get()).toEqual(["Inledning.", "Nio.", "Bilaga."]);
    // A § heading in a quote is no section of its own: it stays in the section it stands in.
    expect(two("blockquote h3").text()).toBe("§3 i citat");
  });

  it("marks only bodies with a § heading, and the marks come out for a body shown whole", () => {
    expect(markdown.render("## Bakgrund\n\nText.", {})).not.toContain("<!--");
    const marked = markdown.render("## §1\n\nText.\n\n## Bakgrund", {});
    expect(marked).toContain("<!--paragraf:1-->");
    expect(withoutParagraphMarks(marked)).not.toContain("<!--");
    // An editor's own comment is text, never a mark.
    expect(splitParagraphs(markdown.render("<!--paragraf:1-->\n\nText.", {}), () => true).paragraphs.size).toBe(0);
  });
});

// Reading time: words of the Markdown body as a reader sees them, ~200 a minute, in Swedish on the article page.
import { beforeAll, describe, expect, it } from "vitest";
import { countWords, readingMinutes } from "../../../src/text/reading-time.ts";
import { T } from "../../../src/site/i18n.ts";
import { buildSite, markdownFile, writeContent, type BuiltSite } from "../../helpers/build.ts";
import { page } from "../pages/html.ts";

/** n words of Swedish-looking prose. */
function prose(words: number): string {
  const vocabulary = ["samordningsförbundet", "och", "Försäkringskassan", "arbetar", "tillsammans", "med", "regionen", "för", "rehabilitering", "år"];
  return Array.from({ length: words }, (_, index) => vocabulary[index % vocabulary.length]).join(" ");
}

describe("countWords", () => {
  it("counts the words readers read, in headings, lists, quotes and links", () => {
    expect(countWords("## Två ord\n\n- ett\n- två tre\n\n> citat här\n\n[länktext med fyra](https://example.com/a/b/c-d-e)")).toBe(10);
  });

  it("leaves out link targets, image paths and Markdown syntax", () => {
    expect(countWords("**fet** _kursiv_ [länk](/nyheter/2024/en-mycket-lang-adress-med-manga-ord/) ![](/bilder/bild-med-ord.jpg)")).toBe(3);
  });

  it("counts Swedish letters and hyphenated words as one word each", () => {
    expect(countWords("Älv-och-kust, öppenhet; åtta år i följd: 2024.")).toBe(7);
  });

  it("counts nothing in an empty body", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("\n\n---\n\n")).toBe(0);
  });
});

describe("readingMinutes", () => {
  it("is at least one minute", () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(1)).toBe(1);
    expect(readingMinutes(299)).toBe(1);
  });

  it("rounds to whole minutes at 200 words a minute", () => {
    expect(readingMinutes(300)).toBe(2);
    expect(readingMinutes(800)).toBe(4);
    expect(readingMinutes(2000)).toBe(10);
  });
});

describe("the article page", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    const common = { summary: "En ingress som inte räknas.", organisation: "nns" };
    site = await buildSite(
      writeContent({
        "nyheter/2024-01-10-lang.md": markdownFile({ ...common, title: "Lång", date: "2024-01-10" }, `${prose(400)}\n\n## Mer\n\n${prose(400)}`),
        "nyheter/2024-01-11-kort.md": markdownFile({ ...common, title: "Kort", date: "2024-01-11" }, "Bara några ord."),
        "konferenser/2024-02-01-konferens.md": markdownFile(
          { ...common, title: "Konferens", date: "2024-02-01", event: "Konferensen", startDate: "2024-01-30", endDate: "2024-01-31", place: "Umeå" },
          prose(500),
        ),
      }),
    );
  });

  const readingTime = (sitePath: string) => page(site, sitePath)("article.document header .reading-time").text();

  it("says 'Lästid: 4 minuter' for about 800 words", () => {
    expect(readingTime("/nyheter/2024/lang/")).toBe("Lästid: 4 minuter");
  });

  it("says 'Lästid: 1 minut' for a short text", () => {
    expect(readingTime("/nyheter/2024/kort/")).toBe("Lästid: 1 minut");
    expect(T.readingTime(1)).toBe("Lästid: 1 minut");
  });

  it("is shown for every type but minutes, which are looked up rather than read through (minutes.test.ts)", () => {
    expect(readingTime("/konferenser/2024/konferens/")).toBe("Lästid: 3 minuter");
  });
});

// JSON-LD on article pages: the right schema.org type per document type, the facts from the front matter,
// and text that cannot break out of the script element.
import { beforeAll, describe, expect, it } from "vitest";
import type { CheerioAPI } from "cheerio";
import { serializeJsonLd } from "../../../src/text/json-ld.ts";
import { buildSite, markdownFile, writeContent, type BuiltSite } from "../../helpers/build.ts";
import { TEST_JPEG } from "../../helpers/images.ts";
import { page } from "../pages/html.ts";

const ORIGIN = "https://finsam.example";
const HOSTILE = "</script><script>alert(1)</script>";
const TITLE = `Rubrik ${HOSTILE} <!-- & &amp; \u2028rad\u2029 "citat" \\ ' Ä`;

type Json = Record<string, unknown>;

/** The page's one JSON-LD block, parsed the way a crawler does: JSON.parse of the script element's text. */
function jsonLd($: CheerioAPI): Json {
  const scripts = $('script[type="application/ld+json"]');
  expect(scripts).toHaveLength(1);
  return JSON.parse(scripts.text()) as Json;
}

describe("serializeJsonLd", () => {
  it("leaves no character that HTML or old JavaScript would read, and parses back to the same value", () => {
    const value = { text: TITLE, nested: [{ text: HOSTILE }] };
    const json = serializeJsonLd(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain("\\u003c/script\\u003e");
    expect(JSON.parse(json)).toEqual(value);
  });

  it("writes every character beyond Latin-1 as a \\u escape (a page carries none raw), astral ones as their two halves", () => {
    const value = { text: "Finsam – ”citat” ’ … \u{1F600} Ä é \ud800 ensam" };
    const json = serializeJsonLd(value);
    expect(json).not.toMatch(/[^\0-\xff]/);
    expect(json).toContain("Finsam \\u2013 \\u201dcitat\\u201d \\u2019 \\u2026 \\ud83d\\ude00 Ä é \\ud800 ensam");
    expect(JSON.parse(json)).toEqual(value);
  });

  it("leaves undefined members out", () => {
    expect(JSON.parse(serializeJsonLd({ a: "x", b: undefined }))).toEqual({ a: "x" });
  });
});

describe("JSON-LD on article pages", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    const common = (title: string, date: string, organisation: string) => ({ title, date, summary: `Om ${title}.`, organisation });
    site = await buildSite(
      writeContent({
        // The build checks that images exist and are images.
        "bilder/bild.jpg": TEST_JPEG,
        "nyheter/2024-03-03-fientlig.md": markdownFile({
          ...common(TITLE, "2024-03-03", "blekinge"),
          updated: "2024-04-01",
          authors: ["Anna Andersson", "Kristian Karlsson"],
          tags: ["Samverkan", "Personal"],
          image: "/bilder/bild.jpg",
          imageAlt: "En bild.",
        }),
        "brev/2014-01-25-brev.md": markdownFile({
          ...common("Brev till styrelsen", "2014-01-25", "norra-vastmanland"),
          sender: "Jonas Wells",
          senderRole: "Samordnare",
          senderOrganisation: "norra-vastmanland",
          recipient: "Styrelsen",
          letterDate: "2014-01-25",
        }),
        "minnen/2020-06-01-minnen.md": markdownFile({
          ...common("Fjorton år", "2020-06-01", "alv-och-kust"),
          author: "Magnus Simonsson",
          yearFrom: 2006,
          yearTo: 2020,
        }),
        "protokoll/2023-06-08-protokoll.md": markdownFile({
          ...common("Protokoll maj", "2023-06-08", "blekinge"),
          meetingDate: "2023-05-08",
          startTime: "08.30",
          endTime: "12.00",
          place: "Karlskrona",
          chair: "Ingrid Hermansson",
          adjusters: ["Karin Blomdahl"],
          secretary: "Magnus von Schenck",
          agenda: [{ section: 1, heading: "Mötets öppnande" }],
        }),
        "konferenser/2019-10-24-dagar.md": markdownFile({
          ...common("Förbundschefsdagar 2019", "2019-10-24", "nationella-radet"),
          event: `Förbundschefsdagar ${HOSTILE}`,
          startDate: "2019-10-22",
          endDate: "2019-10-23",
          place: "Saltsjöbaden",
          speakers: [
            { name: "Lena Nilsson", affiliation: "Försäkringskassan" },
            { name: "Per Olsson", affiliation: "Arbetsförmedlingen" },
          ],
        }),
      }),
    );
  });

  it("keeps a hostile title inside the one script element, and it parses back to the exact text", () => {
    const $ = page(site, "/nyheter/2024/fientlig/");
    expect($("script")).toHaveLength(1);
    expect($("script").attr("type")).toBe("application/ld+json");
    expect(jsonLd($).headline).toBe(TITLE);
    expect($("h1").text()).toBe(TITLE);
  });

  it("describes news as a NewsArticle with dates, authors, publisher, language, page and image", () => {
    const data = jsonLd(page(site, "/nyheter/2024/fientlig/"));
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      description: `Om ${TITLE}.`,
      datePublished: "2024-03-03T00:00:00+01:00",
      dateModified: "2024-04-01T00:00:00+02:00",
      author: [
        { "@type": "Person", name: "Anna Andersson" },
        { "@type": "Person", name: "Kristian Karlsson" },
      ],
      publisher: { "@type": "Organization", name: "Samordningsförbundet i Blekinge", url: "https://finsam-blekinge.se" },
      inLanguage: "sv",
      mainEntityOfPage: { "@type": "WebPage", "@id": `${ORIGIN}/nyheter/2024/fientlig/` },
      url: `${ORIGIN}/nyheter/2024/fientlig/`,
      // The social card, then the 1200-px rendition (src/outputs/images/).
      image: [expect.stringMatching(/^https:\/\/finsam\.example\/bilder\/bild-[\w-]+-1200x630\.jpeg$/), expect.stringMatching(/^https:\/\/finsam\.example\/bilder\/bild-[\w-]+-1200\.jpeg$/)],
      keywords: "Samverkan, Personal",
    });
  });

  it.each([
    ["letter", "/brev/2014/brev/", "Brev till styrelsen", { "@type": "Person", name: "Jonas Wells" }],
    ["memoir", "/minnen/2020/minnen/", "Fjorton år", { "@type": "Person", name: "Magnus Simonsson" }],
    ["minutes", "/protokoll/2023/protokoll/", "Protokoll maj", { "@type": "Organization", name: "Samordningsförbundet i Blekinge" }],
  ])("describes a %s as an Article, its writer as author", (_kind, sitePath, headline, author) => {
    const data = jsonLd(page(site, sitePath));
    expect(data["@type"]).toBe("Article");
    expect(data.headline).toBe(headline);
    expect(data.inLanguage).toBe("sv");
    expect(data.mainEntityOfPage).toEqual({ "@type": "WebPage", "@id": `${ORIGIN}${sitePath}` });
    const authors = Array.isArray(data.author) ? data.author : [data.author];
    expect(authors).toEqual([expect.objectContaining(author)]);
    expect(data.publisher).toMatchObject({ "@type": "Organization" });
    expect(data.image).toBeUndefined();
  });

  it("describes a conference as an Event with days, place, organiser and speakers, and the report as its subject", () => {
    const $ = page(site, "/konferenser/2019/dagar/");
    expect($("script")).toHaveLength(1);
    const data = jsonLd($);
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Event",
      name: `Förbundschefsdagar ${HOSTILE}`,
      startDate: "2019-10-22",
      endDate: "2019-10-23",
      eventStatus: "https://schema.org/EventScheduled",
      eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
      location: { "@type": "Place", name: "Saltsjöbaden" },
      organizer: { "@type": "Organization", name: "Nationella rådet" },
      performer: [
        { "@type": "Person", name: "Lena Nilsson", affiliation: { "@type": "Organization", name: "Försäkringskassan" } },
        { "@type": "Person", name: "Per Olsson", affiliation: { "@type": "Organization", name: "Arbetsförmedlingen" } },
      ],
      inLanguage: "sv",
      mainEntityOfPage: { "@type": "WebPage", "@id": `${ORIGIN}/konferenser/2019/dagar/` },
      subjectOf: {
        "@type": "Article",
        headline: "Förbundschefsdagar 2019",
        datePublished: "2019-10-24T00:00:00+02:00",
        publisher: { "@type": "Organization", name: "Nationella rådet" },
      },
    });
  });

  it("puts JSON-LD on article pages only", () => {
    for (const sitePath of ["/", "/nyheter/", "/arkiv/", "/taggar/"]) {
      expect(page(site, sitePath)('script[type="application/ld+json"]'), sitePath).toHaveLength(0);
    }
  });

  it("follows SITE_URL and the path prefix", async () => {
    const prefixed = await buildSite(site.options.contentDir, { siteUrl: "https://example.org", pathPrefix: "/finsam/" });
    const data = jsonLd(page(prefixed, "/nyheter/2024/fientlig/"));
    expect(data.url).toBe("https://example.org/finsam/nyheter/2024/fientlig/");
    expect(data.image).toEqual([expect.stringMatching(/^https:\/\/example\.org\/finsam\/bilder\/bild-[\w-]+-1200x630\.jpeg$/), expect.stringMatching(/^https:\/\/example\.org\/finsam\/bilder\/bild-[\w-]+-1200\.jpeg$/)]);
  });
});

// The Atom feeds point browsers at layouts/assets/feed.xsl, which turns a feed into a readable Swedish page.
// The feeds must still parse as feeds; the stylesheet must be XSLT 1.0 and is run here by a JavaScript XSLT processor.
import { beforeAll, describe, expect, it } from "vitest";
import { load, type CheerioAPI } from "cheerio";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { Xslt, XmlParser } from "xslt-processor";
import { DOCUMENT_TYPES, ARTICLE_KEYS } from "../../../src/content/types.ts";
import { formatIsoDay, formatLongDate } from "../../../src/text/dates.ts";
import { buildSite, type BuiltSite } from "../../helpers/build.ts";
import { linkHref, readAtom } from "./feed-helpers.ts";
import { feedFixture } from "./fixture.ts";

const ATOM_FEEDS = ["/feed.xml", ...ARTICLE_KEYS.map((key) => `/${DOCUMENT_TYPES[key].folder}/feed.xml`)];

/** The xml-stylesheet processing instructions of a document, read by an XML parser. */
function stylesheetInstructions(xml: string): { type?: string; href?: string }[] {
  const parsed = new XMLParser({ ignoreAttributes: false, ignorePiTags: false, attributeNamePrefix: "" }).parse(xml) as Record<string, unknown>;
  const found = parsed["?xml-stylesheet"];
  const list = Array.isArray(found) ? found : found === undefined ? [] : [found];
  return list as { type?: string; href?: string }[];
}

async function transform(xml: string, xsl: string): Promise<CheerioAPI> {
  const parser = new XmlParser();
  return load(await new Xslt().xsltProcess(parser.xmlParse(xml), parser.xmlParse(xsl)));
}

function atomWithDates(dates: readonly string[]): string {
  const entries = dates.map(
    (date, index) =>
      `<entry><id>e${index}</id><title type="text">E${index}</title><link rel="alternate" href="https://finsam.example/${index}/"/>` +
      `<published>${date}</published><updated>${date}</updated><summary type="text">S</summary></entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><id>x</id><title>T</title><updated>2024-01-01T00:00:00Z</updated>${entries.join("")}</feed>`;
}

let site: BuiltSite;
let xsl: string;
beforeAll(async () => {
  site = await buildSite(feedFixture());
  xsl = site.read("/assets/feed.xsl");
});

describe("the Atom feeds", () => {
  it.each(ATOM_FEEDS)("%s names the XSLT in an xml-stylesheet instruction, and the file exists", (sitePath) => {
    const xml = site.read(sitePath);
    expect(stylesheetInstructions(xml)).toEqual([{ type: "text/xsl", href: "/assets/feed.xsl" }]);
    expect(site.exists("/assets/feed.xsl")).toBe(true);
    // Still a feed to feed readers.
    expect(readAtom(site, sitePath).title?.value).toBeTruthy();
  });

  it("follows the path prefix", async () => {
    const prefixed = await buildSite(site.options.contentDir, { pathPrefix: "/finsam/" });
    expect(stylesheetInstructions(prefixed.read("/feed.xml"))).toEqual([{ type: "text/xsl", href: "/finsam/assets/feed.xsl" }]);
    expect(prefixed.exists("/assets/feed.xsl")).toBe(true);
    expect(readAtom(prefixed, "/nyheter/feed.xml").entries?.length).toBeGreaterThan(0);
  });
});

describe("layouts/assets/feed.xsl", () => {
  it("is well-formed XSLT 1.0, with nothing browsers' XSLT 1.0 lacks", () => {
    expect(XMLValidator.validate(xsl)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xsl) as Record<string, Record<string, string>>;
    expect(parsed["xsl:stylesheet"]?.version).toBe("1.0");
    expect(parsed["xsl:stylesheet"]?.["xmlns:xsl"]).toBe("http://www.w3.org/1999/XSL/Transform");
    for (const later of ["xsl:function", "xsl:sequence", "xsl:for-each-group", "format-date", "disable-output-escaping", "document("]) {
      expect(xsl, later).not.toContain(later);
    }
  });

  it("shows the feed as a Swedish page that explains feeds and how to subscribe", async () => {
    const $ = await transform(site.read("/feed.xml"), xsl);
    expect($("html").attr("lang")).toBe("sv");
    expect($("h1").text()).toBe("Finsam");
    expect($(".about").text()).toContain("flödesläsare");
    expect($(".about code").text()).toBe("https://finsam.example/feed.xml");
    expect($('.about a[href="https://finsam.example/"]')).toHaveLength(1);
  });

  it("lists every entry with its title, link, Swedish date and summary", async () => {
    const feed = readAtom(site, "/feed.xml");
    const $ = await transform(site.read("/feed.xml"), xsl);
    const shown = $("ul.entries li")
      .map((_, li) => ({
        title: $(li).find("h3 a").text(),
        href: $(li).find("h3 a").attr("href"),
        date: $(li).find("time").text(),
        summary: $(li).find(".summary").text(),
      }))
      .get();
    expect(shown).toEqual(
      (feed.entries ?? []).map((entry) => ({
        title: entry.title?.value,
        href: linkHref(entry.links, "alternate"),
        date: formatLongDate(new Date(entry.published as string)),
        summary: entry.summary?.value,
      })),
    );
    // Published at Swedish midnight, 22:00 UTC the day before: the page shows the Swedish day.
    expect(shown[0]?.date).toBe("2 maj 2024");
  });

  it("gives the Swedish day across summer time, month, leap day and year ends", async () => {
    const instants = [
      "2024-03-31T00:59:59Z", "2024-03-31T01:00:00Z", "2024-03-30T22:59:00Z", "2024-03-31T22:00:00Z", "2024-03-31T21:59:00Z",
      "2024-10-27T00:59:00Z", "2024-10-27T01:00:00Z", "2024-10-26T22:00:00Z", "2024-10-27T22:59:00Z", "2024-10-27T23:00:00Z",
      "2024-12-31T22:59:59Z", "2024-12-31T23:00:00Z", "2024-06-30T21:59:00Z", "2024-06-30T22:00:00Z", "2024-04-30T22:00:00Z",
      "2024-02-28T23:00:00Z", "2023-02-28T23:00:00Z", "2100-02-28T23:00:00Z", "2000-02-28T23:00:00Z", "2026-03-29T01:00:00Z",
    ];
    // And a spread of instants over three decades.
    for (let n = 0; n < 150; n++) instants.push(new Date(Date.UTC(2010, 0, 1) + n * 61 * 3_600_000 * 24 + n * 3_700_000).toISOString().replace(/\.\d{3}Z$/, "Z"));
    const $ = await transform(atomWithDates(instants), xsl);
    const shown = $("ul.entries time").map((_, time) => ({ text: $(time).text(), datetime: $(time).attr("datetime") })).get();
    expect(shown).toEqual(instants.map((iso) => ({ text: formatLongDate(new Date(iso)), datetime: formatIsoDay(new Date(iso)) })));
  });

  it("shows text from the feed as text", async () => {
    const hostile = "<script>alert(1)</script> & <b>fet</b>";
    const escaped = hostile.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    const xml = atomWithDates(["2024-01-01T00:00:00Z"]).replace("<title>T</title>", `<title>${escaped}</title>`).replace("<title type=\"text\">E0</title>", `<title type="text">${escaped}</title>`);
    const $ = await transform(xml, xsl);
    expect($("script, b")).toHaveLength(0);
    expect($("h1").text()).toBe(hostile);
    expect($("ul.entries h3 a").text()).toBe(hostile);
  });

  it("says so when a feed has no entries", async () => {
    const $ = await transform(atomWithDates([]), xsl);
    expect($("ul.entries")).toHaveLength(0);
    expect($("main").text()).toContain("Här finns inget publicerat ännu.");
  });
});

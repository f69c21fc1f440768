// sitemap.xml and robots.txt, read with a real XML parser from a real build.
import { beforeAll, describe, expect, it } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { buildCollections } from "../../../src/site-model/collections.ts";
import { SiteModel } from "../../../src/site-model/model.ts";
import { renderSitemap } from "../../../src/outputs/sitemap.ts";
import { FIXED_NOW, buildSite, fixtureSiteData, type BuiltSite } from "../../helpers/build.ts";
import { URLS, pagesFixture } from "./fixture.ts";
import { htmlPages } from "./html.ts";

interface SitemapUrl {
  loc: string;
  lastmod?: string;
}

function parseSitemap(xml: string): SitemapUrl[] {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "url", parseTagValue: false }).parse(xml);
  expect(parsed.urlset["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
  return parsed.urlset.url as SitemapUrl[];
}

const ORIGIN = "https://finsam.example";
let site: BuiltSite;
let urls: SitemapUrl[];

beforeAll(async () => {
  site = await buildSite(pagesFixture());
  urls = parseSitemap(site.read("/sitemap.xml"));
});

describe("sitemap.xml", () => {
  it("lists every published article by its absolute URL", () => {
    const locs = urls.map((url) => url.loc);
    for (const key of ["newsBlekinge", "newsAlvKust", "newsCouncil", "conference", "letter", "minutes"] as const) {
      expect(locs, key).toContain(`${ORIGIN}${URLS[key]}`);
    }
  });

  it("lists exactly the HTML pages the build wrote, except the 404 page", () => {
    const locs = urls.map((url) => url.loc).sort();
    const expected = htmlPages(site)
      .filter((sitePath) => sitePath !== "/404.html")
      .map((sitePath) => `${ORIGIN}${sitePath}`)
      .sort();
    expect(locs).toEqual(expected);
    expect(locs.some((loc) => loc.includes("404"))).toBe(false);
    expect(new Set(locs).size).toBe(locs.length);
  });

  it("leaves drafts and scheduled documents out", () => {
    const locs = urls.map((url) => url.loc);
    expect(locs).not.toContain(`${ORIGIN}${URLS.draft}`);
    expect(locs).not.toContain(`${ORIGIN}${URLS.scheduled}`);
  });

  it("gives lastmod as a day, from updated when the document has one", () => {
    const byLoc = new Map(urls.map((url) => [url.loc, url.lastmod]));
    expect(byLoc.get(`${ORIGIN}${URLS.newsCouncil}`)).toBe("2025-03-01");
    expect(byLoc.get(`${ORIGIN}${URLS.minutes}`)).toBe("2024-06-08");
    expect(byLoc.get(`${ORIGIN}/arkiv/2024/`)).toBe("2024-10-24");
    for (const url of urls) if (url.lastmod !== undefined) expect(url.lastmod, url.loc).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // A type without documents has nothing to date its listing by.
    expect(byLoc.get(`${ORIGIN}/minnen/`)).toBeUndefined();
  });

  it("follows SITE_URL and the path prefix", async () => {
    const prefixed = await buildSite(pagesFixture(), { siteUrl: "https://example.org", pathPrefix: "/finsam/" });
    const locs = parseSitemap(prefixed.read("/sitemap.xml")).map((url) => url.loc);
    expect(locs).toContain(`https://example.org/finsam${URLS.minutes}`);
    expect(locs.every((loc) => loc.startsWith("https://example.org/finsam/"))).toBe(true);
    expect(prefixed.read("/robots.txt")).toContain("Sitemap: https://example.org/finsam/sitemap.xml");
  });

  it("escapes URLs, so a path prefix with & still gives well-formed XML", () => {
    const data = fixtureSiteData();
    const finsam = new SiteModel(
      { contentDir: "unused", siteUrl: ORIGIN, pathPrefix: "/a&b/", mode: "production", now: FIXED_NOW },
      buildCollections([], "production", FIXED_NOW, data.organisations),
      FIXED_NOW,
      data,
    );
    const xml = renderSitemap(finsam);
    expect(xml).toContain("/a&amp;b/");
    expect(parseSitemap(xml).map((url) => url.loc)).toContain(`${ORIGIN}/a&b/`);
  });
});

describe("robots.txt", () => {
  it("allows everything and points at the absolute sitemap URL", () => {
    const lines = site.read("/robots.txt").split("\n").map((line) => line.trim());
    expect(lines).toContain("User-agent: *");
    expect(lines).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
    expect(lines.filter((line) => /^Disallow:\s*\S/.test(line))).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { load } from "cheerio";
import { DOCUMENT_TYPES, ARTICLE_KEYS } from "../../../src/content/types.ts";
import { FEED_ENTRY_LIMIT } from "../../../src/outputs/feeds/feeds.ts";
import { buildSite, markdownFile, writeContent, type BuiltSite } from "../../helpers/build.ts";
import { atomRootAttributes, linkHref, readAtom, readJsonFeed } from "./feed-helpers.ts";
import { CONFERENCE_ID, DRAFT_ID, FUTURE_ID, NEWER_NEWS_ID, OLDER_NEWS_ID, feedFixture } from "./fixture.ts";

const ORIGIN = "https://finsam.example";
const NEWER_NEWS_URL = `${ORIGIN}/nyheter/2024/andra-nyheten/`;

function atomIds(site: BuiltSite, sitePath: string): string[] {
  return (readAtom(site, sitePath).entries ?? []).map((entry) => entry.id as string);
}

function jsonIds(site: BuiltSite): string[] {
  return readJsonFeed(site, "/feed.json").items.map((item) => item.id as string);
}

describe("site feeds", async () => {
  const site = await buildSite(feedFixture());

  it("writes a valid Atom feed for the site with a stable tag-URI id and absolute self/alternate links", () => {
    const feed = readAtom(site, "/feed.xml");
    expect(feed.id).toBe("tag:finsam.se,2014:feed");
    expect(feed.title?.value).toBe("Finsam");
    expect(linkHref(feed.links, "self")).toBe(`${ORIGIN}/feed.xml`);
    expect(linkHref(feed.links, "alternate")).toBe(`${ORIGIN}/`);
  });

  it("writes a valid JSON Feed 1.1 for the site with absolute feed and home URLs", () => {
    const feed = readJsonFeed(site, "/feed.json");
    expect(feed.title).toBe("Finsam");
    expect(feed.feed_url).toBe(`${ORIGIN}/feed.json`);
    expect(feed.home_page_url).toBe(`${ORIGIN}/`);
  });

  it("marks both feeds as Swedish", () => {
    expect(atomRootAttributes(site, "/feed.xml")["xml:lang"]).toBe("sv");
    expect(readAtom(site, "/feed.xml").xml?.lang).toBe("sv");
    expect(readJsonFeed(site, "/feed.json").language).toBe("sv");
  });

  it("lists entries newest first", () => {
    const newestFirst = [NEWER_NEWS_ID, CONFERENCE_ID, OLDER_NEWS_ID];
    expect(atomIds(site, "/feed.xml")).toEqual(newestFirst);
    expect(jsonIds(site)).toEqual(newestFirst);
  });

  it("gives each entry published, updated, author, summary and categories from the front matter", () => {
    const entries = readAtom(site, "/feed.xml").entries ?? [];
    const newer = entries.find((entry) => entry.id === NEWER_NEWS_ID);
    expect(newer?.published).toBe("2024-05-01T22:00:00Z");
    expect(newer?.updated).toBe("2024-05-31T22:00:00Z");
    expect(newer?.authors?.map((author) => author.name)).toEqual(["Anna Andersson", "Kristian Karlsson"]);
    expect(newer?.summary?.value).toBe("Den andra nyheten.");
    expect(newer?.categories?.map((category) => category.term)).toEqual(["Personal", "Älv & Kust"]);

    // No authors in the front matter: the publishing organisation's name.
    const older = entries.find((entry) => entry.id === OLDER_NEWS_ID);
    expect(older?.published).toBe("2024-01-09T23:00:00Z");
    expect(older?.updated).toBe("2024-01-09T23:00:00Z");
    expect(older?.authors?.map((author) => author.name)).toEqual(["Nationella rådet"]);

    const item = readJsonFeed(site, "/feed.json").items.find((candidate) => candidate.id === NEWER_NEWS_ID);
    expect(item?.date_published).toBe("2024-05-01T22:00:00Z");
    expect(item?.date_modified).toBe("2024-05-31T22:00:00Z");
    expect(item?.authors?.map((author) => author.name)).toEqual(["Anna Andersson", "Kristian Karlsson"]);
    expect(item?.summary).toBe("Den andra nyheten.");
    expect(item?.tags).toEqual(["Personal", "Älv & Kust"]);
  });

  it("dates the feed by its newest entry's update, not the build time", () => {
    expect(readAtom(site, "/feed.xml").updated).toBe("2024-05-31T22:00:00Z");
    expect(readAtom(site, "/konferenser/feed.xml").updated).toBe("2024-03-14T23:00:00Z");
  });

  it("links every entry and the links and images in its content absolutely", () => {
    const entry = (readAtom(site, "/feed.xml").entries ?? []).find((candidate) => candidate.id === NEWER_NEWS_ID);
    expect(linkHref(entry?.links, "alternate")).toBe(NEWER_NEWS_URL);
    expect(entry?.content?.type).toBe("html");
    const item = readJsonFeed(site, "/feed.json").items.find((candidate) => candidate.id === NEWER_NEWS_ID);
    expect(item?.url).toBe(NEWER_NEWS_URL);
    // Images are published as renditions (src/outputs/images/): the feeds take the 1200-px one.
    const rendition = new RegExp(`^${ORIGIN}/bilder/styrelsen-[\\w-]+-\\d+\\.jpeg$`);
    expect(item?.image).toMatch(rendition);

    for (const html of [entry?.content?.value ?? "", item?.content_html ?? ""]) {
      const $ = load(html);
      expect($("a").map((_, a) => $(a).attr("href")).get()).toEqual([
        `${ORIGIN}/nyheter/2024/forsta-nyheten/`,
        `${NEWER_NEWS_URL}bilaga.pdf`,
        "https://example.com/extern",
      ]);
      // The entry leads with its lead image, then the body's.
      for (const src of $("img").map((_, img) => $(img).attr("src")).get()) expect(src).toMatch(rendition);
      expect($("img").map((_, img) => $(img).attr("alt")).get()).toContain("Styrelsen samlad");
    }
  });

  it("uses the document's tag URI as entry id, never its URL", () => {
    const entries = readAtom(site, "/feed.xml").entries ?? [];
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(entry.id).toMatch(/^tag:finsam\.se,\d{4}-\d{2}-\d{2}:/);
      expect(entry.id).not.toBe(linkHref(entry.links, "alternate"));
    }
    for (const item of readJsonFeed(site, "/feed.json").items) {
      expect(item.id).toMatch(/^tag:finsam\.se,/);
      expect(item.id).not.toBe(item.url);
    }
  });

  it("writes one Atom feed per registered type holding only that type, with its own id and links", () => {
    const expected: Record<string, string[]> = {
      nyheter: [NEWER_NEWS_ID, OLDER_NEWS_ID],
      konferenser: [CONFERENCE_ID],
    };
    const feedIds = new Set<string>(["tag:finsam.se,2014:feed"]);
    for (const key of ARTICLE_KEYS) {
      const { folder } = DOCUMENT_TYPES[key];
      const feed = readAtom(site, `/${folder}/feed.xml`);
      expect(feed.id).toBe(`tag:finsam.se,2014:feed/${folder}`);
      feedIds.add(feed.id as string);
      expect(atomRootAttributes(site, `/${folder}/feed.xml`)["xml:lang"]).toBe("sv");
      expect(linkHref(feed.links, "self")).toBe(`${ORIGIN}/${folder}/feed.xml`);
      expect(linkHref(feed.links, "alternate")).toBe(`${ORIGIN}/${folder}/`);
      const entries = feed.entries ?? [];
      expect(entries.map((entry) => entry.id)).toEqual(expected[folder] ?? []);
      for (const entry of entries) expect(linkHref(entry.links, "alternate")?.startsWith(`${ORIGIN}/${folder}/`)).toBe(true);
    }
    expect(feedIds.size).toBe(ARTICLE_KEYS.length + 1);
  });

  it("points the pages' autodiscovery links at feeds that exist", () => {
    const pages = ["/", "/nyheter/2024/andra-nyheten/"];
    const found: string[] = [];
    for (const page of pages) {
      const $ = load(site.read(page));
      $('link[rel="alternate"][type="application/atom+xml"], link[rel="alternate"][type="application/feed+json"]').each(
        (_, link) => void found.push($(link).attr("href") ?? ""),
      );
    }
    expect(new Set(found)).toEqual(new Set(["/feed.xml", "/feed.json", "/nyheter/feed.xml", "/nyheter/feed.json"]));
    for (const href of found) expect(site.exists(href), href).toBe(true);
  });
});

describe("what the production feeds leave out", async () => {
  const content = feedFixture();
  const production = await buildSite(content);
  const preview = await buildSite(content, { mode: "preview" });

  it("has no drafts or future-dated documents in any production feed", () => {
    const feeds = [
      atomIds(production, "/feed.xml"),
      jsonIds(production),
      ...ARTICLE_KEYS.map((key) => atomIds(production, `/${DOCUMENT_TYPES[key].folder}/feed.xml`)),
    ];
    for (const ids of feeds) {
      expect(ids).not.toContain(DRAFT_ID);
      expect(ids).not.toContain(FUTURE_ID);
    }
  });

  it("shows them in preview, so the fixture really holds a draft and a scheduled document", () => {
    expect(atomIds(preview, "/feed.xml")).toEqual(expect.arrayContaining([DRAFT_ID, FUTURE_ID]));
    expect(atomIds(preview, "/brev/feed.xml")).toEqual([DRAFT_ID]);
  });
});

describe("entry ids across edits", async () => {
  const before = await buildSite(feedFixture("Andra nyheten"));
  const after = await buildSite(feedFixture("Andra nyheten, rättad rubrik"));

  it("keeps the entry id when the title changes", () => {
    const titleOf = (site: BuiltSite) =>
      (readAtom(site, "/feed.xml").entries ?? []).find((entry) => entry.id === NEWER_NEWS_ID)?.title?.value;
    expect(titleOf(before)).toBe("Andra nyheten");
    expect(titleOf(after)).toBe("Andra nyheten, rättad rubrik");
    expect(atomIds(after, "/feed.xml")).toEqual(atomIds(before, "/feed.xml"));
    expect(atomIds(after, "/nyheter/feed.xml")).toEqual(atomIds(before, "/nyheter/feed.xml"));
    expect(jsonIds(after)).toEqual(jsonIds(before));
  });
});

describe("a site in a sub-folder of another host", async () => {
  const site = await buildSite(feedFixture(), { siteUrl: "https://example.org", pathPrefix: "/finsam/" });
  const base = "https://example.org/finsam/";

  function urlsInHtml(html: string): string[] {
    const $ = load(html);
    return [...$("a").map((_, a) => $(a).attr("href") ?? "").get(), ...$("img").map((_, img) => $(img).attr("src") ?? "").get()];
  }

  it("puts SITE_URL and the path prefix in every URL of every feed", () => {
    const urls: string[] = [];
    for (const path of ["/feed.xml", ...ARTICLE_KEYS.map((key) => `/${DOCUMENT_TYPES[key].folder}/feed.xml`)]) {
      const feed = readAtom(site, path);
      urls.push(...(feed.links ?? []).map((link) => link.href as string));
      for (const entry of feed.entries ?? []) {
        urls.push(...(entry.links ?? []).map((link) => link.href as string), ...urlsInHtml(entry.content?.value ?? ""));
      }
    }
    const json = readJsonFeed(site, "/feed.json");
    urls.push(json.home_page_url ?? "", json.feed_url ?? "");
    for (const item of json.items) urls.push(item.url ?? "", ...(item.image ? [item.image] : []), ...urlsInHtml(item.content_html ?? ""));

    const own = urls.filter((url) => url !== "https://example.com/extern");
    expect(own.length).toBeGreaterThan(20);
    for (const url of own) expect(url.startsWith(base), url).toBe(true);
    expect(urls).toContain(`${base}feed.xml`);
    expect(urls).toContain(`${base}nyheter/feed.xml`);
    expect(urls).toContain(`${base}feed.json`);
    expect(urls.some((url) => url.startsWith(`${base}bilder/styrelsen-`)), "the image's renditions").toBe(true);
    expect(urls).toContain(`${base}nyheter/2024/andra-nyheten/bilaga.pdf`);
  });

  it("keeps the autodiscovery links of the pages pointing at the built feeds", () => {
    const $ = load(site.read("/nyheter/2024/andra-nyheten/"));
    const hrefs = $('link[rel="alternate"][type="application/atom+xml"], link[rel="alternate"][type="application/feed+json"]')
      .map((_, link) => $(link).attr("href") ?? "")
      .get();
    expect(hrefs.sort()).toEqual(["/finsam/feed.json", "/finsam/feed.xml", "/finsam/nyheter/feed.json", "/finsam/nyheter/feed.xml"]);
    for (const href of hrefs) expect(site.exists(href.replace(/^\/finsam/, "")), href).toBe(true);
  });
});

describe("a long archive", async () => {
  const count = FEED_ENTRY_LIMIT + 3;
  const files: Record<string, string> = {};
  for (let day = 1; day <= count; day++) {
    const date = new Date(Date.UTC(2024, 0, day)).toISOString().slice(0, 10);
    files[`nyheter/${date}-nyhet-${day}.md`] = markdownFile({ title: `Nyhet ${day}`, date, summary: "Kort.", organisation: "nns" });
  }
  const site = await buildSite(writeContent(files));

  it("carries only the newest entries in every feed", () => {
    const newest = `tag:finsam.se,${new Date(Date.UTC(2024, 0, count)).toISOString().slice(0, 10)}:nyheter/nyhet-${count}`;
    for (const ids of [atomIds(site, "/feed.xml"), atomIds(site, "/nyheter/feed.xml"), jsonIds(site)]) {
      expect(ids).toHaveLength(FEED_ENTRY_LIMIT);
      expect(ids[0]).toBe(newest);
      expect(ids).not.toContain("tag:finsam.se,2024-01-01:nyheter/nyhet-1");
    }
  });
});

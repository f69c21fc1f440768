// Feeds per type and per organisation in both formats, found from the pages (autodiscovery) and listed on the subscribe
// page (/prenumerera/), which the visible "Prenumerera" links lead to. No feed depends on XSLT any more.
import { describe, expect, it } from "vitest";
import { load } from "cheerio";
import { XMLParser } from "fast-xml-parser";
import { ARTICLE_KEYS, DOCUMENT_TYPES } from "../../../src/content/types.ts";
import { T } from "../../../src/site/i18n.ts";
import { PATHS } from "../../../src/site-model/urls.ts";
import { buildSite, siteModelOf, type BuiltSite } from "../../helpers/build.ts";
import { publishedFeedPaths } from "../../../src/site-model/feed-list.ts";
import { linkHref, readAtom, readJsonFeed } from "./feed-helpers.ts";
import { CONFERENCE_ID, DRAFT_ID, NEWER_NEWS_ID, OLDER_NEWS_ID, feedFixture } from "./fixture.ts";

const ORIGIN = "https://finsam.example";
const FEED_TYPES = { xml: "application/atom+xml", json: "application/feed+json" } as const;

/** The fixture's published documents by organisation, newest first (tests/integration/feeds/fixture.ts). */
const BY_ORGANISATION: Record<string, string[]> = {
  "alv-och-kust": [NEWER_NEWS_ID],
  nns: [CONFERENCE_ID],
  "nationella-radet": [OLDER_NEWS_ID],
};

/** Every feed file a build wrote, as site paths. */
function builtFeeds(site: BuiltSite): string[] {
  return site.files().filter((file) => /\/feed\.(xml|json)$/.test(file));
}

function htmlPages(site: BuiltSite): string[] {
  return site.files().filter((file) => file.endsWith(".html") && !file.startsWith("/admin/"));
}

/** Autodiscovery links of a page: { href, type }. */
function alternates(site: BuiltSite, page: string): { href: string; type: string }[] {
  const $ = load(site.read(page));
  return $('head link[rel="alternate"]')
    .map((_, link) => ({ href: $(link).attr("href") ?? "", type: $(link).attr("type") ?? "" }))
    .get();
}

describe("feeds per organisation and per type", async () => {
  const site = await buildSite(feedFixture());

  it.each(Object.entries(BY_ORGANISATION))("%s has an Atom feed and a JSON Feed of its own documents", (key, ids) => {
    const atom = readAtom(site, `/organisationer/${key}/feed.xml`);
    expect(atom.id).toBe(`tag:finsam.se,2014:feed/organisation/${key}`);
    expect(linkHref(atom.links, "self")).toBe(`${ORIGIN}/organisationer/${key}/feed.xml`);
    expect(linkHref(atom.links, "alternate")).toBe(`${ORIGIN}/organisationer/${key}/`);
    expect((atom.entries ?? []).map((entry) => entry.id)).toEqual(ids);

    const json = readJsonFeed(site, `/organisationer/${key}/feed.json`);
    expect(json.feed_url).toBe(`${ORIGIN}/organisationer/${key}/feed.json`);
    expect(json.home_page_url).toBe(`${ORIGIN}/organisationer/${key}/`);
    expect(json.language).toBe("sv");
    expect(json.items.map((item) => item.id)).toEqual(ids);
  });

  it("writes exactly the feeds the link check knows of (src/site-model/feed-list.ts): no feed is a broken link", async () => {
    const model = await siteModelOf(site.options);
    expect(publishedFeedPaths(model.collections).sort()).toEqual(builtFeeds(site).sort());
  });

  it("writes no feed for an organisation with nothing published (the fixture's only letter is a draft)", () => {
    expect(builtFeeds(site).filter((file) => file.startsWith("/organisationer/"))).toEqual(
      Object.keys(BY_ORGANISATION)
        .sort()
        .flatMap((key) => [`/organisationer/${key}/feed.json`, `/organisationer/${key}/feed.xml`]),
    );
    const all = (readAtom(site, "/feed.xml").entries ?? []).map((entry) => entry.id);
    expect(all).not.toContain(DRAFT_ID);
  });

  it.each(ARTICLE_KEYS.map((key) => DOCUMENT_TYPES[key].folder))("/%s/feed.json is a JSON Feed with the entries of the type's Atom feed", (folder) => {
    const json = readJsonFeed(site, `/${folder}/feed.json`);
    expect(json.feed_url).toBe(`${ORIGIN}/${folder}/feed.json`);
    expect(json.home_page_url).toBe(`${ORIGIN}/${folder}/`);
    const atom = readAtom(site, `/${folder}/feed.xml`);
    expect(json.items.map((item) => item.id)).toEqual((atom.entries ?? []).map((entry) => entry.id));
    expect(json.items.map((item) => item.content_html)).toEqual((atom.entries ?? []).map((entry) => entry.content?.value));
  });

  it("gives every Atom feed an id of its own, a tag URI that does not follow SITE_URL or the path prefix", async () => {
    const ids = (build: BuiltSite) => builtFeeds(build).filter((file) => file.endsWith(".xml")).map((file) => readAtom(build, file).id as string);
    const here = ids(site);
    expect(new Set(here).size).toBe(here.length);
    for (const id of here) expect(id).toMatch(/^tag:finsam\.se,2014:feed(\/[a-z0-9-]+)*$/);
    const elsewhere = await buildSite(site.options.contentDir, { siteUrl: "https://example.org", pathPrefix: "/finsam/" });
    expect(ids(elsewhere)).toEqual(here);
  });

  it("links each organisation page's feeds for autodiscovery, and its visible link to their place on the subscribe page", () => {
    const subscribe = load(site.read(PATHS.subscribe));
    for (const key of Object.keys(BY_ORGANISATION)) {
      const page = `/organisationer/${key}/`;
      const found = alternates(site, page).filter((link) => link.href.startsWith("/organisationer/"));
      expect(found).toEqual([
        { href: `/organisationer/${key}/feed.xml`, type: FEED_TYPES.xml },
        { href: `/organisationer/${key}/feed.json`, type: FEED_TYPES.json },
      ]);
      const $ = load(site.read(page));
      const visible = $(`main a[href^="${PATHS.subscribe}"]`);
      expect(visible).toHaveLength(1);
      const anchor = (visible.attr("href") ?? "").split("#")[1] ?? "";
      expect(subscribe(`[id="${anchor}"] a[href="/organisationer/${key}/feed.xml"]`), key).toHaveLength(1);
    }
  });

  it("links each type listing's feeds for autodiscovery, and its visible link to their place on the subscribe page", () => {
    const subscribe = load(site.read(PATHS.subscribe));
    for (const key of ARTICLE_KEYS) {
      const { folder } = DOCUMENT_TYPES[key];
      const page = `/${folder}/`;
      if (!site.exists(page)) continue;
      expect(alternates(site, page).filter((link) => link.href.startsWith(`/${folder}/`))).toEqual([
        { href: `/${folder}/feed.xml`, type: FEED_TYPES.xml },
        { href: `/${folder}/feed.json`, type: FEED_TYPES.json },
      ]);
      const visible = load(site.read(page))(`main a[href^="${PATHS.subscribe}"]`);
      expect(visible.text()).toBe(T.subscribeToType(DOCUMENT_TYPES[key].plural));
      const anchor = (visible.attr("href") ?? "").split("#")[1] ?? "";
      expect(subscribe(`[id="${anchor}"] a[href="/${folder}/feed.json"]`), folder).toHaveLength(1);
    }
  });

  it("points every autodiscovery link of every page at a feed the build wrote", () => {
    let count = 0;
    for (const page of htmlPages(site)) {
      for (const link of alternates(site, page)) {
        if (link.type !== FEED_TYPES.xml && link.type !== FEED_TYPES.json) continue;
        expect(site.exists(link.href), `${page}: ${link.href}`).toBe(true);
        count += 1;
      }
    }
    expect(count).toBeGreaterThan(20);
  });

  it("has no visible link in any page's content straight to a feed file, but on the subscribe page", () => {
    for (const page of htmlPages(site)) {
      if (page === `${PATHS.subscribe}index.html`) continue;
      const $ = load(site.read(page));
      expect($("main a[href$='feed.xml'], main a[href$='feed.json']").length, page).toBe(0);
    }
  });

  it("depends on no XSLT: no xml-stylesheet instruction in any feed, no stylesheet file", () => {
    const parser = new XMLParser({ ignorePiTags: false });
    for (const feed of builtFeeds(site).filter((file) => file.endsWith(".xml"))) {
      const xml = site.read(feed);
      expect(Object.keys(parser.parse(xml) as object), feed).not.toContain("?xml-stylesheet");
      expect(xml, feed).not.toContain("xml-stylesheet");
    }
    expect(site.files().filter((file) => file.endsWith(".xsl"))).toEqual([]);
  });
});

describe("the subscribe page", async () => {
  const site = await buildSite(feedFixture());
  const prefixed = await buildSite(site.options.contentDir, { siteUrl: "https://example.org", pathPrefix: "/finsam/" });

  it.each([
    { name: "at the root", build: site, base: `${ORIGIN}/`, prefix: "/" },
    { name: "under a path prefix", build: prefixed, base: "https://example.org/finsam/", prefix: "/finsam/" },
  ])("lists every feed the build wrote and the calendar, each as a link and its absolute address ($name)", ({ build, base, prefix }) => {
    const $ = load(build.read(PATHS.subscribe));
    const listed = $("main a[href]")
      .map((_, a) => ({ href: $(a).attr("href") ?? "", text: $(a).text().trim() }))
      .get()
      .filter((link) => /\/feed\.(xml|json)$|\.ics$/.test(link.href));
    const expected = [...builtFeeds(build), PATHS.calendarFeed];
    expect(listed.map((link) => link.href).sort()).toEqual(expected.map((file) => `${prefix}${file.slice(1)}`).sort());
    // The address a reader copies is the whole URL, shown as the link's text.
    for (const link of listed) expect(link.text).toBe(`${base}${link.href.slice(prefix.length)}`);
    for (const link of listed) expect(build.exists(link.href.slice(prefix.length - 1)), link.href).toBe(true);
  });

  it("explains feeds, the two formats and the calendar in Swedish", () => {
    const $ = load(site.read(PATHS.subscribe));
    expect($("html").attr("lang")).toBe("sv");
    expect($("main h1").text()).toBe(T.feedList.title);
    const headings = $("main h2").map((_, h2) => $(h2).text()).get();
    expect(headings).toEqual(expect.arrayContaining([T.feedList.whatHeading, T.feedList.howHeading, T.feedList.formatsHeading, T.feedList.calendarHeading]));
    const text = $("main").text();
    for (const paragraph of [...T.feedList.what, T.feedList.formats, T.feedList.calendar]) expect(text).toContain(paragraph);
    expect($(`main a[href="${PATHS.calendar}#subscribe-heading"]`)).toHaveLength(1);
    expect(load(site.read(PATHS.calendar))("#subscribe-heading")).toHaveLength(1);
  });

  it("is in the sitemap", () => {
    expect(site.read("/sitemap.xml")).toContain(`<loc>${ORIGIN}${PATHS.subscribe}</loc>`);
  });
});

// The generated pages (listings per type, archive, tags, organisations, 404) from a real build of a fixture tree.
import { beforeAll, describe, expect, it } from "vitest";
import { ARTICLE_KEYS, DOCUMENT_TYPES, type ArticleKey } from "../../../src/content/types.ts";
import { T } from "../../../src/site/i18n.ts";
import { PATHS } from "../../../src/site-model/urls.ts";
import { buildSite, fixtureSiteData, type BuiltSite } from "../../helpers/build.ts";
import { TITLES, URLS, pagesFixture } from "./fixture.ts";
import { htmlPages, isInternal, listedTitles, page, texts } from "./html.ts";

const ORGANISATIONS = fixtureSiteData().organisations.all;

let site: BuiltSite;

beforeAll(async () => {
  site = await buildSite(pagesFixture());
});

const EXPECTED_BY_TYPE: Record<ArticleKey, string[]> = {
  nyhet: [TITLES.newsBlekinge, TITLES.newsAlvKust, TITLES.newsCouncil],
  konferens: [TITLES.conference],
  brev: [TITLES.letter],
  minnen: [],
  protokoll: [TITLES.minutes],
};

describe("listing page per document type", () => {
  it.each(ARTICLE_KEYS.map((key) => [DOCUMENT_TYPES[key].folder, key] as const))("/%s/ lists the type's published documents newest first", (_folder, key) => {
    const info = DOCUMENT_TYPES[key];
    const $ = page(site, `/${info.folder}/`);
    expect(texts($, "h1")).toEqual([info.plural]);
    expect($("main .lede").text()).toBe(info.description);
    expect(listedTitles($)).toEqual(EXPECTED_BY_TYPE[key]);
    if (EXPECTED_BY_TYPE[key].length === 0) expect($("main").text()).toContain(T.noDocuments);
  });

  it("links each listing to the type's feeds: in the head, and in the page through the subscribe page", () => {
    for (const key of ARTICLE_KEYS) {
      const folder = DOCUMENT_TYPES[key].folder;
      const $ = page(site, `/${folder}/`);
      expect($(`main a[href="${PATHS.subscribe}#typ-${folder}"]`).length, folder).toBe(1);
      expect($(`head link[rel="alternate"][type="application/feed+json"][href="/${folder}/feed.json"]`).length, folder).toBe(1);
      expect($(`head link[rel="alternate"][type="application/atom+xml"][href="/${folder}/feed.xml"]`).length, folder).toBe(1);
    }
  });

  it("leaves drafts and scheduled documents out", () => {
    const $ = page(site, "/nyheter/");
    expect(listedTitles($)).not.toContain(TITLES.draft);
    expect(listedTitles($)).not.toContain(TITLES.scheduled);
  });
});

describe("year archive", () => {
  it("/arkiv/ lists every year with documents, newest first, with counts and links", () => {
    const $ = page(site, "/arkiv/");
    expect(texts($, "h1")).toEqual([T.archive]);
    const items = $("main .count-list li")
      .map((_, li) => ({ href: $(li).find("a").attr("href"), text: $(li).text().replace(/\s+/g, " ").trim() }))
      .get();
    expect(items).toEqual([
      { href: "/arkiv/2025/", text: `2025 (${T.documentsCount(1)})` },
      { href: "/arkiv/2024/", text: `2024 (${T.documentsCount(3)})` },
      { href: "/arkiv/2023/", text: `2023 (${T.documentsCount(1)})` },
      { href: "/arkiv/2014/", text: `2014 (${T.documentsCount(1)})` },
    ]);
  });

  it("each year page lists that year's documents of every type, newest first", () => {
    const $ = page(site, "/arkiv/2024/");
    expect(texts($, "h1")).toEqual([T.archiveYear(2024)]);
    expect(listedTitles($)).toEqual([TITLES.conference, TITLES.minutes, TITLES.newsAlvKust]);
    expect(listedTitles(page(site, "/arkiv/2014/"))).toEqual([TITLES.letter]);
  });

  it("makes no page for a year that has only a scheduled document", () => {
    expect(site.exists("/arkiv/2027/")).toBe(false);
  });
});

describe("tags", () => {
  it("/taggar/ lists every published tag in Swedish alphabetical order with counts", () => {
    const $ = page(site, "/taggar/");
    expect(texts($, "h1")).toEqual([T.tags]);
    expect(texts($, "main .count-list a")).toEqual([
      "Arbetsmiljö",
      "Personal",
      "Samverkan",
      "Styrelsearbete",
      "Zonindelning",
      "Älv & Kust",
      "Öppenhet",
    ]);
    const alvKust = $('main .count-list a[href="/taggar/alv-och-kust/"]').parent().text();
    expect(alvKust).toContain(T.documentsCount(2));
  });

  it("gives each tag a page under its Swedish slug, merging spellings that slug alike", () => {
    expect(site.exists("/taggar/alv-och-kust/")).toBe(true);
    expect(site.exists("/taggar/aelv-and-kust/")).toBe(false);
    const $ = page(site, "/taggar/alv-och-kust/");
    expect(texts($, "h1")).toEqual([T.tag("Älv & Kust")]);
    expect(listedTitles($)).toEqual([TITLES.conference, TITLES.newsAlvKust]);
    expect(listedTitles(page(site, "/taggar/oppenhet/"))).toEqual([TITLES.newsBlekinge]);
  });

  it("makes no page for tags used only by drafts or scheduled documents", () => {
    expect(site.exists("/taggar/hemligt-amne/")).toBe(false);
    expect(site.exists("/taggar/framtid/")).toBe(false);
  });
});

describe("organisations", () => {
  const publishing = ["alv-och-kust", "blekinge", "nationella-radet", "norra-vastmanland"];

  it("/organisationer/ links every organisation that has published to its page", () => {
    const $ = page(site, "/organisationer/");
    expect(texts($, "h1")).toEqual([T.organisations]);
    const links = $("main a[href^='/organisationer/']").map((_, a) => $(a).attr("href")).get();
    expect(links.sort()).toEqual(publishing.map((key) => `/organisationer/${key}/`));
    const blekinge = $('main a[href="/organisationer/blekinge/"]').closest("li");
    expect(blekinge.text()).toContain("Blekinge");
    expect(blekinge.find('a[href="https://finsam-blekinge.se"]').length).toBe(1);
    expect(blekinge.text()).toContain(T.documentsCount(2));
  });

  it("names organisations without published documents but gives them no page and no link", () => {
    const $ = page(site, "/organisationer/");
    for (const organisation of ORGANISATIONS.filter((o) => !publishing.includes(o.key))) {
      expect($("main").text(), organisation.key).toContain(organisation.name);
      expect(site.exists(`/organisationer/${organisation.key}/`), organisation.key).toBe(false);
    }
  });

  it("each organisation page shows its facts and its documents newest first", () => {
    const $ = page(site, "/organisationer/blekinge/");
    expect(texts($, "h1")).toEqual(["Samordningsförbundet i Blekinge"]);
    expect($("main .facts dd").first().text()).toBe("Blekinge");
    expect($('main .facts a[href="https://finsam-blekinge.se"]').length).toBe(1);
    expect(listedTitles($)).toEqual([TITLES.newsBlekinge, TITLES.minutes]);
    expect(listedTitles(page(site, "/organisationer/nationella-radet/"))).toEqual([TITLES.conference, TITLES.newsCouncil]);
  });
});

describe("404 page", () => {
  it("exists in Swedish, is not indexed and links home and to the archive", () => {
    const $ = page(site, "/404.html");
    expect(texts($, "h1")).toEqual([T.notFoundTitle]);
    expect($('meta[name="robots"]').attr("content")).toBe("noindex");
    expect($('link[rel="canonical"]').length).toBe(0);
    expect($('main a[href="/"]').length).toBe(1);
    expect($('main a[href="/arkiv/"]').length).toBe(1);
    // Said once: one sentence whose words are the links, not a sentence and then the same places as a list.
    const help = $("main p").has('a[href="/"]');
    expect(help.text()).toBe("Gå till startsidan eller titta i arkivet.");
    expect(help.find('a[href="/arkiv/"]').length).toBe(1);
    expect($("main ul").length).toBe(0);
  });
});

describe("every built page", () => {
  it("has exactly one h1 and no skipped heading levels", () => {
    for (const sitePath of htmlPages(site)) {
      const $ = page(site, sitePath);
      const levels = $("h1, h2, h3, h4, h5, h6").map((_, h) => Number(h.tagName.slice(1))).get();
      expect(levels.filter((level) => level === 1).length, sitePath).toBe(1);
      expect(levels[0], sitePath).toBe(1);
      levels.forEach((level, index) => {
        if (index > 0) expect(level - (levels[index - 1] ?? 1), `${sitePath}: h${levels[index - 1]} → h${level}`).toBeLessThanOrEqual(1);
      });
    }
  });

  it("links only to pages the build wrote", () => {
    const missing: string[] = [];
    for (const sitePath of htmlPages(site)) {
      const $ = page(site, sitePath);
      $("a[href], link[href]").each((_, element) => {
        const href = $(element).attr("href") ?? "";
        if (!isInternal(href)) return;
        const target = href.replace(/[?#].*$/, "");
        // Feeds are written and tested by src/outputs/feeds (tests/feeds); this test is about pages.
        if (/\/feed\.(xml|json)$/.test(target)) return;
        if (!site.exists(target)) missing.push(`${sitePath} → ${href}`);
      });
    }
    expect(missing).toEqual([]);
  });
});

describe("path prefix", () => {
  it("makes every internal link and asset on every page start with the prefix", async () => {
    const prefixed = await buildSite(pagesFixture(), { pathPrefix: "/finsam/" });
    const wrong: string[] = [];
    const pages = htmlPages(prefixed);
    expect(pages).toEqual(expect.arrayContaining(["/nyheter/", "/arkiv/", "/arkiv/2024/", "/taggar/", "/taggar/alv-och-kust/", "/organisationer/", "/organisationer/blekinge/", "/404.html"]));
    for (const sitePath of pages) {
      const $ = page(prefixed, sitePath);
      $("a[href], link[href], img[src], script[src]").each((_, element) => {
        const value = $(element).attr("href") ?? $(element).attr("src") ?? "";
        if (isInternal(value) && !value.startsWith("/finsam/")) wrong.push(`${sitePath}: ${value}`);
      });
    }
    expect(wrong).toEqual([]);
  });
});

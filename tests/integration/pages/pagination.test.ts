// Listings longer than one page: 20 documents a page, page links in a labelled nav, rel prev/next, every page in the sitemap.
import { beforeAll, describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import type { CheerioAPI } from "cheerio";
import { T } from "../../../src/site/i18n.ts";
import { LISTING_PAGE_SIZE, pageLinkItems } from "../../../src/site-model/listings.ts";
import { buildSite, markdownFile, writeContent, type BuiltSite } from "../../helpers/build.ts";
import { listedTitles, page, texts } from "./html.ts";

const NEWS_COUNT = 45;
const ORIGIN = "https://finsam.example";

/** Nyhet 45 is the newest (2024-02-14), Nyhet 01 the oldest (2024-01-01). */
function newsTitle(n: number): string {
  return `Nyhet ${String(n).padStart(2, "0")}`;
}

function paginationFixture(): string {
  const files: Record<string, string> = {};
  for (let n = 1; n <= NEWS_COUNT; n++) {
    const day = new Date(Date.UTC(2024, 0, n)).toISOString().slice(0, 10);
    files[`nyheter/${day}-nyhet-${n}.md`] = markdownFile({
      title: newsTitle(n),
      date: day,
      summary: `Ingress ${n}.`,
      organisation: "blekinge",
      tags: ["Samverkan"],
    });
  }
  files["brev/2024-03-01-ett-brev.md"] = markdownFile({
    title: "Ett brev",
    date: "2024-03-01",
    summary: "Ett kort brev.",
    organisation: "nns",
    sender: "Anna Andersson",
    senderRole: "Samordnare",
    senderOrganisation: "nns",
    recipient: "Styrelsen",
    letterDate: "2024-03-01",
  });
  return writeContent(files);
}

const newestFirst = Array.from({ length: NEWS_COUNT }, (_, index) => newsTitle(NEWS_COUNT - index));

function pageLinks($: CheerioAPI) {
  return $('nav[aria-label="Sidnumrering"] a')
    .map((_, a) => ({ text: $(a).text(), href: $(a).attr("href"), current: $(a).attr("aria-current"), rel: $(a).attr("rel") }))
    .get();
}

let site: BuiltSite;
beforeAll(async () => {
  site = await buildSite(paginationFixture());
});

describe("a type listing of 45 documents", () => {
  it("is split into pages of 20, 20 and 5, newest first, with nothing lost or repeated", () => {
    expect(LISTING_PAGE_SIZE).toBe(20);
    const pages = ["/nyheter/", "/nyheter/sida/2/", "/nyheter/sida/3/"].map((sitePath) => listedTitles(page(site, sitePath)));
    expect(pages.map((titles) => titles.length)).toEqual([20, 20, 5]);
    expect(pages.flat()).toEqual(newestFirst);
    expect(site.exists("/nyheter/sida/4/")).toBe(false);
    expect(site.exists("/nyheter/sida/1/")).toBe(false);
  });

  it("has a labelled nav with previous, next and every page number, the current one marked", () => {
    const $ = page(site, "/nyheter/sida/2/");
    expect($('nav[aria-label="Sidnumrering"]')).toHaveLength(1);
    expect(pageLinks($)).toEqual([
      { text: T.pagination.previous, href: "/nyheter/", current: undefined, rel: "prev" },
      { text: "Sida 1", href: "/nyheter/", current: undefined, rel: undefined },
      { text: "Sida 2", href: "/nyheter/sida/2/", current: "page", rel: undefined },
      { text: "Sida 3", href: "/nyheter/sida/3/", current: undefined, rel: undefined },
      { text: T.pagination.next, href: "/nyheter/sida/3/", current: undefined, rel: "next" },
    ]);
    // The number is what sighted readers see; "Sida" is only for screen readers.
    expect($('nav[aria-label="Sidnumrering"] a[aria-current="page"] .visually-hidden').text().trim()).toBe("Sida");
  });

  it("leaves out previous on the first page and next on the last", () => {
    const first = pageLinks(page(site, "/nyheter/"));
    expect(first.map((link) => link.rel).filter(Boolean)).toEqual(["next"]);
    expect(first.find((link) => link.current === "page")?.href).toBe("/nyheter/");
    const last = pageLinks(page(site, "/nyheter/sida/3/"));
    expect(last.map((link) => link.rel).filter(Boolean)).toEqual(["prev"]);
    expect(last.find((link) => link.current === "page")?.href).toBe("/nyheter/sida/3/");
  });

  it("names rel prev and next in the head", () => {
    const head = (sitePath: string) => {
      const $ = page(site, sitePath);
      return { prev: $('head link[rel="prev"]').attr("href"), next: $('head link[rel="next"]').attr("href") };
    };
    expect(head("/nyheter/")).toEqual({ prev: undefined, next: "/nyheter/sida/2/" });
    expect(head("/nyheter/sida/2/")).toEqual({ prev: "/nyheter/", next: "/nyheter/sida/3/" });
    expect(head("/nyheter/sida/3/")).toEqual({ prev: "/nyheter/sida/2/", next: undefined });
  });

  it("gives every page its own title, heading and canonical URL, saying which page it is", () => {
    const titles = ["/nyheter/", "/nyheter/sida/2/", "/nyheter/sida/3/"].map((sitePath) => page(site, sitePath)("title").text());
    expect(titles).toEqual(["Nyheter – Finsam", "Nyheter, sida 2 av 3 – Finsam", "Nyheter, sida 3 av 3 – Finsam"]);
    expect(texts(page(site, "/nyheter/"), "h1")).toEqual(["Nyheter"]);
    const $ = page(site, "/nyheter/sida/2/");
    expect(texts($, "h1")).toEqual(["Nyheter, sida 2 av 3"]);
    expect($('link[rel="canonical"]').attr("href")).toBe(`${ORIGIN}/nyheter/sida/2/`);
  });

  it("shows no page links when everything fits on one page", () => {
    const $ = page(site, "/brev/");
    expect(listedTitles($)).toEqual(["Ett brev"]);
    expect($("nav.pagination")).toHaveLength(0);
    expect($('head link[rel="prev"], head link[rel="next"]')).toHaveLength(0);
  });

  it("follows the path prefix in page links and head links", async () => {
    const prefixed = await buildSite(site.options.contentDir, { pathPrefix: "/finsam/" });
    const $ = page(prefixed, "/nyheter/sida/2/");
    expect(pageLinks($).map((link) => link.href)).toEqual(["/finsam/nyheter/", "/finsam/nyheter/", "/finsam/nyheter/sida/2/", "/finsam/nyheter/sida/3/", "/finsam/nyheter/sida/3/"]);
    expect($('head link[rel="next"]').attr("href")).toBe("/finsam/nyheter/sida/3/");
  });
});

describe("tag, organisation and year pages", () => {
  it.each([
    ["tag", "/taggar/samverkan/", T.tag("Samverkan")],
    ["organisation", "/organisationer/blekinge/", "Samordningsförbundet i Blekinge"],
    ["year", "/arkiv/2024/", T.archiveYear(2024)],
  ])("the %s page is split the same way", (_kind, base, heading) => {
    const paths = [base, `${base}sida/2/`, `${base}sida/3/`];
    const titles = paths.map((sitePath) => listedTitles(page(site, sitePath)));
    const expected = base === "/arkiv/2024/" ? ["Ett brev", ...newestFirst] : newestFirst;
    expect(titles.flat()).toEqual(expected);
    expect(titles[0]).toHaveLength(20);
    for (const [index, sitePath] of paths.entries()) {
      const $ = page(site, sitePath);
      expect(texts($, "h1")).toEqual([index === 0 ? heading : `${heading}, sida ${index + 1} av 3`]);
      expect($('nav[aria-label="Sidnumrering"] a[aria-current="page"]').attr("href")).toBe(sitePath);
    }
    expect(site.exists(`${base}sida/4/`)).toBe(false);
  });
});

describe("the sitemap", () => {
  it("lists every page of every listing", () => {
    const parsed = new XMLParser({ isArray: (name) => name === "url", parseTagValue: false }).parse(site.read("/sitemap.xml"));
    const locs = (parsed.urlset.url as { loc: string }[]).map((url) => url.loc);
    for (const base of ["/nyheter/", "/taggar/samverkan/", "/organisationer/blekinge/", "/arkiv/2024/"]) {
      for (const sitePath of [base, `${base}sida/2/`, `${base}sida/3/`]) expect(locs, sitePath).toContain(`${ORIGIN}${sitePath}`);
    }
    expect(locs).not.toContain(`${ORIGIN}/brev/sida/2/`);
  });
});

describe("pageLinkItems", () => {
  const shown = (pageNumber: number, pageCount: number) =>
    pageLinkItems(pageNumber, pageCount).map((item) => (item === "gap" ? "…" : String(item.pageNumber + 1))).join(" ");

  it("shows every page of a short listing", () => {
    expect(shown(0, 1)).toBe("1");
    expect(shown(2, 7)).toBe("1 2 3 4 5 6 7");
  });

  it("keeps first, last and two on each side of the current page in a long one", () => {
    expect(shown(0, 500)).toBe("1 2 3 … 500");
    expect(shown(249, 500)).toBe("1 … 248 249 250 251 252 … 500");
    expect(shown(499, 500)).toBe("1 … 498 499 500");
  });

  it("never hides a single page behind a gap", () => {
    expect(shown(4, 10)).toBe("1 2 3 4 5 6 7 … 10");
  });
});

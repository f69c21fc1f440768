// The search page /sok/ and the header search form: labelled fields, filters as real form controls named as the
// address's parameters, a heading and advice for the results, a plain message without JavaScript, and one external
// script on the search page only.
import { beforeAll, describe, expect, it } from "vitest";
import { load, type CheerioAPI } from "cheerio";
import { buildSite, type BuiltSite } from "../../helpers/build.ts";
import { TITLES, pagesFixture } from "../pages/fixture.ts";
import { htmlPages, page } from "../pages/html.ts";
import { T } from "../../../src/site/i18n.ts";

let site: BuiltSite;
let $: CheerioAPI;

beforeAll(async () => {
  site = await buildSite(pagesFixture());
  $ = page(site, "/sok/");
});

/** Scripts that run: JSON-LD data blocks (type application/ld+json) are data, not code, and never executed. */
const RUNNABLE = 'script:not([type="application/ld+json"])';

/** The page as a browser without JavaScript parses it: <noscript> content is markup, not text. */
function withoutScript(sitePath: string): CheerioAPI {
  return load(site.read(sitePath), { scriptingEnabled: false });
}

describe("the search page", () => {
  it("has a Swedish title and a search form that works as a plain GET to itself", () => {
    expect($("html").attr("lang")).toBe("sv");
    expect($("h1").text()).toBe(T.search.title);
    const form = $("main form#search-form");
    expect(form.attr("role")).toBe("search");
    expect(form.attr("action")).toBe("/sok/");
    expect(form.attr("method")).toBe("get");
    expect(form.find('button[type="submit"]').text()).toBe(T.search.submit);
  });

  it("labels its field", () => {
    const input = $("main input#search-input");
    expect(input.attr("name")).toBe("q");
    expect(input.attr("type")).toBe("search");
    expect($('main label[for="search-input"]').text().trim()).toBe(T.search.pageLabel);
  });

  it("tells a reader without JavaScript, in Swedish, where else to look: the archive, the tags, each type's listing", () => {
    const $plain = withoutScript("/sok/");
    const message = $plain("main noscript .search-noscript");
    expect(message.text()).toContain(T.search.noScript);
    // The fixture has news, a conference, a letter and minutes, no memoir: no link to an empty listing.
    expect(message.find("a").map((_, link) => $plain(link).attr("href")).get()).toEqual(["/arkiv/", "/taggar/", "/nyheter/", "/konferenser/", "/brev/", "/protokoll/"]);
    for (const href of message.find("a").map((_, link) => $plain(link).attr("href")).get()) expect(site.exists(`${href}index.html`), href).toBe(true);
  });

  it("has filters as real form controls: a fieldset with a legend, three labelled selects named typ, organisation and ar", () => {
    const fieldset = $("main form#search-form fieldset.search-filters");
    expect(fieldset.find("legend").text()).toBe(T.search.filters);
    const selects = fieldset.find("select");
    expect(selects.map((_, select) => $(select).attr("name")).get()).toEqual(["typ", "organisation", "ar"]);
    const labels = { typ: T.search.filterType, organisation: T.search.filterOrganisation, ar: T.search.filterYear };
    selects.each((_, select) => {
      const id = $(select).attr("id");
      expect($(`label[for="${id}"]`).text(), id).toBe(labels[$(select).attr("name") as keyof typeof labels]);
      // The first choice is "any", with an empty value: the plain GET then filters nothing.
      expect($(select).find("option").first().attr("value"), id).toBe("");
    });
    const values = (name: string) => fieldset.find(`select[name="${name}"] option`).map((_, option) => $(option).attr("value")).get().slice(1);
    const texts = (name: string) => fieldset.find(`select[name="${name}"] option`).map((_, option) => $(option).text()).get().slice(1);
    // Only what the index has: published documents' types, organisations (A–Ö by name) and years (newest first).
    expect(values("typ")).toEqual(["nyhet", "konferens", "brev", "protokoll"]);
    expect(texts("typ")).toEqual(["Nyhet", "Konferens", "Brev", "Protokoll"]);
    expect(values("organisation")).toEqual(expect.arrayContaining(["blekinge", "alv-och-kust", "nationella-radet", "norra-vastmanland"]));
    expect(values("organisation")).not.toContain("nns"); // the draft's organisation
    expect(values("organisation")).not.toContain("sodra-dalarna"); // the scheduled document's
    expect(texts("organisation")).toEqual([...texts("organisation")].sort((a, b) => a.localeCompare(b, "sv")));
    expect(values("ar")).toEqual(["2025", "2024", "2023", "2014"]);
  });

  it("has a heading for the results and advice for no hits, both hidden until a search shows them", () => {
    expect($("h2#search-heading").text()).toBe(T.search.results);
    expect($("h2#search-heading").attr("hidden")).toBeDefined();
    expect($("ol#search-results").attr("aria-labelledby")).toBe("search-heading");
    const none = $("#search-none");
    expect(none.attr("hidden")).toBeDefined();
    expect(none.text()).toContain(T.search.noneSpelling);
    expect(none.find("a").attr("href")).toBe("/arkiv/");
    expect(TITLES.minutes).toBeTruthy();
  });

  it("has a status region for the hit count and a list for the results", () => {
    expect($("#search-status").attr("role")).toBe("status");
    expect($("#search-status").text()).toBe("");
    expect($("ol#search-results")).toHaveLength(1);
    expect($("#search-more").attr("hidden")).toBeDefined();
  });

  it("loads one external module script, no inline script, preloads the modules it imports, and all of them exist", () => {
    const scripts = $(RUNNABLE);
    expect(scripts).toHaveLength(1);
    expect(scripts.attr("src")).toBe("/assets/search.js");
    expect(scripts.attr("type")).toBe("module");
    expect(scripts.html()).toBe("");
    const preloaded = $('link[rel="modulepreload"]').map((_, link) => $(link).attr("href")).get();
    expect(preloaded).toEqual(["/assets/search-engine.js", "/assets/search-terms.js", "/assets/stemmer-sv.js"]);
    for (const file of ["/assets/search.js", ...preloaded]) expect(site.exists(file), file).toBe(true);
    expect($("#search-form").attr("data-index")).toBe("/sok/index/");
    expect($("#search-form").attr("data-prefix")).toBe("/");
    expect(site.exists("/sok/index/index.json")).toBe(true);
    // No event handler attributes either: a content security policy would block those too.
    const handlers = $("*").toArray().flatMap((element) => Object.keys("attribs" in element ? element.attribs : {}).filter((name) => name.startsWith("on")));
    expect(handlers).toEqual([]);
  });

  it("builds results with DOM text nodes only: no innerHTML, no eval, no inline style", () => {
    for (const file of ["/assets/search.js", "/assets/search-engine.js", "/assets/search-terms.js"]) {
      const source = site.read(file);
      expect(source, file).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|\.style\b/);
    }
  });

  it("hands the script its Swedish texts, so the script itself holds none", () => {
    const form = $("#search-form");
    expect(form.attr("data-text-none")).toBe(T.search.hitsNone);
    expect(form.attr("data-text-one")).toBe(T.search.hitsOne);
    expect(form.attr("data-text-many")).toBe(T.search.hitsMany);
    expect(form.attr("data-text-failed")).toBe(T.search.failed);
    expect(T.search.hitsMany).toContain("{n}");
    for (const file of ["/assets/search.js", "/assets/search-engine.js"]) expect(site.read(file), file).not.toMatch(/[åäöÅÄÖ]|träff|Sök/);
  });

  it("follows the path prefix for its form, scripts and index", async () => {
    const prefixed = await buildSite(pagesFixture(), { pathPrefix: "/finsam/" });
    const $p = page(prefixed, "/sok/");
    expect($p("#search-form").attr("action")).toBe("/finsam/sok/");
    expect($p(RUNNABLE).attr("src")).toBe("/finsam/assets/search.js");
    expect($p('link[rel="modulepreload"]').first().attr("href")).toBe("/finsam/assets/search-engine.js");
    expect($p("#search-form").attr("data-index")).toBe("/finsam/sok/index/");
    expect($p("#search-form").attr("data-prefix")).toBe("/finsam/");
    expect($p(".site-header form").attr("action")).toBeUndefined();
    expect(page(prefixed, "/")(".site-header form").attr("action")).toBe("/finsam/sok/");
  });
});

describe("every other page", () => {
  it("has no script that runs", () => {
    const pages = htmlPages(site).filter((sitePath) => sitePath !== "/sok/");
    expect(pages).toEqual(expect.arrayContaining(["/", "/nyheter/", "/404.html", "/nyheter/2025/ny-samordnare/"]));
    for (const sitePath of pages) expect(page(site, sitePath)(RUNNABLE), sitePath).toHaveLength(0);
  });

  it("has a labelled search form in the header that reaches /sok/ with ?q= without JavaScript", () => {
    for (const sitePath of ["/", "/nyheter/", "/404.html", "/nyheter/2025/ny-samordnare/"]) {
      const $page = page(site, sitePath);
      const form = $page(".site-header form.header-search");
      expect(form.attr("action"), sitePath).toBe("/sok/");
      expect(form.attr("method"), sitePath).toBe("get");
      expect(form.attr("role"), sitePath).toBe("search");
      const input = form.find('input[name="q"]');
      expect(input.attr("type"), sitePath).toBe("search");
      expect(form.find(`label[for="${input.attr("id")}"]`).text(), sitePath).toBe(T.header.searchLabel);
      expect(form.find('button[type="submit"]').text(), sitePath).toBe(T.search.submit);
    }
  });

  it("leaves the header form off the search page, so it has one search field", () => {
    expect($('input[name="q"]')).toHaveLength(1);
  });
});

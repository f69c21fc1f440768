// Search in Chromium: the /sok/ page finds what the same search modules find in Node (tests/helpers/search.ts,
// reading the same built index), shows the Swedish count, marks the matched words, searches ?q= on load, is
// reached from the header form on other pages, links results that open (also under /finsam/), shows more on
// request with focus on the first new result, keeps hostile index data as text, tells a reader without JavaScript
// where else to look, and breaks no rule of the content security policy on the way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { T } from "../../src/site/i18n.ts";
import { PATHS } from "../../src/site-model/urls.ts";
import { search, type SearchHit } from "../helpers/search.ts";
import { consoleViolations, describeViolations, documentViolations, recordViolations } from "./csp.ts";
import { localUrl, servedSite, connectBrowser, visit } from "./support.ts";
import type { ServedSite } from "./sites.ts";

/** Shown at once by src/outputs/search/browser/search.js; more come with "Visa fler träffar". */
const PAGE_SIZE = 20;
const RESULT_LINKS = "#search-results > li > h2 > a";

/** The words searched for: each is in several documents of its site's content. */
const SEARCHES = [
  { name: "shipped" as const, query: "styrelsen" },
  { name: "prefixed" as const, query: "kartläggning" },
];

/** The helper's summary (text with <mark>…</mark>) as the browser serialises the page's DOM nodes. */
function htmlOf(summary: string): string {
  return summary
    .split(/(<mark>|<\/mark>)/)
    .map((part) => (part === "<mark>" || part === "</mark>" ? part : part.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\u00a0/g, "&nbsp;")))
    .join("");
}

function countText(count: number, query: string): string {
  const template = count === 0 ? T.search.hitsNone : count === 1 ? T.search.hitsOne : T.search.hitsMany;
  return template.replace("{n}", count.toLocaleString("sv-SE")).replace("{q}", query);
}

/** What the page must show for a query: the site's own search modules in Node, reading the same built index. */
function expectedHits(site: ServedSite, query: string): Promise<SearchHit[]> {
  return search({ outDir: site.outDir, options: { contentDir: "", siteUrl: site.siteUrl, pathPrefix: site.pathPrefix, mode: "production" } }, query);
}

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe.each(SEARCHES)("sökning på $name", ({ name, query }) => {
  const site = servedSite(name);
  let context: BrowserContext;
  let page: Page;
  let reported: string[];
  let expected: SearchHit[];

  beforeAll(async () => {
    expected = await expectedHits(site, query);
    context = await browser.newContext();
    await recordViolations(context);
    page = await context.newPage();
    reported = consoleViolations(page);
  });
  afterAll(async () => {
    await context.close();
  });

  /** Waits for the results of `query` and checks them against the search in Node, link by link. */
  async function expectResults(): Promise<void> {
    expect(expected.length, `sökningen i Node hittar inget för "${query}": välj ett annat ord`).toBeGreaterThan(1);
    const status = page.locator("#search-status");
    await expect.poll(() => status.textContent()).toBe(countText(expected.length, query));
    expect(await status.getAttribute("role")).toBe("status");
    const links = page.locator(RESULT_LINKS);
    await expect.poll(() => links.count()).toBe(Math.min(expected.length, PAGE_SIZE));
    const shown = await links.evaluateAll((anchors) => anchors.map((anchor) => ({ href: anchor.getAttribute("href"), text: anchor.textContent })));
    expect(shown).toEqual(expected.slice(0, PAGE_SIZE).map((hit) => ({ href: hit.url, text: hit.title })));
    // Each result: its type and date (a page, such as Om Finsam, has none), and its summary with the matched words marked.
    const items = await page.locator("#search-results > li").evaluateAll((elements) =>
      elements.map((item) => ({
        meta: item.querySelector("p.meta")?.textContent,
        day: item.querySelector("p.meta time")?.getAttribute("datetime"),
        summary: item.querySelector("h2 + p.meta + p")?.innerHTML,
      })),
    );
    expect(items).toEqual(
      expected.slice(0, PAGE_SIZE).map((hit) =>
        hit.date
          ? { meta: `${hit.type} ${hit.date}`, day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), summary: htmlOf(hit.summary) }
          : { meta: hit.type, day: undefined, summary: htmlOf(hit.summary) },
      ),
    );
    // The shipped site's word is in summaries (the other's only in bodies): there the marks must show.
    if (name === "shipped") expect(items.some((item) => item.summary?.includes("<mark>"))).toBe(true);
  }

  async function expectNoViolations(): Promise<void> {
    const violations = [...(await documentViolations(page)), ...reported];
    expect(violations, describeViolations(violations)).toEqual([]);
  }

  it("sökordet skrivet i sökrutan på /sok/ ger träffarna och antalet på svenska", async () => {
    reported.length = 0;
    await visit(page, localUrl(site, PATHS.search));
    expect(await page.locator(RESULT_LINKS).count()).toBe(0);
    await page.locator("#search-input").fill(query);
    await expectResults();
    await expectNoViolations();
  });

  it("träffarna leder till riktiga sidor, under sökvägsprefixet", async () => {
    await visit(page, `${localUrl(site, PATHS.search)}?q=${encodeURIComponent(query)}`);
    await expectResults();
    const hrefs = await page.locator(RESULT_LINKS).evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      expect(href.startsWith(site.baseUrl), href).toBe(true);
      const response = await page.request.get(href);
      expect(response.status(), href).toBe(200);
      expect(await response.text(), href).toMatch(/<article class="document document-/);
    }
    // Following the first link opens the document the result names.
    const first = page.locator(RESULT_LINKS).first();
    const title = await first.textContent();
    await first.click();
    await page.waitForURL(hrefs[0]!);
    expect(await page.locator("h1").first().textContent()).toBe(title);
  });

  it("?q= i adressen söker när sidan öppnas", async () => {
    reported.length = 0;
    await visit(page, `${localUrl(site, PATHS.search)}?q=${encodeURIComponent(query)}`);
    expect(await page.locator("#search-input").inputValue()).toBe(query);
    await expectResults();
    await expectNoViolations();
  });

  it("sökformuläret i sidhuvudet på en annan sida leder till /sok/?q= med träffarna", async () => {
    reported.length = 0;
    await visit(page, localUrl(site, "/"));
    const form = page.locator("form.header-search");
    await form.locator('input[name="q"]').fill(query);
    await form.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === `${site.pathPrefix}sok/`);
    expect(new URL(page.url()).searchParams.get("q")).toBe(query);
    await expectResults();
    await expectNoViolations();
  });

  it("ett ord som inte finns ger inga träffar och säger det", async () => {
    reported.length = 0;
    const nothing = "xyzzyqwert";
    expect(await expectedHits(site, nothing)).toEqual([]);
    await visit(page, `${localUrl(site, PATHS.search)}?q=${nothing}`);
    await expect.poll(() => page.locator("#search-status").textContent()).toBe(countText(0, nothing));
    expect(await page.locator(RESULT_LINKS).count()).toBe(0);
    await expectNoViolations();
  });
});

describe("sökning med många träffar, och data i indexet som inte är att lita på", () => {
  const site = servedSite("prefixed");
  // In the title of every generated news item of the fixture (tests/e2e/fixture.ts): more than 20 hits.
  const query = "samverkan";
  let context: BrowserContext;
  let page: Page;
  let reported: string[];

  beforeAll(async () => {
    context = await browser.newContext();
    await recordViolations(context);
    page = await context.newPage();
    reported = consoleViolations(page);
  });
  afterAll(async () => {
    await context.close();
  });

  it("”Visa fler träffar” visar 20 till och flyttar fokus till den första nya träffen", async () => {
    const expected = await expectedHits(site, query);
    expect(expected.length, `välj ett ord med fler än ${PAGE_SIZE} träffar`).toBeGreaterThan(PAGE_SIZE);
    await visit(page, `${localUrl(site, PATHS.search)}?q=${encodeURIComponent(query)}`);
    const links = page.locator(RESULT_LINKS);
    await expect.poll(() => links.count()).toBe(PAGE_SIZE);
    const more = page.locator("#search-more");
    expect(await more.isVisible()).toBe(true);
    expect(await more.textContent()).toBe(T.search.showMore);
    await more.click();
    await expect.poll(() => links.count()).toBe(Math.min(expected.length, 2 * PAGE_SIZE));
    const focused = await page.evaluate(() => document.activeElement?.getAttribute("href"));
    expect(focused).toBe(expected[PAGE_SIZE]?.url);
    const all = await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")));
    expect(all).toEqual(expected.slice(0, 2 * PAGE_SIZE).map((hit) => hit.url));
    expect(await more.isHidden()).toBe(expected.length <= 2 * PAGE_SIZE);
    expect([...(await documentViolations(page)), ...reported]).toEqual([]);
  });

  it("titlar och sammanfattningar med <script>, & och citattecken visas som text, aldrig som HTML", async () => {
    const title = `<script>window.__hacked = 1</script> & "citat" <img src=x onerror="window.__hacked = 2">`;
    const summary = `<b>fet</b> & <iframe src="javascript:alert(1)"></iframe> ${query} 'slut'`;
    // Every document chunk the page fetches comes back with hostile texts, as if an editor had written them.
    await page.route("**/sok/index/d*.json*", async (route) => {
      const response = await route.fetch();
      const rows = (await response.json()) as string[][];
      const urls = ["javascript:window.__hacked=3", "//evil.example/", "/\\evil.example/"];
      await route.fulfill({ response, json: rows.map((row, at) => [urls[at % urls.length], title, row[2], row[3], row[4], summary]) });
    });
    try {
      await visit(page, `${localUrl(site, PATHS.search)}?q=${encodeURIComponent(query)}`);
      const first = page.locator(RESULT_LINKS).first();
      await expect.poll(() => first.textContent()).toBe(title);
      const item = page.locator("#search-results > li").first();
      expect(await item.locator("h2 + p.meta + p").textContent()).toBe(summary);
      expect(await item.locator("h2 + p.meta + p mark").allTextContents()).toEqual([query]);
      expect(await page.locator("#search-results script, #search-results img, #search-results iframe, #search-results b").count()).toBe(0);
      expect(await page.evaluate(() => (window as { __hacked?: number }).__hacked)).toBeUndefined();
      // URLs that are not site-relative paths lead to the start page, never elsewhere.
      const hrefs = await page.locator(RESULT_LINKS).evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")));
      expect(new Set(hrefs)).toEqual(new Set([site.pathPrefix]));
    } finally {
      await page.unroute("**/sok/index/d*.json*");
    }
  });

  it("säger till på svenska när indexet inte kan laddas", async () => {
    await page.route("**/sok/index/index.json*", (route) => route.fulfill({ status: 503, body: "" }));
    try {
      await visit(page, `${localUrl(site, PATHS.search)}?q=${encodeURIComponent(query)}`);
      await expect.poll(() => page.locator("#search-status").textContent()).toBe(T.search.failed);
      expect(await page.locator(RESULT_LINKS).count()).toBe(0);
    } finally {
      await page.unroute("**/sok/index/index.json*");
    }
  });
});

describe("sökning utan JavaScript", () => {
  it.each(SEARCHES)("$name: visar det enkla svenska beskedet och inga fel", async ({ name, query }) => {
    const site = servedSite(name);
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      await visit(page, `${localUrl(site, PATHS.search)}?q=${encodeURIComponent(query)}`);
      const message = page.locator("noscript .search-noscript");
      expect(await message.isVisible()).toBe(true);
      expect(await message.textContent()).toContain(T.search.noScript);
      // Its links lead on to the archive and the tags, under the site's prefix.
      expect(await message.locator("a").evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")))).toEqual([
        `${site.pathPrefix}${PATHS.archive.slice(1)}`,
        `${site.pathPrefix}${PATHS.tags.slice(1)}`,
      ]);
      expect(await page.locator("#search-status").textContent()).toBe("");
      expect(await page.locator(RESULT_LINKS).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("med JavaScript är beskedet dolt (kontroll: testet kan falla)", async () => {
    const site = servedSite("shipped");
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await visit(page, localUrl(site, PATHS.search));
      expect(await page.locator("noscript .search-noscript").count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

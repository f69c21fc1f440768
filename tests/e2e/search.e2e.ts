// Search in Chromium: the /sok/ page finds what Pagefind in Node finds (tests/helpers/pagefind.ts, the same
// bundle), shows the Swedish count, searches ?q= on load, is reached from the header form on other pages, links
// results that open (also under /finsam/), tells a reader without JavaScript where else to look, and breaks no
// rule of the content security policy on the way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { T } from "../../src/i18n.ts";
import { PATHS } from "../../src/urls.ts";
import { search, type SearchHit } from "../helpers/pagefind.ts";
import { consoleViolations, describeViolations, documentViolations, recordViolations } from "./csp.ts";
import { localUrl, servedSite, connectBrowser } from "./support.ts";
import type { ServedSite } from "./sites.ts";

/** Shown at once by layouts/assets/search.js; more come with "Visa fler träffar". */
const PAGE_SIZE = 20;
const RESULT_LINKS = "#search-results > li > h2 > a";

/** The words searched for: each is in several documents of its site's content. */
const SEARCHES = [
  { name: "shipped" as const, query: "styrelsen" },
  { name: "prefixed" as const, query: "kartläggning" },
];

function countText(count: number, query: string): string {
  const template = count === 0 ? T.search.hitsNone : count === 1 ? T.search.hitsOne : T.search.hitsMany;
  return template.replace("{n}", count.toLocaleString("sv-SE")).replace("{q}", query);
}

/** What the page must show for a query: Pagefind in Node, reading the same built bundle. */
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

  /** Waits for the results of `query` and checks them against Pagefind's, link by link. */
  async function expectResults(): Promise<void> {
    expect(expected.length, `Pagefind i Node hittar inget för "${query}": välj ett annat ord`).toBeGreaterThan(1);
    const status = page.locator("#search-status");
    await expect.poll(() => status.textContent()).toBe(countText(expected.length, query));
    expect(await status.getAttribute("role")).toBe("status");
    const links = page.locator(RESULT_LINKS);
    await expect.poll(() => links.count()).toBe(Math.min(expected.length, PAGE_SIZE));
    const shown = await links.evaluateAll((anchors) => anchors.map((anchor) => ({ href: anchor.getAttribute("href"), text: anchor.textContent })));
    expect(shown).toEqual(expected.slice(0, PAGE_SIZE).map((hit) => ({ href: hit.url, text: hit.title })));
  }

  async function expectNoViolations(): Promise<void> {
    const violations = [...(await documentViolations(page)), ...reported];
    expect(violations, describeViolations(violations)).toEqual([]);
  }

  it("sökordet skrivet i sökrutan på /sok/ ger träffarna och antalet på svenska", async () => {
    reported.length = 0;
    await page.goto(localUrl(site, PATHS.search), { waitUntil: "load" });
    expect(await page.locator(RESULT_LINKS).count()).toBe(0);
    await page.locator("#search-input").fill(query);
    await expectResults();
    await expectNoViolations();
  });

  it("träffarna leder till riktiga sidor, under sökvägsprefixet", async () => {
    await page.goto(`${localUrl(site, PATHS.search)}?q=${encodeURIComponent(query)}`, { waitUntil: "load" });
    await expectResults();
    const hrefs = await page.locator(RESULT_LINKS).evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      expect(href.startsWith(site.baseUrl), href).toBe(true);
      const response = await page.request.get(href);
      expect(response.status(), href).toBe(200);
      expect(await response.text(), href).toContain('data-pagefind-body');
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
    await page.goto(`${localUrl(site, PATHS.search)}?q=${encodeURIComponent(query)}`, { waitUntil: "load" });
    expect(await page.locator("#search-input").inputValue()).toBe(query);
    await expectResults();
    await expectNoViolations();
  });

  it("sökformuläret i sidhuvudet på en annan sida leder till /sok/?q= med träffarna", async () => {
    reported.length = 0;
    await page.goto(localUrl(site, "/"), { waitUntil: "load" });
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
    await page.goto(`${localUrl(site, PATHS.search)}?q=${nothing}`, { waitUntil: "load" });
    await expect.poll(() => page.locator("#search-status").textContent()).toBe(countText(0, nothing));
    expect(await page.locator(RESULT_LINKS).count()).toBe(0);
    await expectNoViolations();
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
      const response = await page.goto(`${localUrl(site, PATHS.search)}?q=${encodeURIComponent(query)}`, { waitUntil: "load" });
      expect(response?.status()).toBe(200);
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
      await page.goto(localUrl(site, PATHS.search), { waitUntil: "load" });
      expect(await page.locator("noscript .search-noscript").count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

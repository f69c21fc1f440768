// Search in Chromium: the /sok/ page finds what the same search modules find in Node (tests/helpers/search.ts,
// reading the same built index), shows the Swedish count, marks the matched words, searches ?q= on load, is
// reached from the header form on other pages, links results that open (also under /finsam/), shows more on
// request with focus on the first new result, keeps hostile index data as text, tells a reader without JavaScript
// where else to look, and breaks no rule of the content security policy on the way. And issue 14: excerpts with
// marks, facts and events found, an exact word first, filters kept in the address (back and forward too), one
// announcement of the settled result, a heading and advice for no hits, and axe in light and dark with results.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { T } from "../../src/site/i18n.ts";
import { PATHS } from "../../src/site-model/urls.ts";
import { search, type SearchHit } from "../helpers/search.ts";
import { describeViolations, documentViolations, openWatchedPage } from "./csp.ts";
import { describeViolations as describeAxe, wcagViolations } from "./axe.ts";
import { localUrl, servedSite, connectBrowser, visit } from "./support.ts";
import type { ServedSite } from "./sites.ts";

/** Shown at once by src/outputs/search/browser/search.js; more come with "Visa fler träffar". */
const PAGE_SIZE = 20;
const RESULT_LINKS = "#search-results > li > h3 > a";

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
    ({ context, page, console: reported } = await openWatchedPage(browser));
  });
  afterAll(async () => {
    await context.close();
  });

  /** Waits for the results of `query` and checks them against the search in Node, link by link. */
  async function expectResults(): Promise<void> {
    expect(expected.length, `sökningen i Node hittar inget för "${query}": välj ett annat ord`).toBeGreaterThan(1);
    const status = page.locator("#search-status");
    // Typed, the count is announced once typing has rested (src/outputs/search/browser/search.js, ANNOUNCE_PAUSE).
    await expect.poll(() => status.textContent(), { timeout: 5000 }).toBe(countText(expected.length, query));
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
        summary: item.querySelector("h3 + p.meta + p")?.innerHTML,
      })),
    );
    // The excerpt around the matched words where the document's text has them, else the summary.
    expect(items).toEqual(
      expected.slice(0, PAGE_SIZE).map((hit) =>
        hit.date
          ? { meta: `${hit.type} ${hit.date}`, day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), summary: htmlOf(hit.excerpt || hit.summary) }
          : { meta: hit.type, day: undefined, summary: htmlOf(hit.excerpt || hit.summary) },
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
    ({ context, page, console: reported } = await openWatchedPage(browser));
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
    const excerpt = `<script>window.__hacked = 4</script> ${query} & <b>fet</b>`;
    // Every document chunk and excerpt block the page fetches comes back with hostile texts, as if an editor had
    // written them; the first result's excerpt has them, the others' summaries.
    await page.route("**/sok/index/d*.json*", async (route) => {
      const response = await route.fetch();
      const rows = (await response.json()) as string[][];
      const urls = ["javascript:window.__hacked=3", "//evil.example/", "/\\evil.example/"];
      await route.fulfill({ response, json: rows.map((row, at) => [urls[at % urls.length], title, row[2], row[3], row[4], summary, at === 0 ? 1 : 0]) });
    });
    await page.route("**/sok/index/x*.json*", (route) => route.fulfill({ json: excerpt }));
    try {
      await visit(page, `${localUrl(site, PATHS.search)}?q=${encodeURIComponent(query)}`);
      const first = page.locator(RESULT_LINKS).first();
      await expect.poll(() => first.textContent()).toBe(title);
      const firstItem = page.locator("#search-results > li").first();
      expect(await firstItem.locator("h3 + p.meta + p.search-excerpt").textContent()).toBe(excerpt);
      expect(await firstItem.locator("p.search-excerpt mark").allTextContents()).toEqual([query]);
      const item = page.locator("#search-results > li").nth(1);
      expect(await item.locator("h3 + p.meta + p.search-summary").textContent()).toBe(summary);
      expect(await item.locator("h3 + p.meta + p mark").allTextContents()).toEqual([query]);
      expect(await page.locator("#search-results script, #search-results img, #search-results iframe, #search-results b").count()).toBe(0);
      expect(await page.evaluate(() => (window as { __hacked?: number }).__hacked)).toBeUndefined();
      // URLs that are not site-relative paths lead to the start page, never elsewhere.
      const hrefs = await page.locator(RESULT_LINKS).evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")));
      expect(new Set(hrefs)).toEqual(new Set([site.pathPrefix]));
    } finally {
      await page.unroute("**/sok/index/d*.json*");
      await page.unroute("**/sok/index/x*.json*");
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
      // Its links lead on to the archive, the tags and the types' listings, under the site's prefix.
      const hrefs = await message.locator("a").evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")));
      expect(hrefs.slice(0, 3)).toEqual([`${site.pathPrefix}${PATHS.archive.slice(1)}`, `${site.pathPrefix}${PATHS.tags.slice(1)}`, `${site.pathPrefix}nyheter/`]);
      for (const href of hrefs) expect((await page.request.get(new URL(href!, site.baseUrl).href)).status(), href!).toBe(200);
      // The filters are there as a plain form: the GET carries them (the address keeps what was asked).
      expect(await page.locator("fieldset.search-filters select").count()).toBe(3);
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

describe("utdrag, fakta, rangordning, filter i adressen och vad som läses upp", () => {
  const site = servedSite("shipped");
  const MINUTES = `${site.pathPrefix}protokoll/2023/protokoll-styrelsemote-8-maj-2023/`;
  let context: BrowserContext;
  let page: Page;
  let reported: string[];

  beforeAll(async () => {
    ({ context, page, console: reported } = await openWatchedPage(browser));
  });
  afterAll(async () => {
    await context.close();
  });

  /** The links of the results shown, once the status has settled on a count. */
  async function shownLinks(): Promise<string[]> {
    await expect.poll(() => page.locator("#search-status").textContent()).toMatch(/träff/);
    return page.locator(RESULT_LINKS).evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? ""));
  }

  it("visar ett utdrag kring ordet i fakta och i brödtexten, med ordet markerat", async () => {
    await visit(page, `${localUrl(site, PATHS.search)}?q=Bubbetorps`);
    expect(await shownLinks()).toEqual([MINUTES]);
    const excerpt = page.locator("#search-results > li p.search-excerpt").first();
    expect(await excerpt.locator("mark").allTextContents()).toEqual(["Bubbetorps"]);
    expect(await excerpt.textContent()).toContain("Plats: Bubbetorps Gård");
    // A word of a memoir's body: its excerpt, not its summary, explains the match.
    const expected = await expectedHits(site, "kreativa");
    await visit(page, `${localUrl(site, PATHS.search)}?q=kreativa`);
    expect(await shownLinks()).toEqual(expected.map((hit) => hit.url));
    const first = page.locator("#search-results > li").first();
    expect(await first.locator("p.search-excerpt mark").allTextContents()).toEqual(expect.arrayContaining(["kreativa"]));
    expect(await first.locator("p.search-excerpt").innerHTML()).toBe(htmlOf(expected[0]!.excerpt));
  });

  it("hittar ordföranden, mötesplatsen och evenemang; ”Kreativum” ger protokollet först", async () => {
    await visit(page, `${localUrl(site, PATHS.search)}?q=Hermansson`);
    expect(await shownLinks()).toContain(MINUTES);
    await visit(page, `${localUrl(site, PATHS.search)}?q=${encodeURIComponent("Nätverksträff")}`);
    expect(await shownLinks()).toContain(`${site.pathPrefix}kalendarium/nns-natverkstraff-februari-2027/`);
    await visit(page, localUrl(site, PATHS.search));
    await page.locator("#search-input").pressSequentially("Kreativum", { delay: 30 });
    await expect.poll(() => page.locator("#search-status").textContent(), { timeout: 5000 }).toMatch(/träff/);
    expect((await page.locator(RESULT_LINKS).evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href"))))[0]).toBe(MINUTES);
  });

  it("filtren är formulärfält i adressen: utan omladdning, med bakåt och framåt, och ifyllda från adressen", async () => {
    const query = "styrelsen";
    const all = await expectedHits(site, query);
    const minutes = await search({ outDir: site.outDir, options: { contentDir: "", siteUrl: site.siteUrl, pathPrefix: site.pathPrefix, mode: "production" } }, query, { filters: { typ: "protokoll" } });
    expect(minutes.length).toBeGreaterThan(0);
    expect(minutes.length).toBeLessThan(all.length);
    await visit(page, `${localUrl(site, PATHS.search)}?q=${query}`);
    expect(await shownLinks()).toEqual(all.map((hit) => hit.url));
    // A mark on the window: a reload would clear it.
    await page.evaluate(() => ((window as { __same?: boolean }).__same = true));
    // By keyboard: from the field to the button, then to the type filter, chosen by typing its first letter.
    await page.locator("#search-input").focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("search-typ");
    // Typing a letter on a focused select chooses the first option starting with it: "Protokoll".
    await page.keyboard.press("p");
    expect(await page.locator("#search-typ").inputValue()).toBe("protokoll");
    await expect.poll(() => new URL(page.url()).searchParams.get("typ")).toBe("protokoll");
    await expect.poll(() => page.locator(RESULT_LINKS).evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")))).toEqual(minutes.map((hit) => hit.url));
    expect(new URL(page.url()).searchParams.get("q")).toBe(query);
    const year = minutes[0]!.date.slice(-4);
    await page.locator("#search-ar").selectOption(year);
    await expect.poll(() => new URL(page.url()).searchParams.get("ar")).toBe(year);
    expect(await page.evaluate(() => (window as { __same?: boolean }).__same)).toBe(true);
    // Back: the year goes, the type stays, in the address, the controls and the results.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get("ar")).toBeNull();
    expect(await page.locator("#search-ar").inputValue()).toBe("");
    expect(await page.locator("#search-typ").inputValue()).toBe("protokoll");
    await page.goBack();
    await expect.poll(() => page.locator("#search-typ").inputValue()).toBe("");
    await expect.poll(() => page.locator(RESULT_LINKS).count()).toBe(Math.min(all.length, PAGE_SIZE));
    await page.goForward();
    await expect.poll(() => page.locator("#search-typ").inputValue()).toBe("protokoll");
    await expect.poll(() => page.locator(RESULT_LINKS).evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")))).toEqual(minutes.map((hit) => hit.url));
    expect(await page.evaluate(() => (window as { __same?: boolean }).__same)).toBe(true);
    // Opened with every parameter: the field and the filters are filled, the search runs filtered.
    await visit(page, `${localUrl(site, PATHS.search)}?q=${query}&typ=protokoll&organisation=blekinge&ar=${year}`);
    expect(await page.locator("#search-input").inputValue()).toBe(query);
    expect(await page.locator("#search-organisation").inputValue()).toBe("blekinge");
    expect(await shownLinks()).toEqual(minutes.filter((hit) => hit.date.endsWith(year)).map((hit) => hit.url));
  });

  it("statusrutan läser upp det färdiga resultatet en gång, inte varje tangenttryckning", async () => {
    const query = "samverkan";
    const expected = await expectedHits(site, query);
    expect(expected.length).toBeGreaterThan(1);
    await visit(page, localUrl(site, PATHS.search));
    // Every change of the live region's text, as a screen reader would be told of it.
    await page.evaluate(() => {
      const status = document.getElementById("search-status")!;
      const changes: string[] = [];
      (window as { __changes?: string[] }).__changes = changes;
      new MutationObserver(() => changes.push(status.textContent ?? "")).observe(status, { childList: true, characterData: true, subtree: true });
    });
    // Typed at a steady pace with pauses long enough for the results to follow the typing.
    await page.locator("#search-input").pressSequentially(query, { delay: 180 });
    await expect.poll(() => page.locator("#search-status").textContent(), { timeout: 5000 }).toBe(countText(expected.length, query));
    await page.waitForTimeout(1500);
    const changes = await page.evaluate(() => (window as { __changes?: string[] }).__changes);
    expect(changes).toEqual([countText(expected.length, query)]);
    // The results did follow the typing (the test would catch an announcement per search).
    expect(await page.locator("#search-heading").isVisible()).toBe(true);
  });

  it("ger träffarna en rubrik, och säger vad man kan prova när inget hittas", async () => {
    await visit(page, `${localUrl(site, PATHS.search)}?q=styrelsen`);
    await shownLinks();
    const heading = page.locator("h2#search-heading");
    expect(await heading.isVisible()).toBe(true);
    expect(await heading.textContent()).toBe(T.search.results);
    expect(await page.locator("#search-none").isHidden()).toBe(true);
    await visit(page, `${localUrl(site, PATHS.search)}?q=xyzzyqwert`);
    await expect.poll(() => page.locator("#search-status").textContent()).toBe(countText(0, "xyzzyqwert"));
    const none = page.locator("#search-none");
    expect(await none.isVisible()).toBe(true);
    expect(await none.textContent()).toContain(T.search.noneSpelling);
    expect(await none.locator("a").getAttribute("href")).toBe(`${site.pathPrefix}${PATHS.archive.slice(1)}`);
    expect(await heading.isVisible()).toBe(true);
    expect([...(await documentViolations(page)), ...reported]).toEqual([]);
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`axe: inga WCAG-fel på sidan med träffar, utdrag och filter (${colorScheme === "light" ? "ljust" : "mörkt"})`, async () => {
      const themed = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
      try {
        const themedPage = await themed.newPage();
        for (const query of ["styrelsen", "xyzzyqwert"]) {
          await visit(themedPage, `${localUrl(site, PATHS.search)}?q=${query}&typ=`);
          await expect.poll(() => themedPage.locator("#search-status").textContent()).toMatch(/träff/);
          if (query === "styrelsen") expect(await themedPage.locator("#search-results mark").count()).toBeGreaterThan(0);
          const violations = await wcagViolations(themedPage);
          expect(violations, describeAxe(violations)).toEqual([]);
        }
      } finally {
        await themed.close();
      }
    });
  }
});

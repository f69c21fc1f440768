// The content security policy in Chromium: every page of every served site carries it (meta first in the head,
// and the static server's header) and breaks none of its rules; inline script and inline event handlers are
// blocked, by the meta alone (a host that sends no headers) and by the header alone; the header keeps the pages
// out of other sites' frames; and the feeds, which get no policy, open as plain XML with nothing of ours to run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER } from "../../src/site/security.ts";
import { PATHS } from "../../src/site-model/urls.ts";
import { describeViolations, documentViolations, openWatchedPage } from "./csp.ts";
import { connectBrowser, localUrl, servedSite, sitePages, visit } from "./support.ts";
import type { ServedSite, SiteName } from "./sites.ts";

const SITES: SiteName[] = ["shipped", "fixture", "prefixed"];
const META = 'meta[http-equiv="Content-Security-Policy"]';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** The first element of the document's head and the number of policy metas, as the browser parsed them. */
function headPolicy(page: Page) {
  return page.evaluate((selector) => {
    const first = document.head.firstElementChild;
    return {
      firstIsPolicy: first?.matches(selector) ?? false,
      content: first?.getAttribute("content") ?? null,
      count: document.querySelectorAll(selector).length,
    };
  }, META);
}

/** Tries an inline script and an inline event handler; reports whether either ran. */
function tryInlineCode(page: Page): Promise<{ script: unknown; handler: unknown }> {
  return page.evaluate(async () => {
    const flags = window as unknown as { __injected?: unknown; __clicked?: unknown };
    const script = document.createElement("script");
    script.textContent = "window.__injected = true;";
    document.body.append(script);
    const button = document.createElement("button");
    button.setAttribute("onclick", "window.__clicked = true;");
    document.body.append(button);
    button.click();
    // Violation events are queued as tasks: let them arrive before the caller reads them.
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { script: flags.__injected, handler: flags.__clicked };
  });
}

/** Serves HTML from the site with the policy header and/or the policy meta taken out, as other hosts would. */
async function withoutPolicy(context: BrowserContext, site: ServedSite, strip: { header: boolean; meta: boolean }): Promise<void> {
  await context.route(`${site.origin}/**`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    if (!(headers["content-type"] ?? "").startsWith("text/html")) return route.fulfill({ response });
    if (strip.header) delete headers["content-security-policy"];
    let body = await response.text();
    if (strip.meta) body = body.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, "");
    delete headers["content-length"];
    return route.fulfill({ response, headers, body });
  });
}

describe.each(SITES)("innehållssäkerhetspolicyn på varje sida: %s", (name) => {
  const site = servedSite(name);
  let context: BrowserContext;
  let page: Page;
  let reported: string[];
  beforeAll(async () => {
    ({ context, page, console: reported } = await openWatchedPage(browser));
  });
  afterAll(async () => {
    await context.close();
  });

  it.each(sitePages(site))("$path ($kind)", async ({ path }) => {
    reported.length = 0;
    const response = await visit(page, localUrl(site, path));
    expect(response.headers()["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect(await headPolicy(page)).toEqual({ firstIsPolicy: true, content: CONTENT_SECURITY_POLICY, count: 1 });
    const violations = [...(await documentViolations(page)), ...reported];
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it("en okänd adress: 404-sidan med policyn, utan överträdelser", async () => {
    reported.length = 0;
    const response = await visit(page, localUrl(site, "/finns-inte/"), { status: 404 });
    expect(response.headers()["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect((await headPolicy(page)).content).toBe(CONTENT_SECURITY_POLICY);
    const violations = [...(await documentViolations(page)), ...reported];
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});

describe("inskjuten kod blockeras", () => {
  const site = servedSite("fixture");
  // An article (JSON-LD data block, a table with aligned columns) and the search page (its own script).
  const article = sitePages(site).find((page) => page.path === "/nyheter/2024/ny-forbundschef/");
  const targets = [article?.path ?? "(artikeln saknas i testinnehållet)", PATHS.search];

  it.each([
    { policy: "meta och header", strip: { header: false, meta: false } },
    { policy: "bara meta (en värd som inte skickar headers)", strip: { header: true, meta: false } },
    { policy: "bara header", strip: { header: false, meta: true } },
  ])("$policy", async ({ strip }) => {
    const { context, page, console: reported } = await openWatchedPage(browser);
    try {
      if (strip.header || strip.meta) await withoutPolicy(context, site, strip);
      for (const target of targets) {
        reported.length = 0;
        const response = await visit(page, localUrl(site, target));
        expect((await headPolicy(page)).count, target).toBe(strip.meta ? 0 : 1);
        expect(response.headers()["content-security-policy"], target).toBe(strip.header ? undefined : CONTENT_SECURITY_POLICY_HEADER);
        // The page itself breaks no rule; then the injected code does, twice.
        expect(await documentViolations(page), target).toEqual([]);
        expect(await tryInlineCode(page), target).toEqual({ script: undefined, handler: undefined });
        // Each policy in force (meta, header) reports each blocked attempt.
        const policies = Number(!strip.meta) + Number(!strip.header);
        const violations = (await documentViolations(page)).map((violation) => `${violation.directive} ${violation.blocked}`).sort();
        expect(violations, target).toEqual([
          ...Array<string>(policies).fill("script-src-attr inline"),
          ...Array<string>(policies).fill("script-src-elem inline"),
        ]);
      }
    } finally {
      await context.close();
    }
  });

  it("utan policy körs samma kod (kontroll: testet kan falla)", async () => {
    const { context, page } = await openWatchedPage(browser);
    try {
      await withoutPolicy(context, site, { header: true, meta: true });
      await visit(page, localUrl(site, PATHS.search));
      expect(await tryInlineCode(page)).toEqual({ script: true, handler: true });
      expect(await documentViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("headerns frame-ancestors 'none' håller sidorna ur andras ramar", async () => {
    const { context, page } = await openWatchedPage(browser);
    try {
      const framed = localUrl(site, "/");
      const refused = page.waitForEvent("console", {
        predicate: (message) => /frame-ancestors/.test(message.text()),
        timeout: 10_000,
      });
      await page.setContent(`<!doctype html><title>Ram</title><iframe src="${framed}" title="Ram"></iframe>`);
      expect((await refused).text()).toContain(framed);
      // The frame shows no page of the site: its document is Chromium's error page, not the start page.
      const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
      const title = await frame?.evaluate(() => document.title).catch(() => "");
      expect(title).not.toMatch(/Finsam/);
    } finally {
      await context.close();
    }
  });
});

describe("bilder från andra webbplatser (img-src)", () => {
  // An editor may link an image off-site over https; the link check refuses http: images because the policy blocks
  // them. The off-site server is a route here, so the test needs no network and sees which images really load.
  const GIF = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");
  const SOURCES = ["https://bilder.example/a.gif", "http://bilder.example/b.gif", `data:image/gif;base64,${GIF.toString("base64")}`];

  it("https: och data: visas, okrypterad http: blockeras av både meta och header", async () => {
    const site = servedSite("fixture");
    const { context, page } = await openWatchedPage(browser);
    try {
      await context.route("*://bilder.example/**", (route) => route.fulfill({ contentType: "image/gif", body: GIF }));
      await visit(page, localUrl(site, "/"));
      const loaded = await page.evaluate((sources) => {
        const settled = sources.map((source) => {
          const image = document.createElement("img");
          image.alt = "";
          document.body.append(image);
          return new Promise<boolean>((resolve) => {
            image.addEventListener("load", () => resolve(image.naturalWidth > 0));
            image.addEventListener("error", () => resolve(false));
            image.src = source;
          });
        });
        return Promise.all(settled);
      }, SOURCES);
      expect(loaded).toEqual([true, false, true]);
      // Violation events are queued as tasks: give them a moment to arrive before reading them.
      await page.waitForTimeout(100);
      const violations = (await documentViolations(page)).map((violation) => `${violation.directive} ${violation.blocked}`);
      expect(violations).toEqual(Array<string>(2).fill("img-src http://bilder.example/b.gif"));
    } finally {
      await context.close();
    }
  });
});

describe("Atom-flödena i webbläsaren", () => {
  // The policy is for HTML: the feeds are XML, served as a generic XML type as GitHub Pages and most static hosts do
  // (src/cli/static-server.ts). Browsers are removing XSLT, so a feed names no stylesheet: Chromium shows it as XML,
  // with no banner about XSLT, and the subscribe page (/prenumerera/) is where readers learn what to do with it.
  it.for([
    { name: "shipped" as const, feed: PATHS.atomFeed },
    { name: "prefixed" as const, feed: "/nyheter/feed.xml" },
  ])("$name $feed öppnas som XML utan stilmall och utan överträdelser", async ({ name, feed }) => {
    const site = servedSite(name);
    const { context, page, console: reported } = await openWatchedPage(browser);
    try {
      const response = await visit(page, localUrl(site, feed));
      expect(response.headers()["content-type"]).toBe("application/xml; charset=utf-8");
      expect(response.headers()["content-security-policy"]).toBeUndefined();
      const shown = await page.evaluate(() => ({
        instructions: Array.from(document.childNodes).filter((node) => node.nodeType === Node.PROCESSING_INSTRUCTION_NODE).map((node) => node.nodeName),
        root: document.documentElement.localName,
      }));
      expect(shown.instructions).toEqual([]);
      // Chromium's XML viewer shows the tree in an HTML page of its own; what was parsed is still the feed.
      expect(await page.evaluate(() => document.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").length)).toBeGreaterThan(0);
      const violations = [...(await documentViolations(page)), ...reported];
      expect(violations, describeViolations(violations)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

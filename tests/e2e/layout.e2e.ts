// The header bar, the start page's first screen and the footer as a reader sees them in Chromium: a phone gets a
// compact header and sees the lead item and the start of what follows on its first screen; a desktop gets the
// labelled search field in the header; header, main and footer share one left edge.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { connectBrowser, localUrl, servedSite, visit } from "./support.ts";
import { T } from "../../src/site/i18n.ts";

const shipped = servedSite("shipped");

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function pageAt(width: number, height: number, sitePath: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: "light" });
  const page = await context.newPage();
  await visit(page, localUrl(shipped, sitePath));
  return page;
}

const box = async (page: Page, selector: string) => {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not displayed`);
  return found;
};

describe("on a phone (390 × 844)", () => {
  it("has a compact header: the name and a link to the search page in one bar, then the menu", async () => {
    const page = await pageAt(390, 844, "/");
    const header = await box(page, "header.site-header");
    // The header took about 190 px before the bar: name, menu on two lines, and a search form of its own.
    expect(header.height).toBeLessThan(160);
    expect(await page.locator(".brand-bar .header-search").isVisible()).toBe(false);
    const link = page.getByRole("link", { name: T.header.searchLink, exact: true });
    expect(await link.isVisible()).toBe(true);
    expect(await link.getAttribute("href")).toBe("/sok/");
    // Every menu link is on the screen: none is cut off or hidden behind a toggle.
    const menu = await page.locator(".main-nav a").all();
    expect(menu.length).toBe(10);
    for (const item of menu) {
      const { x, width } = (await item.boundingBox()) ?? { x: -1, width: 0 };
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x + width).toBeLessThanOrEqual(390);
    }
    await page.context().close();
  });

  it("shows the lead item and the start of the next section on the first screen of the start page", async () => {
    const page = await pageAt(390, 844, "/");
    const lead = await box(page, ".home-lead .lead-card");
    expect(lead.y + lead.height).toBeLessThanOrEqual(844);
    const next = await box(page, ".home-events h2");
    expect(next.y + next.height).toBeLessThanOrEqual(844);
    await page.context().close();
  });
});

describe("on a desktop (1280 × 800)", () => {
  it("has the search field in the header with its label shown", async () => {
    const page = await pageAt(1280, 800, "/nyheter/");
    const field = page.getByRole("searchbox", { name: T.header.searchLabel });
    expect(await field.isVisible()).toBe(true);
    const label = await box(page, '.brand-bar label[for="header-search-input"]');
    expect(label.width).toBeGreaterThan(50);
    expect(await page.getByRole("link", { name: T.header.searchLink, exact: true }).isVisible()).toBe(false);
    await page.context().close();
  });

  it("lines up the header's name, the page's content and the footer's first column at one left edge", async () => {
    const page = await pageAt(1280, 800, "/kontakt/");
    const name = await box(page, ".site-name");
    const heading = await box(page, "main h1");
    const footer = await box(page, ".site-footer .footer-columns > :first-child");
    expect(Math.round(heading.x)).toBe(Math.round(name.x));
    expect(Math.round(footer.x)).toBe(Math.round(name.x));
    // The footer's columns side by side, not stacked, where there is room.
    const columns = await page.locator(".site-footer .footer-columns > *").all();
    const tops = await Promise.all(columns.map(async (column) => Math.round((await column.boundingBox())?.y ?? -1)));
    expect(new Set(tops).size).toBe(1);
    await page.context().close();
  });

  it("marks the section an article is in, in the menu, by more than colour", async () => {
    const page = await pageAt(1280, 800, "/protokoll/");
    const current = page.locator('.main-nav a[aria-current="page"]');
    expect(await current.textContent()).toBe("Protokoll");
    const border = await current.evaluate((a) => getComputedStyle(a).borderBottomWidth);
    expect(border).toBe("3px");
    await page.context().close();
  });
});

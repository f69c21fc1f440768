// axe-core on one page of every kind, of the shipped content and of the fixture, in the light and the dark
// colour scheme: zero WCAG 2.1 A/AA violations (contrast included, in both schemes).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { describeViolations, wcagViolations } from "./axe.ts";
import { connectBrowser, localUrl, onePerKind, servedSite, sitePages, visit } from "./support.ts";

const shipped = servedSite("shipped");
const fixture = servedSite("fixture");
const pages = [
  ...onePerKind(sitePages(shipped)).map((page) => ({ ...page, site: shipped })),
  ...onePerKind(sitePages(fixture)).map((page) => ({ ...page, site: fixture })),
];

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe("axe-core själv", () => {
  it("hittar fel på en sida som har dem (testet kan falla)", async () => {
    const page = await browser.newPage();
    await page.setContent(
      `<!doctype html><html><head><title>x</title></head><body><main><img src="data:,">` +
        `<p style="color:#999;background:#aaa">Svag kontrast</p></main></body></html>`,
    );
    const rules = (await wcagViolations(page)).map((violation) => violation.rule);
    expect(rules).toEqual(expect.arrayContaining(["html-has-lang", "image-alt", "color-contrast"]));
    await page.close();
  });
});

for (const colorScheme of ["light", "dark"] as const) {
  describe(`WCAG 2.1 A och AA, ${colorScheme === "light" ? "ljust" : "mörkt"} färgschema`, () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
      page = await context.newPage();
    });
    afterAll(async () => {
      await context.close();
    });

    it("schemat slår igenom i sidans stilmall", async () => {
      await visit(page, localUrl(shipped, "/"));
      const { dark, background } = await page.evaluate(() => ({
        dark: matchMedia("(prefers-color-scheme: dark)").matches,
        background: getComputedStyle(document.body).backgroundColor,
      }));
      expect(dark).toBe(colorScheme === "dark");
      const [r = 0, g = 0, b = 0] = (background.match(/\d+/g) ?? []).map(Number);
      const lightness = (r + g + b) / 3 / 255;
      expect(colorScheme === "dark" ? lightness < 0.3 : lightness > 0.7, `bakgrunden är ${background}`).toBe(true);
    });

    it.each(pages)("$site.name $path ($kind)", async ({ site, path }) => {
      await visit(page, localUrl(site, path));
      const violations = await wcagViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    });
  });
}

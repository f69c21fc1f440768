// The site as readers see it: screenshots of the start page and an article on a phone (390 px) and a desktop
// (1280 px), written to tests/e2e/screenshots/ for the README; and no page needs sideways scrolling at 320 px
// (WCAG 1.4.10 Reflow), which axe cannot check.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { connectBrowser, localUrl, onePerKind, servedSite, sitePages, visit } from "./support.ts";

const SCREENSHOT_DIR = path.resolve("tests/e2e/screenshots");
const shipped = servedSite("shipped");
const article = sitePages(shipped).find((page) => page.kind === "artikel:nyheter");

const VIEWPORTS = {
  mobil: { width: 390, height: 844 },
  dator: { width: 1280, height: 800 },
} as const;

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe("skärmbilder till README", () => {
  const shots = (["mobil", "dator"] as const).flatMap((device) => [
    { file: `startsida-${device}.png`, device, path: "/" },
    { file: `artikel-${device}.png`, device, path: article?.path ?? "/saknas/" },
  ]);

  it.each(shots)("tests/e2e/screenshots/$file", async ({ file: name, device, path: sitePath }) => {
    const context = await browser.newContext({ viewport: VIEWPORTS[device], colorScheme: "light", deviceScaleFactor: 1 });
    const page = await context.newPage();
    await visit(page, localUrl(shipped, sitePath));
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, name);
    await page.screenshot({ path: file, animations: "disabled" });
    await context.close();
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(5_000); // a page, not a blank
    expect(size).toBeLessThan(400_000); // small enough for the repository
  });
});

describe("ingen sidledsrullning vid 320 px bredd (WCAG 1.4.10)", () => {
  const fixture = servedSite("fixture");
  const pages = [...onePerKind(sitePages(shipped)).map((page) => ({ ...page, site: shipped })), ...onePerKind(sitePages(fixture)).map((page) => ({ ...page, site: fixture }))];

  it("alla sorters sidor ryms", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    const tooWide: string[] = [];
    for (const { site, path: sitePath } of pages) {
      await visit(page, localUrl(site, sitePath));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) tooWide.push(`${site.name} ${sitePath}: ${width} px`);
    }
    await context.close();
    expect(tooWide, tooWide.join("\n")).toEqual([]);
  });
});

// An article with a lead image (caption and credit) and an image in its text, as a reader's browser shows it
// (issue 13): the browser picks a rendition (AVIF, which Chromium reads), the space is reserved before the file
// arrives, axe finds nothing in the light or the dark scheme, and screenshots at 390 and 1280 px for the README.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { describeViolations, wcagViolations } from "./axe.ts";
import { connectBrowser, localUrl, servedSite, visit } from "./support.ts";

const fixture = servedSite("fixture");
const ARTICLE = "/nyheter/2024/ny-forbundschef/";
const SCREENSHOT_DIR = path.resolve("tests/e2e/screenshots");

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe("en artikel med bilder", () => {
  it.each([
    { device: "mobil", viewport: { width: 390, height: 844 } },
    { device: "dator", viewport: { width: 1280, height: 900 } },
  ])("visar en rendition i rätt storlek utan att sidan hoppar ($device)", async ({ device, viewport }) => {
    const context = await browser.newContext({ viewport, colorScheme: "light", deviceScaleFactor: 1 });
    const page = await context.newPage();
    // The lead image's box, before any image file has arrived: its height is reserved from width and height.
    await page.route("**/bilder/**", (route) => route.abort());
    await visit(page, localUrl(fixture, ARTICLE));
    const reserved = await page.locator("img.lead-image").evaluate((img) => img.getBoundingClientRect().height);
    await page.unroute("**/bilder/**");
    await visit(page, localUrl(fixture, ARTICLE));
    const lead = page.locator("img.lead-image");
    await lead.evaluate((img: HTMLImageElement) => img.decode());
    const shown = await lead.evaluate((img: HTMLImageElement) => ({
      src: img.currentSrc,
      natural: img.naturalWidth,
      height: img.getBoundingClientRect().height,
      width: img.getBoundingClientRect().width,
    }));
    expect(shown.src).toMatch(/\/bilder\/kust-[A-Za-z0-9_-]{10}-\d+\.avif$/);
    expect(shown.natural).toBeGreaterThanOrEqual(Math.min(shown.width, 400));
    expect(reserved).toBeGreaterThan(0);
    expect(Math.abs(reserved - shown.height)).toBeLessThan(1);
    expect(await page.locator("figure.lead-figure figcaption").innerText()).toBe("Havet utanför kansliet en morgon i maj. Foto: Kommunikatören");
    expect(await page.locator(".body figure figcaption").innerText()).toBe("Kusten norr om kansliet");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(viewport.width);

    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `artikel-med-bild-${device}.png`);
    await page.screenshot({ path: file, animations: "disabled" });
    expect(fs.statSync(file).size).toBeGreaterThan(5_000);
    expect(fs.statSync(file).size).toBeLessThan(600_000);
    await context.close();
  });

  it.each(["light", "dark"] as const)("har inga WCAG-fel enligt axe (%s)", async (colorScheme) => {
    const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await visit(page, localUrl(fixture, ARTICLE));
    const violations = await wcagViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await context.close();
  });
});

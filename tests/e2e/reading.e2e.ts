// Reading a document as the issue 14 reviewers did (accessibility beyond axe), in Chromium: at 320 px with WCAG's
// text spacing (1.4.12) a table scrolls in its own focusable region while the page stays put and no number or word in
// a cell breaks ("120" as "12/0"); headings hyphenate; a fact box is no landmark and its speakers are a list, one
// person an item; a minutes' discussion stands under its § in the accessibility tree.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { connectBrowser, localUrl, servedSite, visit } from "./support.ts";

const fixture = servedSite("fixture");
const shipped = servedSite("shipped");
const CONFERENCE = "/konferenser/2024/hostkonferens/";
const MINUTES = "/protokoll/2023/protokoll-styrelsemote-8-maj-2023/";

// WCAG 2.1 SC 1.4.12's spacing, as the bookmarklets reviewers use apply it.
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function open(width: number, sitePath: string, site = fixture): Promise<Page> {
  // The site's policy forbids inline style; the reviewer's spacing is the reader's own stylesheet, so it may pass.
  const context = await browser.newContext({ viewport: { width, height: 700 }, bypassCSP: true });
  const page = await context.newPage();
  await visit(page, localUrl(site, sitePath));
  await page.addStyleTag({ content: TEXT_SPACING });
  return page;
}

describe("tabeller med WCAG:s textavstånd vid 320 px", () => {
  it("rullar i en egen region som går att nå med tangentbordet, och bryter inga tal eller ord", async () => {
    const page = await open(320, CONFERENCE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const region = page.locator(".body .table-scroll");
    expect(await region.getAttribute("role")).toBe("region");
    expect(await region.getAttribute("aria-label")).toBe("Tabell: Insats, Deltagare, Andel i arbete");
    const sizes = await region.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    // Reached with Tab (the region is the only focusable thing between the body's links), then scrolled with the arrows.
    await page.locator(".body a[href='#resultat']").focus();
    await page.keyboard.press("Tab");
    expect(await region.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(() => (document.querySelector(".body .table-scroll")?.scrollLeft ?? 0) > 0);
    // Each cell's single words stay whole: a text that wraps inside a word has more line boxes than words.
    const broken = await region.evaluate((element) =>
      Array.from(element.querySelectorAll("th, td")).flatMap((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        const lines = new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top))).size;
        const words = (cell.textContent ?? "").trim().split(/\s+/).length;
        return lines > words ? [`${cell.textContent} (${lines} rader)`] : [];
      }),
    );
    expect(broken).toEqual([]);
    expect(await page.locator("td", { hasText: /^120$/ }).evaluate((cell) => cell.getClientRects().length)).toBe(1);
    expect(await page.locator("h1").evaluate((h1) => getComputedStyle(h1).hyphens)).toBe("auto");
    await page.context().close();
  });
});

describe("fakta och protokoll i tillgänglighetsträdet", () => {
  it("faktarutan är ingen landmärkesregion, och de medverkande är en lista med en person per punkt", async () => {
    const page = await open(1280, CONFERENCE);
    const main = await page.locator("main").ariaSnapshot();
    expect(main).not.toMatch(/complementary|region "Om konferensen"/);
    const speakers = await page.locator(".facts dd ul").ariaSnapshot();
    expect(speakers.split("\n").filter((line) => line.trim().startsWith("- listitem"))).toEqual([
      "  - listitem: Malin Lundblad, Försäkringskassan",
      "  - listitem: Åse Larsson, Arbetsförmedlingen",
    ]);
    expect(await page.locator(".facts dd ul").evaluate((list) => getComputedStyle(list).listStyleType)).toBe("disc");
    await page.context().close();
  });

  it("ett protokolls diskussion står under sin paragraf, före beslutet, utan rubriken en gång till", async () => {
    const page = await open(1280, MINUTES, shipped);
    const item = await page.locator("#paragraf-5").ariaSnapshot();
    const lines = item.split("\n").map((line) => line.trim());
    const heading = lines.findIndex((line) => line.startsWith('- heading "§5 FINSAM är VI!" [level=3]'));
    const discussion = lines.findIndex((line) => line.startsWith('- heading "BIP" [level=4]'));
    const decision = lines.findIndex((line) => line.includes("Beslut:"));
    expect(heading).toBeGreaterThanOrEqual(0);
    expect(discussion).toBeGreaterThan(heading);
    expect(decision).toBeGreaterThan(discussion);
    expect(await page.getByRole("heading", { name: /FINSAM är VI!/ }).count()).toBe(1);
    expect(await page.locator("text=Lästid").count()).toBe(0);
    await page.context().close();
  });
});

// Keyboard use in a real browser: the first Tab reaches the skip link, which is then visible (and legible in
// both colour schemes), Enter moves focus to the main content, and every link shows where focus is.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { describeViolations, wcagViolations } from "./axe.ts";
import { connectBrowser, localUrl, onePerKind, servedSite, sitePages, visit } from "./support.ts";

const shipped = servedSite("shipped");
const fixture = servedSite("fixture");
const pages = onePerKind(sitePages(fixture));
const article = sitePages(shipped).find((page) => page.kind === "artikel:nyheter");

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser.close();
});

interface FocusState {
  tag: string;
  id: string;
  className: string;
  href: string | null;
  text: string;
  focusVisible: boolean;
  outline: string;
  boxShadow: string;
  insideMain: boolean;
  box: { x: number; y: number; width: number; height: number };
  clipPath: string;
  opacity: string;
}

function focusState(page: Page): Promise<FocusState | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) return null;
    const style = getComputedStyle(element);
    const rect = element.getBoundingClientRect();
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      className: element.className,
      href: element.getAttribute("href"),
      text: (element.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 60),
      focusVisible: element.matches(":focus-visible"),
      outline: style.outlineStyle === "none" || style.outlineWidth === "0px" ? "none" : `${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`,
      boxShadow: style.boxShadow,
      insideMain: element.closest("main") !== null && element.tagName !== "MAIN",
      box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
      clipPath: style.clipPath,
      opacity: style.opacity,
    };
  });
}

for (const colorScheme of ["light", "dark"] as const) {
  describe(`tangentbord, ${colorScheme === "light" ? "ljust" : "mörkt"} färgschema`, () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 800 } });
      page = await context.newPage();
    });
    afterAll(async () => {
      await context.close();
    });

    it.each(pages)("hopplänken först, synlig, och Enter flyttar fokus till huvudinnehållet: $path ($kind)", async ({ path }) => {
      await visit(page, localUrl(fixture, path));
      await page.keyboard.press("Tab");
      const skip = await focusState(page);
      expect(skip, "första Tab ska fokusera något").not.toBeNull();
      expect(skip!.className).toContain("skip-link");
      expect(skip!.href).toBe("#main");
      // Visible: a real box inside the viewport, not clipped away, not transparent, with a focus ring.
      expect(skip!.box.width).toBeGreaterThan(20);
      expect(skip!.box.height).toBeGreaterThan(10);
      expect(skip!.box.x).toBeGreaterThanOrEqual(0);
      expect(skip!.box.y).toBeGreaterThanOrEqual(0);
      expect(skip!.clipPath).toBe("none");
      expect(skip!.opacity).toBe("1");
      expect(skip!.focusVisible).toBe(true);
      expect(skip!.outline !== "none" || skip!.boxShadow !== "none", "hopplänken saknar fokusmarkering").toBe(true);
      // Legible while shown: axe checks the focused link's contrast in this scheme.
      const violations = await wcagViolations(page, ".skip-link");
      expect(violations, describeViolations(violations)).toEqual([]);

      await page.keyboard.press("Enter");
      const target = await focusState(page);
      expect(target?.tag).toBe("main");
      expect(target?.id).toBe("main");
      expect(new URL(page.url()).hash).toBe("#main");
      // And the next Tab continues inside the main content, past the header's links.
      await page.keyboard.press("Tab");
      const next = await focusState(page);
      if (next) expect(next.insideMain, `Tab efter hopplänken hamnade utanför main: ${next.text}`).toBe(true);
    });

    const walks = [
      { name: "startsidan", site: shipped, path: "/" },
      { name: `en artikel (${article?.path ?? "saknas"})`, site: shipped, path: article?.path ?? "/saknas/" },
    ];
    it.each(walks)("varje länk på $name visar fokus när man tabbar", async ({ site, path }) => {
      await visit(page, localUrl(site, path));
      // Links the layout shows at this width: the header's link to the search page is for phones only.
      const linkCount = await page.locator("a[href]:visible").count();
      const missing: string[] = [];
      let links = 0;
      for (let presses = 0; presses < 300; presses++) {
        await page.keyboard.press("Tab");
        const state = await focusState(page);
        if (!state) break; // focus left the document: every element has been visited
        if (presses > 0 && state.className.includes("skip-link")) break; // wrapped round
        if (state.tag === "a") links++;
        if (!state.focusVisible || (state.outline === "none" && state.boxShadow === "none")) {
          missing.push(`${state.tag} "${state.text}" (${state.href ?? ""}): outline ${state.outline}, box-shadow ${state.boxShadow}`);
        }
      }
      expect(links, "tabbningen nådde inte alla länkar").toBe(linkCount);
      expect(missing, missing.join("\n")).toEqual([]);
    });
  });
}

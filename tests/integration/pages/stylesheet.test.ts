// The stylesheet ships with the site and styles every class the pages use.
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, type BuiltSite } from "../../helpers/build.ts";
import { pagesFixture } from "./fixture.ts";
import { htmlPages, page } from "./html.ts";

let site: BuiltSite;
let css: string;

beforeAll(async () => {
  site = await buildSite(pagesFixture());
  css = site.read("/assets/site.css");
});

function hasSelectorFor(className: string): boolean {
  const escaped = className.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`\\.${escaped}(?![\\w-])`).test(css);
}

describe("site.css", () => {
  it("has a rule for every class used in the built pages", () => {
    const used = new Set<string>();
    for (const sitePath of htmlPages(site)) {
      const $ = page(site, sitePath);
      $("[class]").each((_, element) => {
        for (const name of ($(element).attr("class") ?? "").split(/\s+/)) if (name) used.add(name);
      });
    }
    // Hooks for later styling per type: <article class="document document-nyhet">.
    const hooks = [...used].filter((name) => name === "document" || name.startsWith("document-") && name !== "document-list");
    const unstyled = [...used].filter((name) => !hooks.includes(name) && !hasSelectorFor(name));
    expect(used.size).toBeGreaterThan(10);
    expect(unstyled).toEqual([]);
  });

  it("covers print, dark mode, reduced motion, focus and the skip link, without external resources", () => {
    expect(css).toMatch(/@media print\b/);
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\)/);
    expect(css).toMatch(/@media \(prefers-reduced-motion: reduce\)/);
    expect(css).toMatch(/:focus-visible\s*\{[^}]*outline:\s*\d+px solid/);
    expect(css).toMatch(/\.skip-link:not\(:focus\)/);
    expect(css).toMatch(/content:\s*" \(" attr\(href\) "\)"/);
    expect(css).not.toMatch(/@import|@font-face|url\(/);
  });
});

// Every built page carries the site's content security policy first in its head, and needs nothing the policy
// forbids: no inline script (JSON-LD data blocks aside), no event handler attributes, no inline style.
// tests/e2e/security.e2e.ts checks the same in Chromium, where the policy is enforced.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, markdownFile, type BuiltSite } from "../../helpers/build.ts";
import { pagesFixture } from "../pages/fixture.ts";
import { CONTENT_SECURITY_POLICY } from "../../../src/site/security.ts";
import { htmlPages } from "./html.ts";

const TABLE_URL = "/nyheter/2024/tabell/";

let site: BuiltSite;
let pages: ReturnType<typeof htmlPages>;

beforeAll(async () => {
  const content = pagesFixture();
  // A table with aligned columns: markdown-it's own output would need style attributes.
  fs.writeFileSync(
    path.join(content, "nyheter", "2024-03-01-tabell.md"),
    markdownFile(
      { title: "Tabell", date: "2024-03-01", summary: "En tabell.", organisation: "nns", tags: [] },
      "| Insats | Deltagare | Andel |\n| :-- | --: | :-: |\n| Steget | 45 | 52 % |",
    ),
  );
  site = await buildSite(content);
  pages = htmlPages(site);
});

describe("the content security policy in the built pages", () => {
  it("is a policy that forbids inline script and inline style, eval and WebAssembly (the search needs neither)", () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(/;\s*/).map((directive) => {
      const [name = "", ...values] = directive.trim().split(/\s+/);
      return [name, values] as const;
    }));
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("script-src")).toEqual(["'self'"]);
    expect(directives.get("style-src")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    for (const name of ["connect-src", "base-uri", "form-action"]) expect(directives.get(name), name).toEqual(["'self'"]);
    // Images: the site's own, off-site ones over https (an editor may link one; the link check refuses http:), and
    // data: URLs. Exactly these: 'self' alone would blank every linked image, http: would let in what the check refuses.
    expect(directives.get("img-src")).toEqual(["'self'", "https:", "data:"]);
    // No worker-src: the search starts no worker (default-src 'self' would cover one).
    expect(directives.has("worker-src")).toBe(false);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|nonce-|sha(256|384|512)-|frame-ancestors/);
  });

  it("is the first element of every page's head, exactly once", () => {
    expect(pages.length).toBeGreaterThan(10);
    for (const { file, $ } of pages) {
      const first = $("head").children().first();
      expect(first.is('meta[http-equiv="Content-Security-Policy"]'), file).toBe(true);
      expect(first.attr("content"), file).toBe(CONTENT_SECURITY_POLICY);
      expect($('meta[http-equiv="Content-Security-Policy"]'), file).toHaveLength(1);
    }
  });

  it("leaves no page needing inline script: scripts are external files or JSON-LD data", () => {
    let dataBlocks = 0;
    for (const { file, $ } of pages) {
      $("script").each((_, element) => {
        const script = $(element);
        if (script.attr("type") === "application/ld+json") dataBlocks++;
        else expect(script.attr("src"), `${file}: inline script`).toBeTruthy();
      });
      $("*").each((_, element) => {
        const attributes = Object.keys((element as { attribs?: Record<string, string> }).attribs ?? {});
        expect(attributes.filter((name) => /^on/i.test(name)), `${file}: event handler attribute`).toEqual([]);
      });
      $("a[href], form[action]").each((_, element) => {
        expect($(element).attr("href") ?? $(element).attr("action"), file).not.toMatch(/^\s*javascript:/i);
      });
    }
    // The exception is really used: article pages carry JSON-LD.
    expect(dataBlocks).toBeGreaterThan(0);
  });

  it("leaves no page needing inline style: no <style> elements, no style attributes", () => {
    for (const { file, $ } of pages) {
      expect($("style"), file).toHaveLength(0);
      expect($("[style]").length, `${file}: ${$("[style]").first().toString()}`).toBe(0);
    }
  });

  it("aligns table columns with classes the stylesheet knows", () => {
    const $ = pages.find((page) => page.file === `${TABLE_URL}index.html`)?.$;
    expect($, TABLE_URL).toBeDefined();
    expect($!("article table th").map((_, cell) => $!(cell).attr("class")).get()).toEqual(["align-left", "align-right", "align-center"]);
  });
});

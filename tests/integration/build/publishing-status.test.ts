// Drafts and future-dated documents: left out of production builds entirely, shown with a banner in preview.
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, FIXED_NOW, type BuiltSite } from "../../helpers/build.ts";
import { buildMixed } from "../../helpers/mixed-fixture.ts";
import { page, textFiles } from "./html.ts";

const DRAFT = "/nyheter/2026/hemligt-utkast/";
const SCHEDULED = "/nyheter/2026/schemalagd-giraff/";
const PUBLISHED = "/nyheter/2026/tredje-nyheten/";

let production: BuiltSite;
let preview: BuiltSite;
beforeAll(async () => {
  ({ production, preview } = await buildMixed());
});

describe("a production build", () => {
  it("writes no page for a draft or a scheduled document", () => {
    expect(production.exists(PUBLISHED)).toBe(true);
    expect(production.exists(DRAFT)).toBe(false);
    expect(production.exists(SCHEDULED)).toBe(false);
  });

  it("mentions them nowhere: not on the start page, in listings, tag pages, feeds or the sitemap", () => {
    const files = textFiles(production);
    expect(files.map((built) => built.file)).toContain("/index.html");
    for (const { file, text } of files) {
      const lower = text.toLowerCase();
      for (const secret of ["zebra", "giraff", "hemligt-utkast", "schemalagd-giraff"]) {
        expect(lower.includes(secret), `${secret} in ${file}`).toBe(false);
      }
    }
  });

  it("shows no banner on published pages", () => {
    expect(page(production, PUBLISHED)(".status-banner")).toHaveLength(0);
  });
});

describe("a preview build", () => {
  it("writes the draft with the draft banner", () => {
    const $ = page(preview, DRAFT);
    expect($("h1").text()).toBe("Hemligt utkast Zebra");
    expect($(".status-banner").text()).toBe("Utkast – publiceras inte");
  });

  it("writes the scheduled document with its publishing day", () => {
    const $ = page(preview, SCHEDULED);
    expect($("h1").text()).toBe("Schemalagd nyhet Giraff");
    expect($(".status-banner").text()).toBe("Schemalagd – publiceras 1 december 2026");
  });

  it("lists them on the start page", () => {
    const $ = page(preview, "/");
    const hrefs = $("a").map((_, a) => $(a).attr("href")).get();
    expect(hrefs).toContain(DRAFT);
    expect(hrefs).toContain(SCHEDULED);
  });

  it("shows no banner on published pages", () => {
    expect(page(preview, PUBLISHED)(".status-banner")).toHaveLength(0);
  });
});

describe("a document dated today", () => {
  it("is published once its moment has passed and scheduled before", async () => {
    const { markdownFile, writeContent } = await import("../../helpers/build.ts");
    const content = writeContent({
      "nyheter/2026-11-24-i-dag.md": markdownFile({ title: "I dag", date: "2026-11-24", summary: "S.", organisation: "nns" }),
      "nyheter/2026-11-24-i-kvall.md": markdownFile({ title: "I kväll", date: "2026-11-24T20:00", summary: "S.", organisation: "nns" }),
    });
    // FIXED_NOW is 12:00 UTC, 13:00 in Stockholm.
    const site = await buildSite(content);
    expect(site.exists("/nyheter/2026/i-dag/")).toBe(true);
    expect(site.exists("/nyheter/2026/i-kvall/")).toBe(false);
  });
});

// The Pagefind index of real builds, searched with the bundle's own pagefind.js: published articles only.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { load } from "cheerio";
import { writeSite } from "../../src/eleventy/run.ts";
import { buildSite, FIXED_NOW, type BuiltSite } from "../helpers/build.ts";
import { MIXED, buildMixed } from "../helpers/mixed-fixture.ts";
import { search, type SearchableSite } from "../helpers/pagefind.ts";
import type { SiteOptions } from "../../src/site.ts";

const PUBLISHED = [
  "/konferenser/2026/varkonferens/",
  "/nyheter/2026/andra-nyheten/",
  "/nyheter/2026/forsta-nyheten/",
  "/nyheter/2026/tredje-nyheten/",
];
const DRAFT = "/nyheter/2026/hemligt-utkast/";
const SCHEDULED = "/nyheter/2026/schemalagd-giraff/";

interface Entry {
  version: string;
  languages: Record<string, { page_count: number }>;
}

function entry(site: BuiltSite): Entry {
  return JSON.parse(site.read("/pagefind/pagefind-entry.json")) as Entry;
}

async function urlsFor(site: SearchableSite, query: string): Promise<string[]> {
  return (await search(site, query)).map((hit) => hit.url).sort();
}

let production: BuiltSite;
let preview: BuiltSite;
beforeAll(async () => {
  ({ production, preview } = await buildMixed());
});

describe("a production build", () => {
  it("writes Pagefind's script and a Swedish index", () => {
    expect(production.exists("/pagefind/pagefind.js")).toBe(true);
    expect(production.files().some((file) => /^\/pagefind\/pagefind\.sv_[0-9a-f]+\.pf_meta$/.test(file))).toBe(true);
    expect(production.files().filter((file) => file.startsWith("/pagefind/fragment/")).length).toBe(PUBLISHED.length);
    expect(Object.keys(entry(production).languages)).toEqual(["sv"]);
    // The playground is a debugging page: never on the live site.
    expect(production.files().some((file) => file.includes("playground"))).toBe(false);
  });

  it("indexes exactly the published articles: no start page, listing, tag, archive, search or 404 page", async () => {
    expect(entry(production).languages.sv?.page_count).toBe(PUBLISHED.length);
    // "Brödtext" is in every article body; the listings show summaries and titles, not bodies.
    expect(await urlsFor(production, "brödtext")).toEqual(PUBLISHED);
    // Every page shows the site name in its header; only the article is indexed, so no page is found by it.
    expect(await urlsFor(production, "finansiell")).toEqual([]);
  });

  it("gives each hit the article's title and an excerpt with the search word marked", async () => {
    const [hit] = await search(production, "äldsta");
    expect(hit).toMatchObject({ url: "/nyheter/2026/forsta-nyheten/", title: "Första nyheten" });
    expect(hit?.excerpt).toContain("<mark>äldsta</mark>");
  });

  it("never has a draft or a scheduled document", async () => {
    expect(await urlsFor(production, "zebra")).toEqual([]);
    expect(await urlsFor(production, "giraff")).toEqual([]);
  });
});

describe("a preview build", () => {
  it("shows drafts and scheduled documents as pages, but keeps them out of the index", async () => {
    // The words are there to be found: this test fails if the pages or the index let them through.
    expect(preview.read(DRAFT)).toContain("zebror");
    expect(preview.read(SCHEDULED)).toContain("giraffer");
    expect(await urlsFor(preview, "zebror")).toEqual([]);
    expect(await urlsFor(preview, "giraffer")).toEqual([]);
    expect(entry(preview).languages.sv?.page_count).toBe(PUBLISHED.length);
    expect(await urlsFor(preview, "brödtext")).toEqual(PUBLISHED);
  });

  it("marks only published articles as searchable in the HTML", () => {
    expect(load(preview.read(PUBLISHED[0] as string))("[data-pagefind-body]")).toHaveLength(1);
    expect(load(preview.read(DRAFT))("[data-pagefind-body]")).toHaveLength(0);
    expect(load(preview.read(SCHEDULED))("[data-pagefind-body]")).toHaveLength(0);
  });
});

describe("the index", () => {
  it("stems Swedish: a search for another form of a word finds the article", async () => {
    const shipped = await buildSite("content");
    const magnus = "/nyheter/2022/magnus-slutar-som-nationell-stodperson/";
    expect(entry(shipped).languages.sv?.page_count).toBe(5);
    expect(await urlsFor(shipped, "Magnus")).toContain(magnus);
    // The article says "jurist"; Swedish stemming takes "juristen" to the same stem.
    expect(shipped.read(magnus)).not.toMatch(/juristen/i);
    expect(await urlsFor(shipped, "juristen")).toContain(magnus);
  });

  it("gives result URLs the path prefix, as the search page links them", async () => {
    const prefixed = await buildSite(MIXED, { pathPrefix: "/finsam/" });
    expect(await urlsFor(prefixed, "brödtext")).toEqual(PUBLISHED.map((url) => `/finsam${url}`));
  });

  it("comes from this build's documents, not from old files left in the output folder", async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-stale-"));
    const stale = path.join(outDir, "nyheter/2020/borttagen/index.html");
    fs.mkdirSync(path.dirname(stale), { recursive: true });
    fs.writeFileSync(stale, `<!doctype html><html lang="sv"><body><article data-pagefind-body><h1>Borttagen</h1><p>Kvarglömd okapi.</p></article></body></html>`);
    const options: SiteOptions = { contentDir: MIXED, siteUrl: "https://finsam.example", pathPrefix: "/", mode: "production", now: FIXED_NOW };
    await writeSite(options, outDir);
    const site = { outDir, options };
    expect(await urlsFor(site, "brödtext")).toEqual(PUBLISHED);
    expect(await urlsFor(site, "okapi")).toEqual([]);
  });
});

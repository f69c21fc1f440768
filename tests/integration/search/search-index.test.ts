// The search index of real builds, searched in Node with the site's own search modules (tests/helpers/search.ts):
// published documents only, Swedish stemming, every word must match, the last word as a prefix, ranking, hostile
// editor text kept as data, the path prefix, and small files.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeSite } from "../../../src/eleventy/run.ts";
import { buildSite, FIXED_NOW, markdownFile, writeContent, type BuiltSite } from "../../helpers/build.ts";
import { MIXED, buildMixed } from "../../helpers/mixed-fixture.ts";
import { search, siteSearch, type SearchableSite } from "../../helpers/search.ts";
import type { Manifest } from "../../../src/outputs/search/browser/search-engine.js";
import type { SiteOptions } from "../../../src/site/site.ts";

const PUBLISHED = [
  "/konferenser/2026/varkonferens/",
  "/nyheter/2026/andra-nyheten/",
  "/nyheter/2026/forsta-nyheten/",
  "/nyheter/2026/tredje-nyheten/",
];
const DRAFT = "/nyheter/2026/hemligt-utkast/";
const SCHEDULED = "/nyheter/2026/schemalagd-giraff/";

async function urlsFor(site: SearchableSite, query: string, prefix = true): Promise<string[]> {
  return (await search(site, query, { prefix })).map((hit) => hit.url).sort();
}

async function rankedUrls(site: SearchableSite, query: string, prefix = true): Promise<string[]> {
  return (await search(site, query, { prefix })).map((hit) => hit.url);
}

function manifest(site: BuiltSite): Manifest {
  return JSON.parse(site.read("/sok/index/index.json")) as Manifest;
}

function indexFiles(site: BuiltSite): string[] {
  return site.files().filter((file) => file.startsWith("/sok/index/"));
}

let production: BuiltSite;
let preview: BuiltSite;
beforeAll(async () => {
  ({ production, preview } = await buildMixed());
});

describe("a production build", () => {
  it("writes the manifest, term shards and document chunks into /sok/index/, all of it JSON", () => {
    const files = indexFiles(production);
    expect(files).toContain("/sok/index/index.json");
    expect(files.every((file) => /^\/sok\/index\/(index|k\d+|t\d+|d\d+|x\d+-\d+|f[to]\d+)\.json$/.test(file))).toBe(true);
    for (const file of files) expect(() => JSON.parse(production.read(file)), file).not.toThrow();
    expect(manifest(production)).toMatchObject({ format: 3, documents: PUBLISHED.length });
    expect(manifest(production).stopWords).toContain("och");
  });

  it("indexes exactly the published documents: no start page, listing, tag, archive, search or 404 page", async () => {
    // "Brödtext" is in every body; the listings show summaries and titles, not bodies.
    expect(await urlsFor(production, "brödtext")).toEqual(PUBLISHED);
    // Every page shows the site name in its header; only documents are indexed, so no page is found by it.
    expect(await urlsFor(production, "finansiell")).toEqual([]);
  });

  it("gives each hit the document's title, type, Swedish date and its summary with the search word marked", async () => {
    const [hit] = await search(production, "äldsta");
    expect(hit).toEqual({
      url: "/nyheter/2026/forsta-nyheten/",
      title: "Första nyheten",
      type: "Nyhet",
      date: "10 januari 2026",
      summary: "Den <mark>äldsta</mark> publicerade nyheten.",
      // Only the summary has the word: no excerpt; written as typed, so one exact word.
      excerpt: "",
      exact: 1,
    });
  });

  it("never has a draft or a scheduled document", async () => {
    expect(await urlsFor(production, "zebra")).toEqual([]);
    expect(await urlsFor(production, "giraff")).toEqual([]);
    expect(indexFiles(production).some((file) => production.read(file).includes("hemligt-utkast"))).toBe(false);
  });
});

describe("a preview build", () => {
  it("shows drafts and scheduled documents as pages, but keeps them out of the index", async () => {
    // The words are there to be found: this test fails if the pages or the index let them through.
    expect(preview.read(DRAFT)).toContain("zebror");
    expect(preview.read(SCHEDULED)).toContain("giraffer");
    expect(await urlsFor(preview, "zebror")).toEqual([]);
    expect(await urlsFor(preview, "giraffer")).toEqual([]);
    expect(await urlsFor(preview, "utkast")).toEqual([]);
    expect(manifest(preview).documents).toBe(PUBLISHED.length);
    expect(await urlsFor(preview, "brödtext")).toEqual(PUBLISHED);
    for (const file of indexFiles(preview)) {
      expect(preview.read(file), file).not.toMatch(/hemligt-utkast|schemalagd-giraff|Zebra|Giraff/);
    }
  });
});

describe("searching", () => {
  let site: BuiltSite;
  const doc = (slug: string) => `/nyheter/2024/${slug}/`;

  beforeAll(async () => {
    const news = (slug: string, date: string, title: string, body: string, extra: Record<string, unknown> = {}) => [
      `nyheter/${date}-${slug}.md`,
      markdownFile({ title, date, summary: `Sammanfattning av ${title.toLowerCase()}.`, organisation: "nns", ...extra }, body),
    ];
    site = await buildSite(
      writeContent(
        Object.fromEntries([
          news("kalmar", "2024-01-10", "Samordningsförbundet i Kalmar", "Förbundet arbetar med rehabilitering och samverkan."),
          news("rehab", "2024-02-10", "Nytt om rehabilitering", "Styrelsen i förbundet beslutade om en budget."),
          news("konferens", "2024-03-01", "Konferens i Kalmar län", "Där talades om rehabilitering, en gång."),
          news("alv", "2024-04-01", "Älvsbyn och Åre", "Öppna möten i Östersund.", { tags: ["Norrbotten"] }),
          news("tvilling-1", "2024-05-01", "Tvilling", "Tvillingord i båda."),
          news("tvilling-2", "2024-06-01", "Tvilling", "Tvillingord i båda."),
          [
            "nyheter/2024-07-01-fientlig.md",
            markdownFile(
              {
                title: `<script>alert("x")</script> & "citat" </script><!--`,
                date: "2024-07-01",
                summary: `Ord & <b>fet</b> "citat" 'enkelt' \\ slut <img src=x onerror=alert(1)>`,
                organisation: "nns",
              },
              'Zebrafinkar <script>alert("y")</script> och ```kod``` med `<img>`.',
            ),
          ],
        ]),
      ),
    );
  });

  it("stems Swedish: another form of a word finds the document", async () => {
    // Whole words only (no prefix): "förbund" finds "förbundet" through the stem, not by starting it.
    expect(await urlsFor(site, "förbund", false)).toEqual([doc("kalmar"), doc("rehab")]);
    expect(await urlsFor(site, "Förbundets", false)).toEqual([doc("kalmar"), doc("rehab")]);
    expect(await urlsFor(site, "styrelsens", false)).toEqual([doc("rehab")]);
    expect(await urlsFor(site, "mötet", false)).toEqual([doc("alv")]);
  });

  it("needs every word of the query (AND)", async () => {
    expect(await urlsFor(site, "rehabilitering kalmar")).toEqual([doc("kalmar"), doc("konferens")]);
    expect(await urlsFor(site, "rehabilitering budget")).toEqual([doc("rehab")]);
    expect(await urlsFor(site, "rehabilitering zebrafinkar")).toEqual([]);
  });

  it("takes the last word as the start of a longer word while typing, whole words otherwise", async () => {
    expect(await urlsFor(site, "rehab")).toEqual([doc("kalmar"), doc("konferens"), doc("rehab")]);
    expect(await urlsFor(site, "rehab", false)).toEqual([]);
    // A word followed by a space is finished.
    expect(await urlsFor(site, "rehab ")).toEqual([]);
    // Only the last word: "reha kalmar" has an unfinished first word.
    expect(await urlsFor(site, "rehab kalmar")).toEqual([]);
    expect(await urlsFor(site, "kalmar rehab")).toEqual([doc("kalmar"), doc("konferens")]);
    // Too short to be a prefix: two letters match whole words only.
    expect(await urlsFor(site, "re")).toEqual([]);
  });

  it("ranks a match in the title above one in the body, and newer above older among equals", async () => {
    expect((await rankedUrls(site, "rehabilitering"))[0]).toBe(doc("rehab"));
    expect(await rankedUrls(site, "tvillingord")).toEqual([doc("tvilling-2"), doc("tvilling-1")]);
  });

  it("keeps å, ä and ö, in any case, and searches tags", async () => {
    expect(await urlsFor(site, "älvsbyn")).toEqual([doc("alv")]);
    expect(await urlsFor(site, "ÅRE")).toEqual([doc("alv")]);
    expect(await urlsFor(site, "Östersund")).toEqual([doc("alv")]);
    expect(await urlsFor(site, "ostersund")).toEqual([]);
    expect(await urlsFor(site, "norrbotten")).toEqual([doc("alv")]);
  });

  it("says nothing found for a query of stop words only, and ignores stop words among others", async () => {
    expect(await urlsFor(site, "och")).toEqual([]);
    expect(await urlsFor(site, "och i om")).toEqual([]);
    expect(await urlsFor(site, "   ")).toEqual([]);
    expect(await urlsFor(site, "!!! ???")).toEqual([]);
    expect(await urlsFor(site, "budget och rehabilitering")).toEqual([doc("rehab")]);
  });

  it("keeps editors' <script>, & and quotes as data: valid JSON, the text unchanged, searchable as words", async () => {
    for (const file of indexFiles(site)) expect(() => JSON.parse(site.read(file)), file).not.toThrow();
    const [hit] = await search(site, "zebrafinkar");
    expect(hit?.url).toBe(doc("fientlig"));
    expect(hit?.title).toBe(`<script>alert("x")</script> & "citat" </script><!--`);
    expect((await search(site, "citat"))[0]?.summary).toBe(`Ord & <b>fet</b> "<mark>citat</mark>" 'enkelt' \\ slut <img src=x onerror=alert(1)>`);
    // Raw HTML in a body is shown as text, and searched as its words; code too.
    expect(await urlsFor(site, "alert")).toEqual([doc("fientlig")]);
    expect(await urlsFor(site, "kod")).toEqual([doc("fientlig")]);
  });

  it("fetches only the manifest, the tables and shards of the query's words and the chunks of the results shown", async () => {
    const searcher = await siteSearch(site);
    await searcher.search("budget");
    searcher.fetched.length = 0;
    await searcher.search("rehabilitering kalmar");
    const files = searcher.fetched.map((file) => file.path);
    expect(files.every((file) => /^\/sok\/index\/(k|t|d)\d+\.json$/.test(file))).toBe(true);
    expect(files.length).toBeLessThanOrEqual(8);
  });
});

describe("the index", () => {
  it("gives result URLs the path prefix, as the search page links them", async () => {
    const prefixed = await buildSite(MIXED, { pathPrefix: "/finsam/" });
    expect(prefixed.read("/sok/")).toContain('data-index="/finsam/sok/index/"');
    expect(await urlsFor(prefixed, "brödtext")).toEqual(PUBLISHED.map((url) => `/finsam${url}`));
    // Stored without the prefix: the same index works wherever the site is hosted.
    expect(prefixed.read("/sok/index/d0.json")).not.toContain("/finsam/");
  });

  it("comes from this build's documents, not from old files left in the output folder", async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-stale-"));
    const stale = path.join(outDir, "nyheter/2020/borttagen/index.html");
    fs.mkdirSync(path.dirname(stale), { recursive: true });
    fs.writeFileSync(stale, `<!doctype html><html lang="sv"><body><article><h1>Borttagen</h1><p>Kvarglömd okapi.</p></article></body></html>`);
    fs.mkdirSync(path.join(outDir, "sok/index"), { recursive: true });
    fs.writeFileSync(path.join(outDir, "sok/index/t999.json"), "[]");
    const options: SiteOptions = { contentDir: MIXED, siteUrl: "https://finsam.example", pathPrefix: "/", mode: "production", now: FIXED_NOW };
    await writeSite(options, outDir);
    const site = { outDir, options };
    expect(await urlsFor(site, "brödtext")).toEqual(PUBLISHED);
    expect(await urlsFor(site, "okapi")).toEqual([]);
    expect(fs.existsSync(path.join(outDir, "sok/index/t999.json"))).toBe(false);
    expect(fs.readdirSync(path.join(outDir, "sok")).sort()).toEqual(["index", "index.html"]);
  });
});

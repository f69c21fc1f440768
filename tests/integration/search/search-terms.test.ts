// The index builder (Node) and the search page (browser) cut, drop and stem words alike: one tokenizer module
// (src/outputs/search/browser/search-terms.js), the same stemmer file (@orama/stemmers, copied to /assets/stemmer-sv.js) and
// the stop words the manifest carries. And the index of a larger site stays in small files.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { stemmer } from "@orama/stemmers/swedish";
import fc from "fast-check";
import { createTerms } from "../../../src/outputs/search/browser/search-terms.js";
import type { Manifest } from "../../../src/outputs/search/browser/search-engine.js";
import { STOP_WORDS, MEANINGFUL_WORDS } from "../../../src/outputs/search/stop-words.ts";
import { STEMMER_FILE } from "../../../src/outputs/search/stemmer-file.ts";
import { CHUNK_SIZE } from "../../../src/outputs/search/index-builder.ts";
import { buildSite, type BuiltSite } from "../../helpers/build.ts";
import { siteSearch } from "../../helpers/search.ts";
import { writeCorpus } from "../../../bench/corpus.ts";

const SAMPLE =
  "Samordningsförbundet i Älvsbyn beslutade om förbundets budget. Styrelsens möte: FINSAM-dagen 2024, " +
  "covid-19 och Åre–Östersund. ÖVERSIKT över kvaliteten på universitetet! Rehabiliteringsinsatser för unga.";

let site: BuiltSite;
beforeAll(async () => {
  site = await buildSite("tests/fixtures/mixed");
});

describe("the tokenizer", () => {
  const builder = createTerms(stemmer, STOP_WORDS);

  it("lowercases, keeps å, ä and ö, drops stop words and stems Swedish", () => {
    const terms = builder.termsOf(SAMPLE);
    expect(terms).toContain("älvsbyn");
    expect(terms).toContain("åre");
    expect(terms).not.toContain("och");
    expect(terms).not.toContain("i");
    expect(builder.termOf("förbundet")).toBe(builder.termOf("förbund"));
    expect(builder.termOf("Förbundets")).toBe(builder.termOf("förbund"));
    expect(builder.termOf("mötet")).toBe(builder.termOf("möten"));
    expect(builder.termOf("universitetet")).toBe(builder.termOf("universitet"));
    expect(builder.termOf("paketet")).toBe(builder.termOf("paket"));
    // Not "-et" endings to drop: "nyhet" keeps its h, short words stay whole. The stems are named outright:
    // "nyheten" and "nyhet" would also agree if both lost their "et" (as "nyh").
    expect(builder.termOf("nyheten")).toBe(builder.termOf("nyhet"));
    expect(builder.termOf("nyhet")).toBe("nyhet");
    expect(builder.termOf("friheten")).toBe("frihet");
    expect(builder.termOf("året")).toBe("året");
    // Punctuation and dashes part words.
    expect(builder.termsOf("covid-19 FK:s")).toEqual(["covid", "19", "fk", "s"]);
  });

  it("keeps the words of the stop list that carry meaning here, and the list has the function words", () => {
    for (const word of ["beslut", "dag", "stora", "lilla", "övre", "höger", "vänster", "viktig", "kr"]) {
      expect(MEANINGFUL_WORDS.has(word), word).toBe(true);
      expect(STOP_WORDS, word).not.toContain(word);
    }
    for (const word of ["och", "i", "att", "det", "som", "en", "på", "är", "för", "med"]) expect(STOP_WORDS, word).toContain(word);
  });

  it("is the same in the built site: the copied stemmer file, the shipped module and the manifest's stop words", async () => {
    // The page's stemmer is the very file the builder imports.
    expect(fs.readFileSync(path.join(site.outDir, "assets/stemmer-sv.js"))).toEqual(fs.readFileSync(STEMMER_FILE));
    expect(fileURLOf(STEMMER_FILE)).toBe(import.meta.resolve("@orama/stemmers/swedish"));
    expect(fs.readFileSync(path.join(site.outDir, "assets/search-terms.js"), "utf8")).toBe(fs.readFileSync("src/outputs/search/browser/search-terms.js", "utf8"));
    const manifest = JSON.parse(site.read("/sok/index/index.json")) as Manifest;
    expect(manifest.stopWords).toEqual(STOP_WORDS);

    const shipped = (await import(pathToFileURL(path.join(site.outDir, "assets/search-terms.js")).href)) as typeof import("../../../src/outputs/search/browser/search-terms.js");
    const { stemmer: shippedStemmer } = (await import(pathToFileURL(path.join(site.outDir, "assets/stemmer-sv.js")).href)) as { stemmer: (word: string) => string };
    const page = shipped.createTerms(shippedStemmer, manifest.stopWords);
    expect(page.termsOf(SAMPLE)).toEqual(builder.termsOf(SAMPLE));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme", maxLength: 80 }), fc.constantFrom(...SAMPLE.split(" "))), (text) => {
        expect(page.termsOf(text)).toEqual(builder.termsOf(text));
      }),
      { numRuns: 500 },
    );
  });
});

function fileURLOf(file: string): string {
  return pathToFileURL(file).href;
}

describe("the index of 1,000 documents", () => {
  let large: BuiltSite;
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-corpus-"));
    writeCorpus(dir, { documents: 1000 });
    // The corpus takes the shipped data files, whose settings may name the shipped logo and icon: they come along.
    if (fs.existsSync("content/bilder")) fs.cpSync("content/bilder", path.join(dir, "bilder"), { recursive: true, force: false });
    large = await buildSite(dir, { now: new Date("2030-01-01T00:00:00Z") });
  }, 120_000);

  it("keeps every file small, and a two-word search fetches little", async () => {
    const files = large.files().filter((file) => file.startsWith("/sok/index/"));
    const sizes = files.map((file) => fs.statSync(path.join(large.outDir, file)).size);
    expect(Math.max(...sizes)).toBeLessThan(64 * 1024);
    const manifest = JSON.parse(large.read("/sok/index/index.json")) as Manifest;
    expect(manifest.documents).toBe(1000);
    expect(files.filter((file) => /\/d\d+\.json$/.test(file))).toHaveLength(Math.ceil(1000 / CHUNK_SIZE));

    const searcher = await siteSearch(large);
    await searcher.search("x");
    searcher.fetched.length = 0;
    const hits = await searcher.search("styrelsen budget");
    expect(hits.length).toBeGreaterThan(20);
    // The shards of the two words and the chunks of all hits (the helper shows them all; the page shows 20).
    const shards = searcher.fetched.filter((file) => /\/t\d+\.json$/.test(file.path));
    expect(shards.length).toBeLessThanOrEqual(6);
    expect(shards.reduce((sum, file) => sum + file.bytes, 0)).toBeLessThan(256 * 1024);
  }, 60_000);
});

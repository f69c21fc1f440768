// The search index against a brute-force search over the same documents (issue 11): on a corpus with a real Swedish
// vocabulary (bench/corpus.ts, about 70,000 distinct words at 1,000 documents), hundreds of seeded queries (common,
// rare and two-word ones, and words typed half-way) find exactly the documents that have every word, with the same
// tokenizer and stemmer, the last word also as the start of a longer word, and never through a shorter stem; and
// rank first the documents that have more of the query's words exactly as typed (issue 14), as counted here.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stemmer } from "@orama/stemmers/swedish";
import zlib from "node:zlib";
import { random, writeCorpus, type CorpusQueries } from "../../../bench/corpus.ts";
import { PATHS, SEARCH_MODULES } from "../../../src/site-model/urls.ts";
import { MIN_PREFIX, SearchIndex, tableFile, type Manifest } from "../../../src/outputs/search/browser/search-engine.js";
import { createTerms, wordsOf } from "../../../src/outputs/search/browser/search-terms.js";
import { STOP_WORDS } from "../../../src/outputs/search/stop-words.ts";
import { bodyText } from "../../../src/outputs/search/body-text.ts";
import { publishedDocuments } from "../../../src/outputs/search/index-build.ts";
import { searchFacts } from "../../../src/outputs/search/facts.ts";
import { siteModelFrom } from "../../../src/site-model/model.ts";
import { loadSite } from "../../../src/site-model/site-checks.ts";
import { FIXED_NOW, buildSite, type BuiltSite } from "../../helpers/build.ts";
import { siteSearch } from "../../helpers/search.ts";

const terms = createTerms(stemmer, STOP_WORDS);

interface Reference {
  url: string;
  terms: Set<string>;
  /** The words as written, lower case: where test queries come from, and what "exactly as typed" means. */
  words: string[];
  written: Set<string>;
}

let dir: string;
let site: BuiltSite;
let corpusQueries: CorpusQueries;
let documents: Reference[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-real-vocabulary-"));
  corpusQueries = writeCorpus(dir, { documents: 1000, vocabulary: "real" }).queries;
  // The corpus takes the shipped data files, whose settings may name the shipped logo and icon: they come along.
  if (fs.existsSync("content/bilder")) fs.cpSync("content/bilder", path.join(dir, "bilder"), { recursive: true, force: false });
  site = await buildSite(dir);
  const loaded = await loadSite(dir, { now: site.options.now });
  const model = siteModelFrom(site.options, loaded, site.options.now);
  // The texts the index is built from (src/outputs/search/index-build.ts and worker.ts), read the plain way.
  documents = publishedDocuments(model).map((document) => {
    // An event has no summary: the index shows its place there, which its facts hold as well.
    const summary = document.type === "evenemang" ? document.data.place : document.data.summary;
    const facts = searchFacts(document, (key) => model.organisations.find(key)?.name).map(([, value]) => value);
    const texts = [document.data.title, summary, ...facts, bodyText(document.body)];
    const words = texts.flatMap((text) => wordsOf(text.normalize("NFC").toLowerCase()).map(({ word }) => word));
    return { url: document.url, terms: new Set(texts.flatMap((text) => terms.termsOf(text))), words, written: new Set(words) };
  });
}, 180_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The query's words as the index takes them: stem, and the last word (typed on) also as a prefix. */
function queryWords(query: string): { term: string; typed: string; written: string }[] {
  const written = wordsOf(query.normalize("NFC").toLowerCase());
  const typing = /[\p{L}\p{M}\p{N}]$/u.test(query);
  const words = written.flatMap(({ word }, index) => {
    const term = terms.termOfLower(word);
    if (term === "") return [];
    const typed = typing && index === written.length - 1 ? terms.typedOf(word) : "";
    return [{ term, typed: typed.length >= MIN_PREFIX ? typed : "", written: word }];
  });
  // The same stem twice counts once, as in the engine (a prefix word keeps its prefix).
  const byTerm = new Map<string, { term: string; typed: string; written: string }>();
  for (const word of words) if (!byTerm.has(word.term) || word.typed) byTerm.set(word.term, word);
  return [...byTerm.values()];
}

/** The brute-force answer: documents with every query word's stem, the last word (typed on) also as a prefix. */
function matching(query: string): Reference[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  return documents.filter((document) => words.every(({ term, typed }) => document.terms.has(term) || (typed !== "" && [...document.terms].some((candidate) => candidate.startsWith(typed)))));
}

function expected(query: string): string[] {
  return matching(query)
    .map((document) => document.url)
    .sort();
}

async function found(query: string): Promise<string[]> {
  const { engine } = await siteSearch(site);
  const result = await engine.search(query);
  return (await engine.documents(result.ids)).map((document) => document.url).sort();
}

function queries(): string[] {
  // Seeded: the same queries on every machine.
  const next = random(20261206);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const word = () => pick(pick(documents).words);
  const list: string[] = [];
  for (let n = 0; n < 150; n++) list.push(`${word()} `);
  for (let n = 0; n < 100; n++) {
    const document = pick(documents);
    list.push(`${pick(document.words)} ${pick(document.words)} `);
  }
  for (let n = 0; n < 150; n++) {
    const whole = word();
    list.push(whole.slice(0, Math.max(MIN_PREFIX, Math.ceil(whole.length * (0.4 + next() * 0.6)))));
  }
  return list;
}

describe("the search index on a real vocabulary", () => {
  it("finds exactly what a brute-force search over the same documents finds, for 400 queries", async () => {
    expect(documents.length).toBe(1000);
    let withHits = 0;
    let rare = 0;
    for (const query of queries()) {
      const want = expected(query);
      if (want.length > 0) withHits++;
      if (want.length === 1) rare++;
      expect(await found(query), JSON.stringify(query)).toEqual(want);
    }
    // The queries are not all empty or all common: most find something, and some find one document only.
    expect(withHits).toBeGreaterThan(300);
    expect(rare).toBeGreaterThan(10);
  });

  it("ranks by how many query words a document has exactly as typed, counted as brute force counts them", async () => {
    const { engine } = await siteSearch(site);
    let mixed = 0;
    for (const query of queries()) {
      const words = queryWords(query);
      const byUrl = new Map(matching(query).map((document) => [document.url, words.filter(({ written }) => document.written.has(written)).length]));
      const result = await engine.search(query);
      const urls = (await engine.documents(result.ids)).map((document) => document.url);
      const counts = urls.map((url) => byUrl.get(url));
      expect(result.exact, JSON.stringify(query)).toEqual(counts);
      // Never a document with fewer exact words above one with more.
      expect(counts, JSON.stringify(query)).toEqual([...counts].sort((a, b) => b! - a!));
      if (new Set(counts).size > 1) mixed++;
    }
    // Not all queries rank trivially: many mix exact and stem-only hits.
    expect(mixed).toBeGreaterThan(20);
  });

  it("never finds a document through a shorter stem that the typed word starts with", async () => {
    // A word of the index with a longer word in no document: typing the longer word finds nothing through it.
    const all = new Set(documents.flatMap((document) => [...document.terms]));
    const short = [...all].filter((term) => term.length >= 5).find((term) => ![...all].some((other) => other !== term && other.startsWith(`${term}skald`)));
    expect(short).toBeDefined();
    expect(await found(`${short}skald`)).toEqual(expected(`${short}skald`));
    expect(await found(`${short}skald`)).toEqual([]);
  });

  it("keeps the manifest small at this vocabulary: the shard keys are a level down, one table per first letter", async () => {
    const indexDir = path.join(site.outDir, "sok", "index");
    const names = fs.readdirSync(indexDir);
    const read = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(indexDir, name), "utf8"));
    const manifest = read("index.json") as Manifest;
    const shards = names.filter((name) => /^t\d+\.json$/.test(name)).length;
    expect(shards).toBeGreaterThan(500);
    // The manifest names each first letter once, however many shards there are.
    expect(fs.statSync(path.join(indexDir, "index.json")).size).toBeLessThan(JSON.stringify(manifest.stopWords).length + 2000);
    // The tables cover every shard once, in order, each key under its group's letter.
    const tables = manifest.groups.map((_, index) => read(tableFile(index)) as string[]);
    expect(tables.flat()).toHaveLength(shards);
    expect(tables.flat()).toEqual([...tables.flat()].sort());
    manifest.groups.forEach(([letter, first], index) => {
      expect(first).toBe(tables.slice(0, index).flat().length);
      for (const key of tables[index]!) expect(String.fromCodePoint(key.codePointAt(0)!)).toBe(letter);
    });
    // A two-word query reads the manifest, at most one table per word, the words' shards and the result chunks.
    const fetched: string[] = [];
    const fresh = new SearchIndex("http://finsam.test/sok/index/", stemmer, async (url) => {
      const name = new URL(url).pathname.split("/").at(-1)!;
      fetched.push(name);
      return read(name);
    });
    // Two words of one document, with different first letters.
    const words = documents[0]!.words.filter((word) => /^\p{L}/u.test(word) && terms.termOfLower(word) !== "");
    const one = words[0]!;
    const other = words.find((word) => word[0] !== one[0])!;
    const result = await fresh.search(`${one} ${other} `);
    expect(result.ids.length).toBeGreaterThan(0);
    expect(fetched[0]).toBe("index.json");
    expect(fetched.filter((name) => name.startsWith("k")).sort()).toEqual(
      [one, other].map((word) => tableFile(manifest.groups.findIndex(([letter]) => letter === String.fromCodePoint(word.codePointAt(0)!)))).sort(),
    );
    expect(fetched.filter((name) => name === "index.json")).toHaveLength(1);
  });

  it("shows a page of 20 results with their excerpts for at most 60 KB gzip, the page's scripts included (issue 11)", async () => {
    const indexDir = path.join(site.outDir, "sok", "index");
    const gzip = (data: Buffer): number => zlib.gzipSync(data).length;
    const scripts = [PATHS.searchScript, ...SEARCH_MODULES].reduce((sum, file) => sum + gzip(fs.readFileSync(path.join(site.outDir, file))), 0);
    const weights: Record<string, { hits: number; excerpts: number; kb: number }> = {};
    for (const [label, query] of Object.entries(corpusQueries)) {
      // A freshly opened page: the manifest, the words' tables and shards, the 20 results' chunks and excerpt blocks.
      const fetched: Buffer[] = [];
      const page = new SearchIndex("http://finsam.test/sok/index/", stemmer, async (url) => {
        const data = fs.readFileSync(path.join(indexDir, new URL(url).pathname.split("/").at(-1)!));
        fetched.push(data);
        return JSON.parse(data.toString("utf8"));
      });
      const found = await page.search(query);
      const shown = await page.documents(found.ids.slice(0, 20), found.matches);
      const kb = (scripts + fetched.reduce((sum, data) => sum + gzip(data), 0)) / 1024;
      weights[label] = { hits: found.ids.length, excerpts: shown.filter((document) => document.excerpt).length, kb: Math.round(kb * 10) / 10 };
      expect(kb, `${label} "${query}"`).toBeLessThanOrEqual(60);
    }
    console.log(`search page, 1,000 documents, real vocabulary, gzip with scripts: ${JSON.stringify(weights)}`);
    // The words come from the searched text: each finds something, and most results shown have an excerpt.
    for (const weight of Object.values(weights)) {
      expect(weight.hits).toBeGreaterThan(0);
      expect(weight.excerpts).toBeGreaterThanOrEqual(Math.min(weight.hits, 20) * 0.8);
    }
  });
});

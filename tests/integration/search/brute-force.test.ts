// The search index against a brute-force search over the same documents (issue 11): on a corpus with a real Swedish
// vocabulary (bench/corpus.ts, about 70,000 distinct words at 1,000 documents), hundreds of seeded queries (common,
// rare and two-word ones, and words typed half-way) find exactly the documents that have every word, with the same
// tokenizer and stemmer, the last word also as the start of a longer word, and never through a shorter stem.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stemmer } from "@orama/stemmers/swedish";
import { random, writeCorpus } from "../../../bench/corpus.ts";
import { MIN_PREFIX, SearchIndex, tableFile, type Manifest } from "../../../src/outputs/search/browser/search-engine.js";
import { createTerms, wordsOf } from "../../../src/outputs/search/browser/search-terms.js";
import { STOP_WORDS } from "../../../src/outputs/search/stop-words.ts";
import { bodyText } from "../../../src/outputs/search/body-text.ts";
import { publishedDocuments } from "../../../src/outputs/search/index-build.ts";
import { authorNames } from "../../../src/content/document.ts";
import { siteModelFrom } from "../../../src/site-model/model.ts";
import { loadSite } from "../../../src/site-model/site-checks.ts";
import { FIXED_NOW, buildSite, type BuiltSite } from "../../helpers/build.ts";
import { siteSearch } from "../../helpers/search.ts";

const terms = createTerms(stemmer, STOP_WORDS);

interface Reference {
  url: string;
  terms: Set<string>;
  /** The words as written, lower case: where test queries come from. */
  words: string[];
}

let dir: string;
let site: BuiltSite;
let documents: Reference[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-real-vocabulary-"));
  writeCorpus(dir, { documents: 1000, vocabulary: "real" });
  site = await buildSite(dir);
  const loaded = await loadSite(dir, { now: site.options.now });
  const model = siteModelFrom(site.options, loaded, site.options.now);
  // The texts the index is built from (src/outputs/search/index-build.ts and worker.ts), read the plain way.
  documents = publishedDocuments(model).map((document) => {
    // The corpus has no ordinary pages, which would have no tags, authors or organisation.
    const about = document.type === "sida" ? "" : [...document.data.tags, ...authorNames(document), model.organisations.find(document.data.organisation)?.name ?? ""].join("\n");
    const texts = [document.data.title, document.data.summary, about, bodyText(document.body)];
    return {
      url: document.url,
      terms: new Set(texts.flatMap((text) => terms.termsOf(text))),
      words: texts.flatMap((text) => wordsOf(text.normalize("NFC").toLowerCase()).map(({ word }) => word)),
    };
  });
}, 180_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The brute-force answer: documents with every query word's stem, the last word (typed on) also as a prefix. */
function expected(query: string): string[] {
  const written = wordsOf(query.normalize("NFC").toLowerCase());
  const typing = /[\p{L}\p{M}\p{N}]$/u.test(query);
  const words = written.flatMap(({ word }, index) => {
    const term = terms.termOfLower(word);
    if (term === "") return [];
    const typed = typing && index === written.length - 1 ? terms.typedOf(word) : "";
    return [{ term, typed: typed.length >= MIN_PREFIX ? typed : "" }];
  });
  if (words.length === 0) return [];
  return documents
    .filter((document) => words.every(({ term, typed }) => document.terms.has(term) || (typed !== "" && [...document.terms].some((candidate) => candidate.startsWith(typed)))))
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
});


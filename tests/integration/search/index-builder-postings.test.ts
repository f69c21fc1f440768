// The index builder writes a document's postings straight into its growing arrays, field after field: a document
// whose body outgrows them keeps the postings its title, summary and facts wrote before, and every document is found
// by a word of each of its fields, searched with the search page's own engine over the built files. Each posting's
// weight is BM25F as worked out here from the documents' words, numbered newest first; a builder once built takes no
// more documents.
import { describe, expect, it } from "vitest";
import { stemmer } from "@orama/stemmers/swedish";
import { createTerms } from "../../../src/outputs/search/browser/search-terms.js";
import { SearchIndex, chunkFile, shardFile } from "../../../src/outputs/search/browser/search-engine.js";
import { random } from "../../../bench/corpus.ts";
import { IndexBuilder, type IndexedDocument } from "../../../src/outputs/search/index-builder.ts";
import { STOP_WORDS } from "../../../src/outputs/search/stop-words.ts";

const terms = createTerms(stemmer, STOP_WORDS);

/** A word of its own for each document (stems apart: "rubrikorda" and "rubrikordd" would meet). */
const NAMES = ["kanin", "tiger", "lodjur", "varg"];

function documentOf(index: number, body: string): IndexedDocument {
  return {
    url: `/nyheter/${index}/`,
    title: `Rubrik${NAMES[index]}`,
    summary: `Ingress${NAMES[index]}`,
    facts: [["Plats", `Plats${NAMES[index]}`]],
    body,
    type: "Nyhet",
    day: "2026-12-07",
    date: "7 december 2026",
    time: 1_765_000_000_000 - index * 86_400_000,
    typeKey: "nyhet",
    organisation: "",
    year: 2026,
  };
}

describe("the index builder's postings", () => {
  it("keeps the postings of a document's first fields when its body outgrows the arrays", async () => {
    // More distinct words than the posting arrays start with room for (65,536), in one body.
    const vast = Array.from({ length: 70_000 }, (_, index) => `zq${index.toString(36)}`).join(" ");
    const builder = new IndexBuilder(terms);
    const bodies = ["kort text", vast, "kort text igen", vast.slice(0, 300_000)];
    bodies.forEach((body, index) => builder.add(documentOf(index, body)));
    const files = new Map(builder.build(STOP_WORDS).files.map((file) => [file.name, file.text]));
    const engine = new SearchIndex("http://finsam.test/sok/index/", stemmer, async (url) => JSON.parse(files.get(new URL(url).pathname.split("/").at(-1)!)!));
    const urlsOf = async (query: string) => (await engine.documents((await engine.search(query, { prefix: false })).ids)).map((document) => document.url);
    for (const [index, name] of NAMES.entries()) {
      for (const field of ["rubrik", "ingress", "plats"]) expect(await urlsOf(field + name), field + name).toEqual([`/nyheter/${index}/`]);
    }
    expect((await urlsOf("zq1")).sort()).toEqual(["/nyheter/1/", "/nyheter/3/"]);
    expect(await urlsOf(`zq${(69_999).toString(36)}`)).toEqual(["/nyheter/1/"]);
  });

  it("gives each posting the BM25F weight of its term in its document, the documents numbered newest first", () => {
    // A small vocabulary, so terms are shared and repeated (some past the count's cap of 255), dates with ties.
    const next = random(20261207);
    const vocabulary = ["förbund", "möte", "möten", "mötet", "styrelse", "beslut", "och", "rehabilitering", "samverkan", "kommun", "region", "budget"];
    const words = (n: number): string => Array.from({ length: n }, () => vocabulary[Math.floor(next() * vocabulary.length)]!).join(" ");
    const documents = Array.from({ length: 40 }, (_, index): IndexedDocument => ({
      ...documentOf(0, index % 7 === 0 ? `${words(10)} ${"återkommande ".repeat(300)}` : words(Math.floor(next() * 200))),
      url: `/nyheter/${String(index).padStart(2, "0")}/`,
      title: words(1 + Math.floor(next() * 4)),
      summary: words(Math.floor(next() * 12)),
      facts: [["Plats", words(2)], ["Person", words(1)]],
      time: 1_765_000_000_000 - Math.floor(next() * 5) * 86_400_000,
    }));
    const builder = new IndexBuilder(terms);
    for (const document of documents) builder.add(document);
    const files = new Map(builder.build(STOP_WORDS).files.map((file) => [file.name, file.text]));

    // What the index says: each term's postings as [document number, weight].
    const indexed = new Map<string, [number, number][]>();
    for (let shard = 0; files.has(shardFile(shard)); shard++) {
      for (const row of JSON.parse(files.get(shardFile(shard))!) as (string | string[] | number)[][]) {
        const [term, ...rest] = row as [string, ...(string | string[] | number)[]];
        const masks = Array.isArray(rest[0]);
        const numbers = (typeof rest[0] === "number" ? rest : rest.slice(1)) as number[];
        const postings: [number, number][] = [];
        for (let at = 0, rank = 0; at < numbers.length; at += masks ? 3 : 2) postings.push([(rank += numbers[at]!), numbers[at + 1]!]);
        indexed.set(term, postings);
      }
    }
    const shown: string[] = [];
    for (let chunk = 0; files.has(chunkFile(chunk)); chunk++) for (const row of JSON.parse(files.get(chunkFile(chunk))!) as string[][]) shown.push(row[0]!);

    // The same, worked out from the documents: newest first (then by address), BM25F over four weighted fields.
    const ordered = [...documents].sort((a, b) => b.time - a.time || (a.url < b.url ? -1 : 1));
    expect(shown).toEqual(ordered.map((document) => document.url));
    const fieldsOf = (document: IndexedDocument): string[][] =>
      [document.title, document.summary, document.facts.map(([, value]) => value).join("\n"), document.body].map((text) => terms.termsOf(text));
    const fields = ordered.map(fieldsOf);
    const averages = [0, 1, 2, 3].map((field) => Math.max(1, fields.reduce((sum, document) => sum + document[field]!.length, 0) / ordered.length));
    const expected = new Map<string, [number, number][]>();
    const frequency = new Map<string, number>();
    for (const document of fields) for (const term of new Set(document.flat())) frequency.set(term, (frequency.get(term) ?? 0) + 1);
    fields.forEach((document, rank) => {
      for (const term of new Set(document.flat())) {
        const idf = Math.log(1 + (ordered.length - frequency.get(term)! + 0.5) / (frequency.get(term)! + 0.5));
        let tf = 0;
        document.forEach((words, field) => {
          const count = Math.min(255, words.filter((word) => word === term).length);
          tf += (count * [4, 2, 1.5, 1][field]!) / (1 - 0.75 + (0.75 * words.length) / averages[field]!);
        });
        const postings = expected.get(term) ?? [];
        postings.push([rank, Math.max(1, Math.round(10 * idf * ((tf * 2.2) / (tf + 1.2))))]);
        expected.set(term, postings);
      }
    });
    expect(indexed.size).toBeGreaterThan(5);
    expect(Object.fromEntries(indexed)).toEqual(Object.fromEntries(expected));
  });

  it("takes no document once built", () => {
    const builder = new IndexBuilder(terms);
    builder.add(documentOf(0, "en text"));
    builder.build(STOP_WORDS);
    expect(() => builder.add(documentOf(1, "en till"))).toThrow("Sökindexet är redan byggt.");
  });
});

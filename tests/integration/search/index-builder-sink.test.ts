// The index builder hands every file to its sink as soon as it is made (the build's worker writes each at once, so
// the index is never all in memory): the same files, with the same version, as a build without a sink returns, and
// the manifest last, so a folder with a manifest holds every file it names.
import { describe, expect, it } from "vitest";
import { stemmer } from "@orama/stemmers/swedish";
import { createTerms } from "../../../src/outputs/search/browser/search-terms.js";
import { MANIFEST_FILE, shardFile, tableFile, type Manifest } from "../../../src/outputs/search/browser/search-engine.js";
import { IndexBuilder, SHARD_LIMIT, type IndexFile, type IndexedDocument } from "../../../src/outputs/search/index-builder.ts";
import { STOP_WORDS } from "../../../src/outputs/search/stop-words.ts";
import { random } from "../../../bench/corpus.ts";

const terms = createTerms(stemmer, STOP_WORDS);

/** Made-up words over a few first letters, long ones among them, enough that letters split into several shards. */
function documents(count: number): IndexedDocument[] {
  const next = random(20261206);
  const letters = "abdfgkmsåäö";
  const syllables = ["ra", "ko", "mil", "sta", "ver", "ning", "hel", "tor", "lan", "da", "sk", "ör", "ån"];
  const word = (): string => {
    let text = letters[Math.floor(next() * letters.length)]!;
    const length = 2 + Math.floor(next() * 6);
    for (let at = 0; at < length; at++) text += syllables[Math.floor(next() * syllables.length)]!;
    return text;
  };
  const words = (n: number): string => Array.from({ length: n }, word).join(" ");
  return Array.from({ length: count }, (_, index) => ({
    url: `/nyheter/${index}/`,
    title: words(4),
    summary: words(12),
    facts: [["Plats", words(2)]] as [string, string][],
    body: words(300),
    type: "Nyhet",
    day: "2026-12-06",
    date: "6 december 2026",
    time: 1_765_000_000_000 - index * 86_400_000,
    typeKey: "nyhet",
    organisation: index % 3 === 0 ? "" : `forbund-${index % 3}`,
    year: 2026 - (index % 4),
  }));
}

function build(sink?: (file: IndexFile) => void): IndexFile[] {
  const builder = new IndexBuilder(terms, sink);
  for (const document of documents(400)) builder.add(document);
  return builder.build(STOP_WORDS).files;
}

describe("the index builder's sink", () => {
  const returned = build();
  const sunk: IndexFile[] = [];
  const left = build((file) => sunk.push(file));

  it("gets every file a build without a sink returns, with the same texts, and the build returns none", () => {
    expect(left).toEqual([]);
    const byName = (files: IndexFile[]) => new Map(files.map((file) => [file.name, file.text]));
    expect(byName(sunk)).toEqual(byName(returned));
    expect(sunk).toHaveLength(returned.length);
  });

  it("gets the manifest last, after every shard and table it names", () => {
    expect(sunk.at(-1)?.name).toBe(MANIFEST_FILE);
    expect(sunk.filter((file) => file.name === MANIFEST_FILE)).toHaveLength(1);
    const manifest = JSON.parse(sunk.at(-1)!.text) as Manifest;
    const names = new Set(sunk.map((file) => file.name));
    const shardCount = manifest.groups.length === 0 ? 0 : [...names].filter((name) => /^t\d+\.json$/.test(name)).length;
    const shards = Array.from({ length: shardCount }, (_, number) => sunk.find((file) => file.name === shardFile(number))!);
    expect(shards.every(Boolean)).toBe(true);
    // Enough terms that letters split: the streamed numbering is tested across many shards, not one per letter.
    expect(shards.length).toBeGreaterThan(manifest.groups.length * 2);
    expect(shards.every((file) => file.text.length <= SHARD_LIMIT * 1.5)).toBe(true);
  });

  it("numbers the shards in the order of their keys, as the letters' tables list them", () => {
    const manifest = JSON.parse(sunk.at(-1)!.text) as Manifest;
    const tables = manifest.groups.map((_, index) => JSON.parse(sunk.find((file) => file.name === tableFile(index))!.text) as string[]);
    const keys = tables.flat();
    expect(keys).toEqual([...keys].sort());
    // Each letter's first shard number is where its table's keys start in that order.
    let start = 0;
    manifest.groups.forEach(([letter, first], index) => {
      expect(first).toBe(start);
      expect(tables[index]!.every((key) => key.startsWith(letter))).toBe(true);
      start += tables[index]!.length;
    });
    // A shard holds the terms of its key: every term in shard n begins with the n-th key.
    const shardTexts = new Map(sunk.map((file) => [file.name, file.text]));
    keys.forEach((key, number) => {
      const rows = JSON.parse(shardTexts.get(shardFile(number))!) as [string, ...unknown[]][];
      expect(rows.length).toBeGreaterThan(0);
      for (const [term] of rows) expect(term.startsWith(key)).toBe(true);
    });
  });
});

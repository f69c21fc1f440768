// Builds the static search index (format: src/outputs/search/browser/search-engine.js) from published documents.
// Our own, not Pagefind: on our site Pagefind took 3× the time and 6.7× the memory (bench/RESULTS.md).
// Memory stays small at 10,000+ documents: a posting is three 32-bit numbers in growing typed arrays (term id, the
// term's counts in the four fields packed into one word, and which written forms of the term the document has), and
// the strings kept are the terms, their forms and the shown data of each document. Given a sink, every file is
// handed to it as soon as it is made (the worker writes it into the index's folder at once): a document's excerpt
// text as the document is added, each shard as its letter's shards are made; without one, they are kept until built.
import { createHash } from "node:crypto";
import type { Manifest, DocumentRow, ShardGroup, YearRange } from "./browser/search-engine.js";
import { EXCERPT_BLOCKS, MANIFEST_FILE, chunkFile, excerptBlockSize, facetFile, shardFile, tableFile, textFile } from "./browser/search-engine.js";
import type { Terms } from "./browser/search-terms.js";
import type { Fact } from "./facts.ts";
import { WordTable } from "./word-table.ts";

/** What the index holds of one document: the texts searched and the data a result shows. */
export interface IndexedDocument {
  /** Site-relative URL without the path prefix. */
  url: string;
  title: string;
  summary: string;
  /**
   * Tags, authors, the organisation's name and the type's facts (people, places, § headings and decisions), each
   * with its field's label (src/outputs/search/facts.ts): the values are searched, the lines "Label: value" start
   * the excerpt text.
   */
  facts: Fact[];
  /** The body's readable text (src/outputs/search/body-text.ts). */
  body: string;
  /** The type's Swedish label. */
  type: string;
  /** ISO day, for <time datetime>. */
  day: string;
  /** The day written out in Swedish, as the listings show it. */
  date: string;
  /** Publication time (ms): newer documents get lower numbers and come first among equal matches. */
  time: number;
  /** For the search page's filters: the type's key, the organisation's key ("" for none), the year (0 for none). */
  typeKey: string;
  organisation: string;
  year: number;
}

/** The fields searched, in the order of their counts in a packed posting, and how much a match in each weighs. */
const FIELDS = ["title", "summary", "facts", "body"] as const;
const FIELD_WEIGHTS = [4, 2, 1.5, 1];
/** BM25: term frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;
/** Weights are stored as whole numbers: the BM25 score times this. */
const WEIGHT_SCALE = 10;

/** Documents per d<i>.json: showing 20 results touches at most 20 small files. */
export const CHUNK_SIZE = 8;
/** A shard bigger than this (bytes, roughly) is split by the next letter of its terms. */
export const SHARD_LIMIT = 24_000;
/** Shard keys start at this many letters (and grow where the terms under a key are too many). */
const KEY_LENGTH = 1;
/**
 * The written forms of a term that are told apart (bits of a posting's form mask): a form beyond these is never
 * "exact". Swedish inflection gives a stem a handful of forms.
 */
const MAX_FORMS = 31;
/**
 * A word's number in the builder's cache (a 32-bit integer in the word table): its term id shifted by FORM_BITS, then
 * its form's bit (FORM_UNKNOWN: none). So an index holds at most MAX_TERMS distinct terms.
 */
const FORM_BITS = 5;
const FORM_MASK = (1 << FORM_BITS) - 1;
const FORM_UNKNOWN = FORM_MASK;
const MAX_TERMS = 2 ** (31 - FORM_BITS);

class GrowingU32 {
  array = new Uint32Array(1 << 16);
  length = 0;
  /** Makes room for `more` values past the length (written into `array` directly, and kept when it grows). */
  reserve(more: number): void {
    if (this.length + more <= this.array.length) return;
    let capacity = this.array.length * 2;
    while (capacity < this.length + more) capacity *= 2;
    const bigger = new Uint32Array(capacity);
    bigger.set(this.array);
    this.array = bigger;
  }
  release(): void {
    this.array = new Uint32Array(0);
    this.length = 0;
  }
}

export interface IndexFile {
  /** File name inside the index folder. */
  name: string;
  text: string;
}

export interface BuiltIndex {
  /** Every file of the index, when it was built without a sink (which took them instead). */
  files: IndexFile[];
  documents: number;
  terms: number;
  postings: number;
}

function codePoints(term: string): string[] {
  return Array.from(term);
}

export class IndexBuilder {
  private readonly termIds = new Map<string, number>();
  private readonly termTexts: string[] = [];
  /** Per posting: the term's id, its counts in the four fields (8 bits each, capped) and its forms' bits. */
  private readonly postingTerms = new GrowingU32();
  private readonly postingCounts = new GrowingU32();
  private readonly postingForms = new GrowingU32();
  /**
   * Per term, the lower-case words that gave it, in the order first seen (at most MAX_FORMS), joined by spaces: one
   * string per term rather than an array, whose spare capacity would outweigh the few forms it holds.
   */
  private readonly termForms: string[] = [];
  /** Per document: its filter values (type and organisation as numbers into these lists, and the year). */
  private readonly typeKeys: string[] = [];
  private readonly organisationKeys: string[] = [];
  private readonly facets: { type: number; organisation: number; year: number }[] = [];
  /** Without a sink: every file made so far (the excerpt texts as documents are added, the rest in build()). */
  private readonly kept: IndexFile[] = [];
  private readonly textHash = createHash("sha1");
  /** Per document (in the order added): where its postings start, its field lengths, its shown row and time. */
  private readonly starts: number[] = [];
  private readonly lengths: number[][] = FIELDS.map(() => []);
  private readonly rows: DocumentRow[] = [];
  private readonly times: number[] = [];
  private readonly urls = new Set<string>();
  /**
   * Reused for every document, indexed by term id: the slot of the term's packed counts in the document being
   * added, valid where seenIn holds that document's number. Typed arrays instead of a Map cleared per document: a
   * lookup per word is the indexer's inner loop (bench/RESULTS.md, issue 11).
   */
  private slotOf = new Int32Array(1 << 16);
  private seenIn = new Int32Array(1 << 16).fill(-1);
  /** Each lower-case word's number (entryOf; -1: a stop word): worked out once per word. */
  private readonly words = new WordTable((word) => {
    const term = this.terms.termOfLower(word);
    return term === "" ? -1 : this.entryOf(term, word);
  });
  private built = false;

  /**
   * `sink`: takes each file as soon as it is made: the excerpt texts as their documents are added (named by the
   * document's number in the order added, which its row carries), the rest while building, so the index never holds
   * the texts nor all shards at once. Without one, build() returns every file.
   */
  constructor(
    private readonly terms: Terms,
    private readonly sink?: (file: IndexFile) => void,
  ) {}

  /** A file made: to the sink when there is one, else kept until build() returns it. */
  private give(file: IndexFile): void {
    if (this.sink) this.sink(file);
    else this.kept.push(file);
  }

  private idOf(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termTexts.length;
      if (id === MAX_TERMS) throw new Error(`Sökindexet rymmer högst ${MAX_TERMS} olika ord.`);
      this.termIds.set(term, id);
      this.termTexts.push(term);
      this.termForms.push("");
      if (id === this.slotOf.length) {
        const slots = new Int32Array(id * 2);
        slots.set(this.slotOf);
        this.slotOf = slots;
        const seen = new Int32Array(id * 2).fill(-1);
        seen.set(this.seenIn);
        this.seenIn = seen;
      }
    }
    return id;
  }

  add(document: IndexedDocument): void {
    // Building let go of the arrays adding writes into.
    if (this.built) throw new Error("Sökindexet är redan byggt.");
    if (this.urls.has(document.url)) throw new Error(`Sökindexet fick ${document.url} två gånger.`);
    this.urls.add(document.url);
    const title = document.title.normalize("NFC");
    const summary = document.summary.normalize("NFC");
    const facts = document.facts.map(([label, value]) => [label.normalize("NFC"), value.normalize("NFC")] as const);
    const body = document.body.normalize("NFC");
    const texts = [title, summary, facts.map(([, value]) => value).join("\n"), body];
    const documentNumber = this.rows.length;
    // The document's postings are written straight after those before it: its terms in the order first seen, each
    // term's slot found through slotOf while seenIn says it is this document's.
    const first = this.postingTerms.length;
    let postings = 0;
    for (let field = 0; field < texts.length; field++) {
      const shift = field * 8;
      // Cut and lower-cased as search-terms.js's eachWord does (the texts are in NFC already), each word looked up
      // without a string of its own.
      const words = this.words.scan(texts[field]!.toLowerCase());
      const found = this.words.found;
      // Taken after the scan, which may have added terms (and grown the arrays by term id).
      this.postingTerms.reserve(postings + words);
      this.postingCounts.reserve(postings + words);
      this.postingForms.reserve(postings + words);
      const ids = this.postingTerms.array;
      const counts = this.postingCounts.array;
      const forms = this.postingForms.array;
      const { seenIn, slotOf } = this;
      let length = 0;
      for (let at = 0; at < words; at++) {
        const entry = found[at]!;
        if (entry < 0) continue;
        const id = entry >>> FORM_BITS;
        const bit = entry & FORM_MASK;
        length++;
        let slot: number;
        if (seenIn[id] === documentNumber) slot = slotOf[id]!;
        else {
          slot = first + postings++;
          seenIn[id] = documentNumber;
          slotOf[id] = slot;
          ids[slot] = id;
          counts[slot] = 0;
          forms[slot] = 0;
        }
        if (bit !== FORM_UNKNOWN) forms[slot] = forms[slot]! | (1 << bit);
        if (((counts[slot]! >>> shift) & 0xff) < 0xff) counts[slot] = counts[slot]! + (1 << shift);
      }
      this.lengths[field]!.push(length);
    }
    this.starts.push(first);
    this.postingTerms.length += postings;
    this.postingCounts.length += postings;
    this.postingForms.length += postings;
    const blocks = excerptBlocks(facts.map(([label, value]) => `${label}: ${value}`).join("\n"), body);
    blocks.forEach((block, at) => {
      const file = { name: textFile(documentNumber, at), text: JSON.stringify(block) };
      this.textHash.update(file.name).update("\0").update(file.text).update("\0");
      this.give(file);
    });
    this.rows.push([document.url, title, document.type, document.day, document.date, summary, blocks.length, documentNumber]);
    this.times.push(document.time);
    this.facets.push({ type: numberIn(this.typeKeys, document.typeKey), organisation: document.organisation === "" ? -1 : numberIn(this.organisationKeys, document.organisation), year: document.year });
  }

  /** A word's cache entry: its term's id and the bit of this written form (FORM_UNKNOWN past MAX_FORMS). */
  private entryOf(term: string, word: string): number {
    const id = this.idOf(term);
    const joined = this.termForms[id]!;
    // Words never hold a space (search-terms.js splits at anything that is not a word's).
    const forms = joined === "" ? [] : joined.split(" ");
    let bit = forms.indexOf(word);
    if (bit < 0 && forms.length < MAX_FORMS) {
      bit = forms.length;
      this.termForms[id] = joined === "" ? word : `${joined} ${word}`;
    }
    return (id << FORM_BITS) | (bit < 0 ? FORM_UNKNOWN : bit);
  }

  /**
   * Postings by term, each term's documents ascending (counting sort, walking the documents in their new order), with
   * each posting's BM25F weight. No second copy of the postings is made at the worker's peak: the weights are worked
   * out in place of the counts, in the order added (each document's norms at hand), then the three arrays adding
   * needed take, one after the other, the weights, forms and document numbers in the new order, each by a single
   * scatter (reading in order, writing anywhere: no chain of dependent reads, as moving along the permutation's cycles
   * had). What only adding needed is let go here: the index's strings are made next.
   */
  private postingsByTerm(order: readonly number[]): { offsets: Uint32Array; ranks: Uint32Array; weights: Uint32Array; forms: Uint32Array; postings: number } {
    const postings = this.postingTerms.length;
    const termCount = this.termTexts.length;
    const documents = this.rows.length;
    const terms = this.postingTerms.array.subarray(0, postings);
    const counts = this.postingCounts.array.subarray(0, postings);
    const forms = this.postingForms.array.subarray(0, postings);
    this.starts.push(postings);
    const offsets = new Uint32Array(termCount + 1);
    for (let at = 0; at < postings; at++) offsets[terms[at]! + 1]!++;
    for (let term = 0; term < termCount; term++) offsets[term + 1]! += offsets[term]!;

    // BM25F: each field's count normalised by its length against the average, weighted, then saturated.
    const idf = new Float64Array(termCount);
    for (let term = 0; term < termCount; term++) {
      const frequency = offsets[term + 1]! - offsets[term]!;
      idf[term] = Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
    }
    const averages = this.lengths.map((lengths) => Math.max(1, lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, documents)));
    const norms = new Float64Array(FIELDS.length);
    for (let old = 0; old < documents; old++) {
      for (let field = 0; field < FIELDS.length; field++) norms[field] = FIELD_WEIGHTS[field]! / (1 - B + (B * this.lengths[field]![old]!) / averages[field]!);
      for (let at = this.starts[old]!; at < this.starts[old + 1]!; at++) {
        const packed = counts[at]!;
        let tf = 0;
        for (let field = 0; field < FIELDS.length; field++) tf += ((packed >>> (field * 8)) & 0xff) * norms[field]!;
        counts[at] = Math.max(1, Math.round(WEIGHT_SCALE * idf[terms[at]!]! * ((tf * (K1 + 1)) / (tf + K1))));
      }
    }

    const next = offsets.slice(0, termCount);
    const placeOf = new Uint32Array(postings);
    for (const old of order) {
      for (let at = this.starts[old]!; at < this.starts[old + 1]!; at++) placeOf[at] = next[terms[at]!]!++;
    }
    // Each array, once read, takes the next one's values in their new places.
    const weights = terms;
    for (let at = 0; at < postings; at++) weights[placeOf[at]!] = counts[at]!;
    const byTermForms = counts;
    for (let at = 0; at < postings; at++) byTermForms[placeOf[at]!] = forms[at]!;
    const ranks = forms;
    order.forEach((old, rank) => {
      for (let at = this.starts[old]!; at < this.starts[old + 1]!; at++) ranks[placeOf[at]!] = rank;
    });
    this.postingTerms.release();
    this.postingCounts.release();
    this.postingForms.release();
    this.words.clear();
    this.termIds.clear();
    this.slotOf = new Int32Array(0);
    this.seenIn = new Int32Array(0);
    return { offsets, ranks, weights, forms: byTermForms, postings };
  }

  /**
   * Makes the index's files (shards and their tables, document chunks, filter lists, the manifest last) and gives
   * each to the sink, or returns them with the excerpt texts kept while adding. Once: building lets go of what adding
   * needed.
   */
  build(stopWords: readonly string[]): BuiltIndex {
    if (this.built) throw new Error("Sökindexet är redan byggt.");
    this.built = true;
    const documents = this.rows.length;
    const termCount = this.termTexts.length;

    // Newest first (then by URL, so equal times are stable): the number a document gets is its place in that order.
    const order = Array.from({ length: documents }, (_, index) => index);
    order.sort((a, b) => this.times[b]! - this.times[a]! || (this.rows[a]![0] < this.rows[b]![0] ? -1 : 1));
    const { offsets, ranks, weights, forms: formMasks, postings } = this.postingsByTerm(order);
    const rowOf = (term: number): string => {
      const start = offsets[term]!;
      const end = offsets[term + 1]!;
      const parts: (string | number)[] = [JSON.stringify(this.termTexts[term])];
      // The term's written forms: none when its one form is the term itself, a string for one other form, a list
      // (and a form mask after each weight) for several: a query word written as the document writes it ranks first.
      const forms = this.termForms[term]!.split(" ");
      const masks = forms.length > 1;
      if (masks) parts.push(JSON.stringify(forms));
      else if (forms[0] !== this.termTexts[term]) parts.push(JSON.stringify(forms[0]));
      let previous = 0;
      for (let at = start; at < end; at++) {
        const rank = ranks[at]!;
        parts.push(rank - previous, weights[at]!);
        if (masks) parts.push(formMasks[at]!);
        previous = rank;
      }
      return `[${parts.join(",")}]`;
    };

    // Every file but the excerpt texts goes through here, in this order (shards, tables, chunks, filters), and the
    // version is hashed from them as they pass: with a sink, a shard is written and let go as soon as it is made.
    const hash = createHash("sha1");
    const emit = (file: IndexFile): void => {
      hash.update(file.name).update("\0").update(file.text).update("\0");
      this.give(file);
    };

    // Shards: terms grouped by their first letters; a group too big is split by the next letter (the terms no
    // longer than the key stay in the group's own shard). The client looks a term up by its longest key. One first
    // letter at a time, in key order: every key under a letter starts with it, so the shards are numbered in the
    // order of all keys, and only one letter's rows and shards are held at once.
    const rowTexts = new Map<number, string>();
    const sizeOf = (term: number): number => {
      let text = rowTexts.get(term);
      if (text === undefined) rowTexts.set(term, (text = rowOf(term)));
      return text.length + 1;
    };
    // A term's row is in one shard: once there, its own copy goes.
    const shardText = (members: readonly number[]): string => {
      const text = `[${members.map((term) => rowTexts.get(term)).join(",")}]`;
      for (const term of members) rowTexts.delete(term);
      return text;
    };
    const place = (shards: Map<string, string>, key: string, members: readonly number[], depth: number): void => {
      const size = members.reduce((sum, term) => sum + sizeOf(term), 2);
      if (size <= SHARD_LIMIT || members.length === 1) {
        shards.set(key, shardText(members));
        return;
      }
      const stay: number[] = [];
      const children = new Map<string, number[]>();
      for (const term of members) {
        const letters = codePoints(this.termTexts[term]!);
        if (letters.length <= depth) stay.push(term);
        else {
          const child = letters.slice(0, depth + 1).join("");
          let group = children.get(child);
          if (!group) children.set(child, (group = []));
          group.push(term);
        }
      }
      if (stay.length > 0) shards.set(key, shardText(stay));
      for (const [child, group] of children) place(shards, child, group, depth + 1);
    };
    const byFirstLetters = new Map<string, number[]>();
    for (let term = 0; term < termCount; term++) {
      const key = codePoints(this.termTexts[term]!).slice(0, KEY_LENGTH).join("");
      let group = byFirstLetters.get(key);
      if (!group) byFirstLetters.set(key, (group = []));
      group.push(term);
    }
    // Two levels, so the manifest stays small at any vocabulary: it names each first letter and where its shards
    // start; the shard keys under a letter are in that letter's table. A query word needs one table.
    const groups: ShardGroup[] = [];
    const tables: string[][] = [];
    let shardCount = 0;
    for (const letter of [...byFirstLetters.keys()].sort()) {
      const shards = new Map<string, string>();
      place(shards, letter, byFirstLetters.get(letter)!, codePoints(letter).length);
      byFirstLetters.delete(letter);
      const keys = [...shards.keys()].sort();
      groups.push([letter, shardCount]);
      tables.push(keys);
      for (const key of keys) emit({ name: shardFile(shardCount++), text: shards.get(key)! });
    }
    tables.forEach((table, index) => emit({ name: tableFile(index), text: JSON.stringify(table) }));
    for (let start = 0, index = 0; start < documents; start += CHUNK_SIZE, index++) {
      const chunk = order.slice(start, start + CHUNK_SIZE).map((old) => this.rows[old]);
      emit({ name: chunkFile(index), text: JSON.stringify(chunk) });
    }

    // Filters: each type's and organisation's documents as ascending numbers, as differences (fetched only when
    // a filter is chosen); the years as ranges of numbers, since documents are numbered newest first.
    const facetLists = (count: number, valueOf: (facet: { type: number; organisation: number }) => number): number[][] => {
      const lists = Array.from({ length: count }, () => [] as number[]);
      const previous = new Array<number>(count).fill(0);
      order.forEach((old, rank) => {
        const value = valueOf(this.facets[old]!);
        if (value < 0) return;
        lists[value]!.push(rank - previous[value]!);
        previous[value] = rank;
      });
      return lists;
    };
    facetLists(this.typeKeys.length, (facet) => facet.type).forEach((list, index) => emit({ name: facetFile("typ", index), text: JSON.stringify(list) }));
    facetLists(this.organisationKeys.length, (facet) => facet.organisation).forEach((list, index) => emit({ name: facetFile("organisation", index), text: JSON.stringify(list) }));
    const years: YearRange[] = [];
    order.forEach((old, rank) => {
      const { year } = this.facets[old]!;
      if (year === 0) return;
      const last = years.at(-1);
      if (last && last[0] === year && last[1] + last[2] === rank) last[2]++;
      else years.push([year, rank, 1]);
    });
    // The excerpt texts count as they were added, whether a sink took them or they come with the files, so the
    // version is the same either way (a build's index and the dev server's).
    hash.update(this.textHash.digest("hex"));
    const manifest: Manifest = {
      format: 3,
      version: hash.update(stopWords.join(" ")).digest("hex").slice(0, 12),
      documents,
      chunk: CHUNK_SIZE,
      groups,
      types: this.typeKeys,
      organisations: this.organisationKeys,
      years,
      stopWords: [...stopWords],
    };
    const manifestFile = { name: MANIFEST_FILE, text: JSON.stringify(manifest) };
    // Written last: a folder with a manifest has all the files it names.
    this.give(manifestFile);
    const files = this.kept.splice(0);
    return { files, documents, terms: termCount, postings };
  }
}

/** The number of a value in a list of distinct values, added at its end when new. */
function numberIn(list: string[], value: string): number {
  const at = list.indexOf(value);
  return at < 0 ? list.push(value) - 1 : at;
}

/**
 * A document's excerpt text in blocks cut between words, each about excerptBlockSize(its number) characters: its
 * facts, then its body, as far as EXCERPT_BLOCKS blocks go. A search fetches a shown result's blocks one by one until
 * one has a matched word, so a result usually costs the first block; a word found only further on gets no excerpt
 * (its summary shows).
 */
export function excerptBlocks(facts: string, body: string): string[] {
  const text = facts === "" ? body : body === "" ? facts : `${facts}\n${body}`;
  const blocks: string[] = [];
  let at = 0;
  while (at < text.length && blocks.length < EXCERPT_BLOCKS) {
    const size = excerptBlockSize(blocks.length);
    let end = Math.min(text.length, at + size);
    if (end < text.length) {
      // Cut at the last space or line break in the block's last fifth, so no word is split between two blocks.
      const space = Math.max(text.lastIndexOf(" ", end - 1), text.lastIndexOf("\n", end - 1));
      if (space > at + size * 0.8) end = space + 1;
    }
    blocks.push(text.slice(at, end));
    at = end;
  }
  return blocks;
}

// @ts-check
// The search itself, without the page: reads the static index the build writes (src/outputs/search/) and ranks documents.
// No DOM here, so the tests run this very file in Node against a built site (tests/helpers/search.ts).
//
// The index lives in one folder (/sok/index/, with the path prefix):
//   index.json   the manifest: format, version, number of documents, documents per chunk, the shard groups
//                (each first letter of a shard key and the number of its first shard) and the stop words (so a
//                query drops exactly the words the index left out)
//   k<g>.json    group g's shard keys (term prefixes), sorted: shard i of the group is t<first + i>.json
//   t<i>.json    the terms whose longest shard key is the i-th in sorted order: [term, doc, weight, doc, weight, …]
//                per term, documents as differences from the previous one (ascending), weights as whole numbers
//   d<i>.json    documents i·chunk … (i+1)·chunk−1, newest first: [url, title, type, day, date, summary]
// A query fetches the manifest once, then its words' letters' tables, their shards and the chunks of the results
// it shows. The manifest stays small however large the vocabulary: its shard keys are a level down.
import { createTerms, wordsOf } from "./search-terms.js";

/**
 * @typedef {object} Manifest
 * @property {2} format
 * @property {string} version changes whenever any file of the index does; added to each table, shard and chunk URL
 * @property {number} documents
 * @property {number} chunk documents per d<i>.json
 * @property {ShardGroup[]} groups by first letter, in the shard keys' order; a term lives in the shard of the
 *   longest key it starts with, which is in the group of its first letter
 * @property {string[]} stopWords
 */

/** @typedef {[letter: string, first: number]} ShardGroup a first letter, and the number of the first shard whose key starts with it */

/** @typedef {(string | number)[]} PostingRow a term followed by pairs of (document difference, weight) */
/** @typedef {[url: string, title: string, type: string, day: string, date: string, summary: string]} DocumentRow */

/**
 * @typedef {object} SearchDocument
 * @property {number} id rank in the index (0 is the newest document)
 * @property {string} url site-relative, without the path prefix
 * @property {string} title
 * @property {string} type the type's Swedish label
 * @property {string} day ISO day, for <time datetime>
 * @property {string} date the day written out in Swedish
 * @property {string} summary
 */

/**
 * @typedef {object} SearchResult
 * @property {number[]} ids matching documents, best first (newer first among equals)
 * @property {(term: string) => boolean} matches whether a term is one the query matched (for <mark>)
 */

/** @typedef {(url: string, fresh: boolean) => Promise<unknown>} LoadJson */
/** @typedef {(word: string) => string} Stemmer */

export const MANIFEST_FILE = "index.json";
/** The last query word is a prefix from this many letters on (search as you type); shorter ones match whole. */
export const MIN_PREFIX = 3;
/** A word found only through the prefix (not its own stem) counts this much. */
export const PREFIX_WEIGHT = 0.8;

/** @param {number} index */
export function shardFile(index) {
  return `t${index}.json`;
}

/** @param {number} index */
export function tableFile(index) {
  return `k${index}.json`;
}

/** @param {number} index */
export function chunkFile(index) {
  return `d${index}.json`;
}

/** @type {LoadJson} */
async function fetchJson(url, fresh) {
  // The manifest is checked with the server on every load (a new build changes its version); the other files
  // carry that version in their URL, so a cached copy is always the right one.
  const response = await fetch(url, fresh ? { cache: "no-cache" } : {});
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

/**
 * @typedef {object} QueryWord
 * @property {string} term the word's stem
 * @property {string} typed the word as typed (lower case) when it is matched as a prefix, otherwise ""
 */

export class SearchIndex {
  /**
   * @param {string} baseUrl the index folder's URL, ending in "/" (absolute, with the path prefix)
   * @param {Stemmer} stem the Swedish stemmer the index was built with (/assets/stemmer-sv.js)
   * @param {LoadJson} [loadJson] how files are read (fetch in the browser; tests read the built folder)
   */
  constructor(baseUrl, stem, loadJson = fetchJson) {
    this.baseUrl = baseUrl;
    this.stem = stem;
    this.loadJson = loadJson;
    /** @type {Promise<{ manifest: Manifest, terms: import("./search-terms.js").Terms, groups: Map<string, { index: number, first: number }> }> | undefined} */
    this.loaded = undefined;
    /** @type {Map<number, Promise<string[]>>} */
    this.tables = new Map();
    /** @type {Map<number, Promise<Map<string, PostingRow>>>} */
    this.shards = new Map();
    /** @type {Map<number, Promise<DocumentRow[]>>} */
    this.chunks = new Map();
  }

  /** Loads the manifest (once; again after a failure). */
  load() {
    this.loaded ??= (async () => {
      const manifest = /** @type {Manifest} */ (await this.loadJson(this.baseUrl + MANIFEST_FILE, true));
      if (manifest.format !== 2) throw new Error(`unknown search index format ${manifest.format}`);
      const groups = new Map(manifest.groups.map(([letter, first], index) => [letter, { index, first }]));
      return { manifest, terms: createTerms(this.stem, manifest.stopWords), groups };
    })();
    this.loaded.catch(() => {
      this.loaded = undefined;
    });
    return this.loaded;
  }

  /**
   * The words of a query: stop words dropped, repeats once. The last word is also a prefix when `prefix` is set
   * and it is long enough (a query typed so far, not yet followed by a space).
   * @param {string} query
   * @param {boolean} prefix
   * @returns {Promise<QueryWord[]>}
   */
  async words(query, prefix) {
    const { terms } = await this.load();
    // Cut and lower-cased as the builder does (search-terms.js, eachWord): the whole text at once.
    const written = wordsOf(query.normalize("NFC").toLowerCase());
    const last = written.length - 1;
    const endsInWord = last >= 0 && /[\p{L}\p{M}\p{N}]$/u.test(query.trimEnd()) && query.trimEnd().length === query.length;
    /** @type {QueryWord[]} */
    const words = [];
    written.forEach(({ word }, index) => {
      const term = terms.termOfLower(word);
      if (term === "") return;
      const typed = prefix && endsInWord && index === last ? terms.typedOf(word) : "";
      words.push({ term, typed: typed.length >= MIN_PREFIX ? typed : "" });
    });
    // The same stem twice adds nothing; a prefix word keeps its prefix.
    const byTerm = new Map();
    for (const word of words) if (!byTerm.has(word.term) || word.typed) byTerm.set(word.term, word);
    return [...byTerm.values()];
  }

  /**
   * Documents that have every word of the query, best first.
   * @param {string} query
   * @param {{ prefix?: boolean }} [options] prefix: the last word may be the start of a longer word (default)
   * @returns {Promise<SearchResult>}
   */
  async search(query, { prefix = true } = {}) {
    const words = await this.words(query, prefix);
    if (words.length === 0) return { ids: [], matches: () => false };
    const matchers = words.map(matcherOf);
    const perWord = await Promise.all(words.map((word, index) => this.scores(word, /** @type {(term: string) => boolean} */ (matchers[index]))));
    // Every word must match: walk the rarest word's documents and look each up in the others.
    perWord.sort((a, b) => a.size - b.size);
    const [rarest, ...others] = perWord;
    /** @type {[number, number][]} */
    const found = [];
    for (const [id, weight] of rarest ?? []) {
      let total = weight;
      for (const other of others) {
        const more = other.get(id);
        if (more === undefined) {
          total = -1;
          break;
        }
        total += more;
      }
      if (total >= 0) found.push([id, total]);
    }
    found.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return { ids: found.map(([id]) => id), matches: (term) => matchers.some((matches) => matches(term)) };
  }

  /**
   * Each document's weight for one query word: the best of the terms the word matches.
   * @param {QueryWord} word
   * @param {(term: string) => boolean} matches
   */
  async scores(word, matches) {
    const shards = await Promise.all((await this.shardKeys(word)).map((index) => this.shard(index)));
    /** @type {Map<number, number>} */
    const scores = new Map();
    for (const shard of shards) {
      for (const [term, row] of shard) {
        if (!matches(term)) continue;
        const factor = term === word.term ? 1 : PREFIX_WEIGHT;
        let id = 0;
        for (let at = 1; at + 1 < row.length; at += 2) {
          id += /** @type {number} */ (row[at]);
          const weight = /** @type {number} */ (row[at + 1]) * factor;
          const before = scores.get(id);
          if (before === undefined || weight > before) scores.set(id, weight);
        }
      }
    }
    return scores;
  }

  /**
   * The shards that can hold a word's terms, as indexes into the manifest's list.
   * @param {QueryWord} word
   * @returns {Promise<number[]>}
   */
  async shardKeys(word) {
    /** @type {Set<number>} */
    const wanted = new Set();
    // A term lives in the shard of the longest key it starts with (src/outputs/search/index-builder.ts).
    const own = await this.group(word.term);
    let longest = -1;
    own.keys.forEach((key, index) => {
      if (word.term.startsWith(key) && (longest < 0 || key.length > /** @type {string} */ (own.keys[longest]).length)) longest = index;
    });
    if (longest >= 0) wanted.add(own.first + longest);
    if (word.typed) {
      // Longer words that start with what was typed: in the shards of the typed word's prefixes and in every
      // shard whose key starts with it.
      const typed = await this.group(word.typed);
      typed.keys.forEach((key, index) => {
        if (word.typed.startsWith(key) || key.startsWith(word.typed)) wanted.add(typed.first + index);
      });
    }
    return [...wanted].sort((a, b) => a - b);
  }

  /**
   * The shard keys under a word's first letter (their table fetched once), and the number of the first of them.
   * @param {string} word
   * @returns {Promise<{ keys: string[], first: number }>}
   */
  async group(word) {
    const { manifest, groups } = await this.load();
    const letter = String.fromCodePoint(/** @type {number} */ (word.codePointAt(0)));
    const group = groups.get(letter);
    if (!group) return { keys: [], first: 0 };
    let table = this.tables.get(group.index);
    if (!table) {
      table = /** @type {Promise<string[]>} */ (this.loadJson(`${this.baseUrl}${tableFile(group.index)}?v=${manifest.version}`, false));
      this.tables.set(group.index, table);
      table.catch(() => this.tables.delete(group.index));
    }
    return { keys: await table, first: group.first };
  }

  /**
   * One shard's terms (fetched once).
   * @param {number} index
   */
  async shard(index) {
    const { manifest } = await this.load();
    let shard = this.shards.get(index);
    if (!shard) {
      shard = this.loadJson(`${this.baseUrl}${shardFile(index)}?v=${manifest.version}`, false).then(
        (rows) => new Map(/** @type {PostingRow[]} */ (rows).map((row) => [String(row[0]), row])),
      );
      this.shards.set(index, shard);
      shard.catch(() => this.shards.delete(index));
    }
    return shard;
  }

  /**
   * The shown data of documents, in the order given (fetched by chunk, each chunk once).
   * @param {readonly number[]} ids
   * @returns {Promise<SearchDocument[]>}
   */
  async documents(ids) {
    const { manifest } = await this.load();
    const chunkOf = (/** @type {number} */ id) => Math.floor(id / manifest.chunk);
    const chunks = new Map(
      await Promise.all(
        [...new Set(ids.map(chunkOf))].map(async (index) => /** @type {const} */ ([index, await this.chunk(index, manifest)])),
      ),
    );
    return ids.map((id) => {
      const row = chunks.get(chunkOf(id))?.[id % manifest.chunk];
      if (!row) throw new Error(`search index: no document ${id}`);
      const [url, title, type, day, date, summary] = row;
      return { id, url, title, type, day, date, summary };
    });
  }

  /**
   * @param {number} index
   * @param {Manifest} manifest
   */
  chunk(index, manifest) {
    let chunk = this.chunks.get(index);
    if (!chunk) {
      chunk = /** @type {Promise<DocumentRow[]>} */ (this.loadJson(`${this.baseUrl}${chunkFile(index)}?v=${manifest.version}`, false));
      this.chunks.set(index, chunk);
      chunk.catch(() => this.chunks.delete(index));
    }
    return chunk;
  }

  /**
   * A shown text cut into plain and matched parts, for <mark> (built by the page with DOM text nodes).
   * @param {string} text
   * @param {(term: string) => boolean} matches
   * @returns {Promise<{ text: string, mark: boolean }[]>}
   */
  async marked(text, matches) {
    const { terms } = await this.load();
    /** @type {{ text: string, mark: boolean }[]} */
    const parts = [];
    let at = 0;
    for (const { word, index } of wordsOf(text)) {
      const term = terms.termOf(word);
      if (term === "" || !matches(term)) continue;
      if (index > at) parts.push({ text: text.slice(at, index), mark: false });
      parts.push({ text: word, mark: true });
      at = index + word.length;
    }
    if (at < text.length) parts.push({ text: text.slice(at), mark: false });
    return parts;
  }
}

/**
 * Which terms a query word matches: its own stem, and as a prefix also every term that starts with what was typed.
 * Never a shorter stem that the typed word starts with: "nationalskald" is not "nation" (issue 11).
 * @param {QueryWord} word
 * @returns {(term: string) => boolean}
 */
function matcherOf({ term, typed }) {
  if (!typed) return (candidate) => candidate === term;
  return (candidate) => candidate === term || candidate.startsWith(typed);
}

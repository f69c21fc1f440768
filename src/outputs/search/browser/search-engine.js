// @ts-check
// The search itself, without the page: reads the static index the build writes (src/outputs/search/) and ranks documents.
// No DOM here, so the tests run this very file in Node against a built site (tests/helpers/search.ts).
//
// The index lives in one folder (/sok/index/, with the path prefix):
//   index.json   the manifest: format, version, number of documents, documents per chunk, the shard groups
//                (each first letter of a shard key and the number of its first shard), the stop words (so a
//                query drops exactly the words the index left out), and the filters' values: type and organisation
//                keys, and each year's documents as a range of numbers
//   k<g>.json    group g's shard keys (term prefixes), sorted: shard i of the group is t<first + i>.json
//   t<i>.json    the terms whose longest shard key is the i-th in sorted order, per term
//                [term, forms?, doc, weight, mask?, doc, weight, mask?, …]: documents as differences from the previous
//                one (ascending), weights as whole numbers; forms are the lower-case words written in the documents
//                that gave the term (left out when the only one is the term itself, a string when there is one
//                other), and with a list of forms each posting has a mask of the forms its document has
//   d<i>.json    documents i·chunk … (i+1)·chunk−1, newest first: [url, title, type, day, date, summary, blocks, text]
//   x<t>-<b>.json  excerpt text t's block b (of `blocks`): a document's facts and body, as a JSON string; t is the
//                document's `text` (its number in the order the builder was given it, so the text can be written
//                before the documents are ordered)
//   ft<i>.json, fo<i>.json  the documents of the manifest's i-th type or organisation, as differences (filters)
// A query fetches the manifest once, then its words' letters' tables, their shards, the chunks of the results it
// shows and, for each of those, excerpt blocks until one has a matched word; the filters' lists only when chosen.
// The manifest stays small however large the vocabulary: its shard keys are a level down.
import { createTerms, wordsOf } from "./search-terms.js";

/**
 * @typedef {object} Manifest
 * @property {3} format
 * @property {string} version changes whenever any file of the index does; added to each table, shard and chunk URL
 * @property {number} documents
 * @property {number} chunk documents per d<i>.json
 * @property {ShardGroup[]} groups by first letter, in the shard keys' order; a term lives in the shard of the
 *   longest key it starts with, which is in the group of its first letter
 * @property {string[]} stopWords
 * @property {string[]} types the type keys the filter files ft<i>.json are numbered by
 * @property {string[]} organisations the organisation keys the filter files fo<i>.json are numbered by
 * @property {YearRange[]} years
 */

/** @typedef {[year: number, first: number, count: number]} YearRange documents first … first + count − 1 are from the year */

/**
 * @typedef {object} Filters what the search page's filters chose ("" or left out: any)
 * @property {string} [typ] a type's key
 * @property {string} [organisation] an organisation's key
 * @property {string} [ar] a year

/** @typedef {[letter: string, first: number]} ShardGroup a first letter, and the number of the first shard whose key starts with it */

/** @typedef {(string | number)[]} PostingRow a term followed by pairs of (document difference, weight) */
/** @typedef {[url: string, title: string, type: string, day: string, date: string, summary: string, blocks: number, text: number]} DocumentRow */
/** @typedef {{ text: string, mark: boolean }[]} MarkedText a text cut into plain and matched parts, for <mark> */

/**
 * @typedef {object} SearchDocument
 * @property {number} id rank in the index (0 is the newest document)
 * @property {string} url site-relative, without the path prefix
 * @property {string} title
 * @property {string} type the type's Swedish label
 * @property {string} day ISO day, for <time datetime>
 * @property {string} date the day written out in Swedish
 * @property {string} summary
 * @property {number} blocks how many excerpt blocks the document has
 * @property {number} text the number of its excerpt text files (x<text>-<block>.json)
 * @property {MarkedText} [excerpt] the text around the matched words (asked for with documents(ids, matches)),
 *   "…" where it is cut; absent when the matched words are not in the excerpt text (only in title, summary or tags)
 */

/**
 * @typedef {object} SearchResult
 * @property {number[]} ids matching documents, best first: more query words written exactly as the document writes
 *   them first, then by weight, then newer first
 * @property {number[]} exact for each of ids, how many query words the document has exactly as written
 * @property {(term: string) => boolean} matches whether a term is one the query matched (for <mark>)
 */

/** @typedef {(url: string, fresh: boolean) => Promise<unknown>} LoadJson */
/** @typedef {(word: string) => string} Stemmer */

export const MANIFEST_FILE = "index.json";
/** The last query word is a prefix from this many letters on (search as you type); shorter ones match whole. */
export const MIN_PREFIX = 3;
/** A word found only through the prefix (not its own stem) counts this much. */
export const PREFIX_WEIGHT = 0.8;
/** A word found through its stem in another written form ("kreativa" for "kreativt") counts this much. */
export const STEM_WEIGHT = 0.7;
/**
 * The excerpt text's blocks (src/outputs/search/index-builder.ts): the first of EXCERPT_BLOCK characters, the second
 * of the next REST_BLOCK. A result whose word is near the start fetches the first block only, and a text takes two
 * files rather than one per 2,000 characters: most of the index's files are these blocks, and each file costs a build
 * its writing and a deploy its upload (bench/RESULTS.md, issue 11). A word beyond the first block costs the same
 * 14,000 characters at most as with three growing blocks before.
 */
const EXCERPT_BLOCK = 2000;
const REST_BLOCK = 12000;
export const EXCERPT_BLOCKS = 2;

/** @param {number} block */
export function excerptBlockSize(block) {
  return block === 0 ? EXCERPT_BLOCK : REST_BLOCK;
}
/** About how many characters an excerpt shows, and how many of them come before the first matched word. */
const EXCERPT_LENGTH = 200;
const EXCERPT_LEAD = 60;

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

/** @param {number} text a document's text number (its row's `text`) @param {number} block */
export function textFile(text, block) {
  return `x${text}-${block}.json`;
}

/** @param {"typ" | "organisation"} filter @param {number} index */
export function facetFile(filter, index) {
  return `f${filter === "typ" ? "t" : "o"}${index}.json`;
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
 * @property {string} written the word as typed, lower case: a document with this very form matches it exactly
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
    /** @type {Map<string, Promise<unknown>>} excerpt blocks and filter lists, by file name */
    this.files = new Map();
  }

  /** Loads the manifest (once; again after a failure). */
  load() {
    this.loaded ??= (async () => {
      const manifest = /** @type {Manifest} */ (await this.loadJson(this.baseUrl + MANIFEST_FILE, true));
      if (manifest.format !== 3) throw new Error(`unknown search index format ${manifest.format}`);
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
      words.push({ term, typed: typed.length >= MIN_PREFIX ? typed : "", written: word });
    });
    // The same stem twice adds nothing; a prefix word keeps its prefix.
    const byTerm = new Map();
    for (const word of words) if (!byTerm.has(word.term) || word.typed) byTerm.set(word.term, word);
    return [...byTerm.values()];
  }

  /**
   * Documents that have every word of the query, best first.
   * @param {string} query
   * @param {{ prefix?: boolean, filters?: Filters }} [options] prefix: the last word may be the start of a longer
   *   word (default); filters: only documents of this type, organisation and year
   * @returns {Promise<SearchResult>}
   */
  async search(query, { prefix = true, filters = {} } = {}) {
    const words = await this.words(query, prefix);
    if (words.length === 0) return { ids: [], exact: [], matches: () => false };
    const matchers = words.map(matcherOf);
    const [allowed, ...perWord] = await Promise.all([
      this.allowed(filters),
      ...words.map((word, index) => this.scores(word, /** @type {(term: string) => boolean} */ (matchers[index]))),
    ]);
    // Every word must match: walk the rarest word's documents and look each up in the others.
    perWord.sort((a, b) => a.size - b.size);
    const [rarest, ...others] = perWord;
    /** @type {[id: number, weight: number, exact: number][]} */
    const found = [];
    for (const [id, [weight, exact]] of rarest ?? []) {
      if (allowed && !allowed(id)) continue;
      let total = weight;
      let exactWords = exact;
      for (const other of others) {
        const more = other.get(id);
        if (more === undefined) {
          total = -1;
          break;
        }
        total += more[0];
        exactWords += more[1];
      }
      if (total >= 0) found.push([id, total, exactWords]);
    }
    // A word written as the document writes it ranks above a match through the stem alone ("Kreativum" before
    // "kreativa"), whatever the weights; then the weight, then the newer document.
    found.sort((a, b) => b[2] - a[2] || b[1] - a[1] || a[0] - b[0]);
    return { ids: found.map(([id]) => id), exact: found.map(([, , exact]) => exact), matches: (term) => matchers.some((matches) => matches(term)) };
  }

  /**
   * Which documents the filters let through, or undefined when none is chosen. An unknown value lets none through.
   * @param {Filters} filters
   * @returns {Promise<((id: number) => boolean) | undefined>}
   */
  async allowed({ typ = "", organisation = "", ar = "" }) {
    if (typ === "" && organisation === "" && ar === "") return undefined;
    const { manifest } = await this.load();
    /** @type {((id: number) => boolean)[]} */
    const tests = [];
    /** @param {"typ" | "organisation"} filter @param {string[]} keys @param {string} key */
    const listed = async (filter, keys, key) => {
      const at = keys.indexOf(key);
      if (at < 0) return () => false;
      const differences = /** @type {number[]} */ (await this.file(facetFile(filter, at), manifest));
      const ids = new Set();
      let id = 0;
      for (const difference of differences) ids.add((id += difference));
      return (/** @type {number} */ candidate) => ids.has(candidate);
    };
    if (typ !== "") tests.push(await listed("typ", manifest.types, typ));
    if (organisation !== "") tests.push(await listed("organisation", manifest.organisations, organisation));
    if (ar !== "") {
      const ranges = manifest.years.filter(([year]) => String(year) === ar);
      tests.push((id) => ranges.some(([, first, count]) => id >= first && id < first + count));
    }
    return (id) => tests.every((test) => test(id));
  }

  /**
   * Each document's weight for one query word, the best of the terms the word matches, and whether the document
   * has the word exactly as written (1) or not (0).
   * @param {QueryWord} word
   * @param {(term: string) => boolean} matches
   */
  async scores(word, matches) {
    const shards = await Promise.all((await this.shardKeys(word)).map((index) => this.shard(index)));
    /** @type {Map<number, [number, number]>} */
    const scores = new Map();
    for (const shard of shards) {
      for (const [term, row] of shard) {
        if (!matches(term)) continue;
        const own = term === word.term;
        // The written forms (see the file's header): a mask per posting only with a list of them.
        const forms = typeof row[1] === "number" ? [term] : typeof row[1] === "string" ? [row[1]] : /** @type {string[]} */ (/** @type {unknown} */ (row[1]));
        const masked = Array.isArray(row[1]);
        const step = masked ? 3 : 2;
        let exactBits = 0;
        let prefixBits = 0;
        forms.forEach((form, bit) => {
          if (form === word.written) exactBits |= 1 << bit;
          if (word.typed && form.startsWith(word.typed)) prefixBits |= 1 << bit;
        });
        let id = 0;
        for (let at = typeof row[1] === "number" ? 1 : 2; at + 1 < row.length; at += step) {
          id += /** @type {number} */ (row[at]);
          const mask = masked ? /** @type {number} */ (row[at + 2]) : 1;
          const exact = (mask & exactBits) !== 0;
          // Written alike counts whole; begun alike (typing on) a little less; the same stem alone less again.
          const factor = exact ? 1 : (mask & prefixBits) !== 0 || !own ? PREFIX_WEIGHT : STEM_WEIGHT;
          const weight = /** @type {number} */ (row[at + 1]) * factor;
          const before = scores.get(id);
          if (before === undefined) scores.set(id, [weight, exact ? 1 : 0]);
          else {
            if (weight > before[0]) before[0] = weight;
            if (exact) before[1] = 1;
          }
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
   * The shown data of documents, in the order given (fetched by chunk, each chunk once); given the query's
   * matches, each with its excerpt (its text fetched block by block until a block has a matched word).
   * @param {readonly number[]} ids
   * @param {(term: string) => boolean} [matches]
   * @returns {Promise<SearchDocument[]>}
   */
  async documents(ids, matches) {
    const { manifest } = await this.load();
    const chunkOf = (/** @type {number} */ id) => Math.floor(id / manifest.chunk);
    const chunks = new Map(
      await Promise.all(
        [...new Set(ids.map(chunkOf))].map(async (index) => /** @type {const} */ ([index, await this.chunk(index, manifest)])),
      ),
    );
    const documents = ids.map((id) => {
      const row = chunks.get(chunkOf(id))?.[id % manifest.chunk];
      if (!row) throw new Error(`search index: no document ${id}`);
      const [url, title, type, day, date, summary, blocks, text] = row;
      return { id, url, title, type, day, date, summary, blocks, text };
    });
    if (!matches) return documents;
    return Promise.all(
      documents.map(async (document) => {
        const excerpt = await this.excerpt(document, matches);
        return excerpt ? { ...document, excerpt } : document;
      }),
    );
  }

  /**
   * The excerpt of one document: its text's blocks in order until one has a matched word, then about
   * EXCERPT_LENGTH characters around the matched words (the stretch with the most different ones). When the title
   * or the summary has a matched word already, the first block only: the summary explains the match well enough,
   * and a page of results whose word is in every title does not fetch every block of every document.
   * @param {SearchDocument} document
   * @param {(term: string) => boolean} matches
   * @returns {Promise<MarkedText | undefined>}
   */
  async excerpt({ text: number, blocks, title, summary }, matches) {
    const { manifest, terms } = await this.load();
    const shown = `${title} ${summary}`;
    const explained = wordsOf(shown).some(({ word }) => {
      const term = terms.termOf(word);
      return term !== "" && matches(term);
    });
    const last = explained ? Math.min(blocks, 1) : blocks;
    for (let block = 0; block < last; block++) {
      const text = String(await this.file(textFile(number, block), manifest));
      const words = wordsOf(text);
      /** @type {{ index: number, term: string }[]} */
      const found = [];
      for (const { word, index } of words) {
        const term = terms.termOf(word);
        if (term !== "" && matches(term)) found.push({ index, term });
      }
      if (found.length === 0) continue;
      let best = 0;
      let bestCount = 0;
      found.forEach(({ index }, at) => {
        const within = new Set(found.slice(at).filter((other) => other.index < index + EXCERPT_LENGTH - EXCERPT_LEAD).map((other) => other.term));
        if (within.size > bestCount) {
          best = index;
          bestCount = within.size;
        }
      });
      // Whole words only: from the start of the line (a fact, a paragraph) when that is within the lead, else the
      // first word starting at or after the lead; to the last word ending in the length (the text's end when only
      // punctuation follows).
      const lineStart = text.lastIndexOf("\n", best) + 1;
      const from = best - lineStart <= EXCERPT_LEAD ? lineStart : (words.find(({ index }) => index >= best - EXCERPT_LEAD)?.index ?? best);
      let to = from;
      for (const { word, index } of words) if (index >= from && index + word.length <= from + EXCERPT_LENGTH) to = index + word.length;
      if (to <= best || !/[\p{L}\p{M}\p{N}]/u.test(text.slice(to))) to = text.length;
      const before = from > 0 || block > 0 ? "… " : "";
      const after = to < text.length || block < blocks - 1 ? " …" : "";
      // Lines (facts, paragraphs) are kept apart by a middle dot: run together they would read as one sentence.
      const shown = `${before}${text.slice(from, to)}${after}`.replace(/\s*\n\s*/g, " · ").replace(/\s+/g, " ");
      return this.marked(shown, matches);
    }
    return undefined;
  }

  /**
   * A file of the index by name (an excerpt block, a filter's list), fetched once.
   * @param {string} name
   * @param {Manifest} manifest
   */
  file(name, manifest) {
    let file = this.files.get(name);
    if (!file) {
      file = this.loadJson(`${this.baseUrl}${name}?v=${manifest.version}`, false);
      this.files.set(name, file);
      file.catch(() => this.files.delete(name));
    }
    return file;
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
   * @returns {Promise<MarkedText>}
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

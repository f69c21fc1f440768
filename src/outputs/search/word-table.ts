// The index builder's inner loop: every word of every indexed text looked up in a cache of what it was worth the
// first time (its term and form), without cutting a string per word. Cutting each word out (split()) and looking it up
// in a Map made and hashed a fresh string per word, the largest part of the worker's time (bench/RESULTS.md, issue 11);
// here the scan hashes each word's characters in place and compares them with the cached word's, and a string is made
// only for a word not seen before. Words are cut exactly as search-terms.js's eachWord cuts them (a property test
// holds the two to each other): maximal runs of letters, marks and digits, whole code points.
import { detached } from "../../text/detached.ts";
import { WORD_CHARACTERS } from "./browser/search-terms.js";

/** A text's words as a class per UTF-16 unit: not yet known, part of a word, between words, half of a surrogate pair. */
const UNKNOWN = 0;
const WORD = 1;
const BETWEEN = 2;
const SURROGATE = 3;
const WORD_CHARACTER = new RegExp(`^[${WORD_CHARACTERS}]$`, "u");

/** FNV-1a over UTF-16 units: cheap, and spreads the short words of a text well enough for linear probing. */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Classes of the units seen so far, shared by every table: a fact of Unicode, not of a build. */
const classes = new Uint8Array(0x10000);
const astralWords = new Map<number, boolean>();

function classOf(unit: number): number {
  let kind = classes[unit]!;
  if (kind === UNKNOWN) {
    kind = unit >= 0xd800 && unit <= 0xdfff ? SURROGATE : WORD_CHARACTER.test(String.fromCharCode(unit)) ? WORD : BETWEEN;
    classes[unit] = kind;
  }
  return kind;
}

function isAstralWord(codePoint: number): boolean {
  let word = astralWords.get(codePoint);
  if (word === undefined) astralWords.set(codePoint, (word = WORD_CHARACTER.test(String.fromCodePoint(codePoint))));
  return word;
}

/** A slot of the table: four numbers (the word's hash, its number, where its units start in the pool, its length + 1). */
const SLOT = 4;
const EMPTY_CAPACITY = 1024;

/**
 * Each distinct word seen, with a number worked out once by `valueOf` (called with the word as a string of its own,
 * which shares no memory with the text it was found in). The table is flat (typed arrays: the slots, and the words'
 * units one after the other in a pool), so a lookup touches two places in memory rather than a slot, a string and
 * its characters. Bounded: at `limit` words the table starts again empty, so a site with a vast vocabulary pays
 * `valueOf` again rather than memory; `valueOf` must give a word the same number every time.
 */
export class WordTable {
  private slots = new Int32Array(EMPTY_CAPACITY * SLOT);
  private mask = EMPTY_CAPACITY - 1;
  private size = 0;
  private pool = new Uint16Array(EMPTY_CAPACITY * 8);
  private pooled = 0;
  /** The numbers of the words of the last text scanned, in order (the first `scan()` of them). */
  found = new Int32Array(1024);

  constructor(
    private readonly valueOf: (word: string) => number,
    private readonly limit = 500_000,
  ) {}

  /** Scans a text already in NFC and lower case: `found` holds the numbers of its words, in order; returns how many. */
  scan(text: string): number {
    let count = 0;
    let start = -1;
    let hash = FNV_OFFSET;
    const length = text.length;
    for (let at = 0; at < length; at++) {
      const unit = text.charCodeAt(at);
      let kind = classes[unit]!;
      if (kind === UNKNOWN) kind = classOf(unit);
      if (kind === SURROGATE) {
        // A letter beyond the first plane is two units, both part of the word; any other pair, or a lone half, parts words.
        const next = at + 1 < length ? text.charCodeAt(at + 1) : 0;
        const paired = unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
        if (paired && isAstralWord(((unit - 0xd800) << 10) + (next - 0xdc00) + 0x10000)) {
          if (start < 0) {
            start = at;
            hash = FNV_OFFSET;
          }
          hash = Math.imul(Math.imul(hash ^ unit, FNV_PRIME) ^ next, FNV_PRIME);
          at++;
          continue;
        }
        if (start >= 0) {
          count = this.record(count, this.valueAt(text, start, at, hash));
          start = -1;
        }
        continue;
      }
      if (kind === WORD) {
        if (start < 0) {
          start = at;
          hash = FNV_OFFSET;
        }
        hash = Math.imul(hash ^ unit, FNV_PRIME);
      } else if (start >= 0) {
        count = this.record(count, this.valueAt(text, start, at, hash));
        start = -1;
      }
    }
    if (start >= 0) count = this.record(count, this.valueAt(text, start, length, hash));
    return count;
  }

  private record(count: number, value: number): number {
    if (count === this.found.length) {
      const bigger = new Int32Array(count * 2);
      bigger.set(this.found);
      this.found = bigger;
    }
    this.found[count] = value;
    return count + 1;
  }

  /** The number of the word text[start, end), which hashes to `hash`: from the table, or worked out and kept. */
  private valueAt(text: string, start: number, end: number, hash: number): number {
    const length = end - start;
    const { slots, pool, mask } = this;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT;
      const stored = slots[at + 3]!;
      if (stored === 0) break;
      if (slots[at] === hash && stored === length + 1 && sameUnits(pool, slots[at + 2]!, text, start, length)) return slots[at + 1]!;
    }
    // The only string made of a word: for valueOf, once, a copy that does not keep the whole text alive.
    const value = this.valueOf(detached(text.slice(start, end)));
    if (this.size >= this.limit) this.clear();
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    if (this.pooled + length > this.pool.length) {
      const bigger = new Uint16Array(Math.max(this.pool.length * 2, this.pooled + length));
      bigger.set(this.pool);
      this.pool = bigger;
    }
    for (let unit = 0; unit < length; unit++) this.pool[this.pooled + unit] = text.charCodeAt(start + unit);
    this.insert(hash, value, this.pooled, length);
    this.pooled += length;
    return value;
  }

  private insert(hash: number, value: number, from: number, length: number): void {
    const { slots, mask } = this;
    let slot = hash & mask;
    while (slots[slot * SLOT + 3] !== 0) slot = (slot + 1) & mask;
    const at = slot * SLOT;
    slots[at] = hash;
    slots[at + 1] = value;
    slots[at + 2] = from;
    slots[at + 3] = length + 1;
    this.size++;
  }

  private grow(): void {
    const old = this.slots;
    const capacity = (this.mask + 1) * 2;
    this.slots = new Int32Array(capacity * SLOT);
    this.mask = capacity - 1;
    this.size = 0;
    for (let at = 0; at < old.length; at += SLOT) if (old[at + 3] !== 0) this.insert(old[at]!, old[at + 1]!, old[at + 2]!, old[at + 3]! - 1);
  }

  /** Lets go of every word (once the index has all its documents, or at the limit). */
  clear(): void {
    this.slots = new Int32Array(EMPTY_CAPACITY * SLOT);
    this.mask = EMPTY_CAPACITY - 1;
    this.size = 0;
    this.pool = new Uint16Array(EMPTY_CAPACITY * 8);
    this.pooled = 0;
  }
}

function sameUnits(pool: Uint16Array, from: number, text: string, start: number, length: number): boolean {
  for (let at = 0; at < length; at++) if (pool[from + at] !== text.charCodeAt(start + at)) return false;
  return true;
}

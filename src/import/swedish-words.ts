// The Swedish word knowledge the importer needs: the hunspell dictionary (dictionary-sv, read by nspell),
// its own compound flags for Swedish compounds, and a list of very common words for ties.
import { createRequire } from "node:module";
import type { Dictionary } from "dictionary-sv";

export interface Lexicon {
  /** A word the dictionary knows as written (any inflection it lists), case as Swedish text uses it. */
  isWord(word: string): boolean;
  /**
   * How many known parts a compound splits into at fewest, the way Swedish writes new words
   * ("medarbetar" + "träffar" = 2); 0 when it is no compound of known words.
   */
  compoundParts(word: string): number;
  /** One of the few hundred most common Swedish words ("de flesta", not "fiesta"). */
  isCommon(word: string): boolean;
}

/** Shortest tail a compound may end in: shorter ones ("ar", "en") are endings, not words. */
const MIN_TAIL = 3;
const MIN_HEAD = 2;
/** Parts beyond the first two; "styrelse|möte|s|protokoll" is as deep as real words go. */
const MAX_DEPTH = 2;

interface Speller {
  correct(word: string): boolean;
}

/** Flags the .aff file names for compound parts (COMPOUNDBEGIN X, COMPOUNDMIDDLE U …), read, not assumed. */
function compoundFlags(aff: string): Set<string> {
  const flags = new Set<string>();
  for (const match of aff.matchAll(/^(?:COMPOUNDBEGIN|COMPOUNDMIDDLE|COMPOUNDPERMITFLAG)\s+(\S+)/gm)) flags.add(match[1] as string);
  return flags;
}

/** Stems the dictionary marks as allowed at the start of a compound ("medarbetar/UXZ"). */
function compoundHeads(dic: string, flags: Set<string>): Set<string> {
  const heads = new Set<string>();
  for (const line of dic.split("\n")) {
    const slash = line.indexOf("/");
    if (slash <= 0) continue;
    const flagText = line.slice(slash + 1).trim();
    if ([...flagText].some((flag) => flags.has(flag))) heads.add(line.slice(0, slash).toLowerCase());
  }
  return heads;
}

export function buildLexicon(speller: Speller, heads: ReadonlySet<string>, common: ReadonlySet<string>): Lexicon {
  const isWord = (word: string): boolean => speller.correct(word) || speller.correct(word.toLowerCase());
  const isHead = (head: string): boolean => {
    if (heads.has(head) || (head.length >= 3 && isWord(head))) return true;
    // Swedish joins most compounds with a linking s: "samverkans" + "grupper".
    const stem = head.endsWith("s") ? head.slice(0, -1) : "";
    return stem.length >= 3 && (heads.has(stem) || isWord(stem));
  };
  const compoundParts = (word: string, depth = 0): number => {
    const lower = word.toLowerCase();
    let fewest = 0;
    for (let cut = MIN_HEAD; cut <= lower.length - MIN_TAIL; cut++) {
      const head = lower.slice(0, cut);
      const tail = lower.slice(cut);
      if (!isHead(head)) continue;
      const tailParts = isWord(tail) ? 1 : depth < MAX_DEPTH ? compoundParts(tail, depth + 1) : 0;
      if (tailParts > 0 && (fewest === 0 || tailParts + 1 < fewest)) fewest = tailParts + 1;
    }
    return fewest;
  };
  return {
    isWord,
    compoundParts: (word) => compoundParts(word),
    isCommon: (word) => common.has(word.toLowerCase()),
  };
}

let loaded: Promise<Lexicon> | undefined;

/** Loads once per process (about a second), and only when a file actually needs a word looked up. */
export function loadSwedishLexicon(): Promise<Lexicon> {
  loaded ??= (async () => {
    const [{ default: dictionary }, { default: nspell }] = await Promise.all([
      import("dictionary-sv") as Promise<{ default: Dictionary }>,
      import("nspell"),
    ]);
    const aff = Buffer.from(dictionary.aff).toString("utf8");
    const dic = Buffer.from(dictionary.dic).toString("utf8");
    // nspell reads the Swedish COMPOUNDRULE lines as patterns that match the empty word and then accepts
    // any text at all (wooorm/nspell#21). Without them nspell still knows every listed word and inflection;
    // compounds are checked above with the dictionary's own COMPOUNDBEGIN flags instead.
    const speller = nspell({ aff: aff.replace(/^COMPOUNDRULE\b.*$/gm, ""), dic });
    const require = createRequire(import.meta.url);
    const stopwords: unknown = require("stopwords-iso");
    const swedish = (stopwords as Record<string, unknown>).sv;
    const common = new Set(Array.isArray(swedish) ? swedish.filter((word): word is string => typeof word === "string") : []);
    return buildLexicon(speller, compoundHeads(dic, compoundFlags(aff)), common);
  })();
  return loaded;
}

// @ts-check
// How text becomes search terms: ONE module for the index builder (src/outputs/search/, in Node) and the search page
// (src/outputs/search/browser/search-engine.js, in the browser), so a word is cut, dropped and stemmed the same way in both.
// The Swedish stemmer and the stop words are handed in: the builder imports the stemmer from @orama/stemmers and
// the page imports the very same file, copied into the site's assets (/assets/stemmer-sv.js); the stop words
// travel in the index's manifest. No imports here, so the module loads unchanged in both places.

/** @typedef {(word: string) => string} Stemmer */

/**
 * A word: a run of letters (with their combining marks) and digits. Hyphens, apostrophes and all punctuation
 * split words: "Älv-och-kust" is älv, och, kust; "FK:s" is fk, s; "covid-19" is covid, 19. The characters of a word,
 * for a class in a `u` expression (also the index builder's word table, src/outputs/search/word-table.ts).
 */
export const WORD_CHARACTERS = String.raw`\p{L}\p{M}\p{N}`;
const WORD = new RegExp(`[${WORD_CHARACTERS}]+`, "gu");
/** Whatever lies between two words: WORD's complement, for split(). */
const BETWEEN_WORDS = new RegExp(`[^${WORD_CHARACTERS}]+`, "u");

/** Letters counted as vowels for the "-et" rule below. */
const VOWELS = /[aeiouyåäö]/;

/**
 * The Snowball Swedish stemmer of @orama/stemmers leaves the definite neuter singular alone ("förbundet",
 * "mötet", "beslutet"), so a search for "förbund" would miss "förbundet". Snowball itself has since added a
 * guarded "-et" rule; this is ours, in the same spirit: drop a final "et" when at least three letters with a vowel
 * remain and they do not end in "h" (nyhet). It runs until it no longer applies, so "paketet" and "paket"
 * (both "pak"), and "universitetet", "universiteten" and "universitet" (all "universit") meet.
 * @param {string} stem
 */
function dropNeuterEt(stem) {
  let result = stem;
  while (result.length >= 5 && result.endsWith("et")) {
    const base = result.slice(0, -2);
    if (base.endsWith("h") || !VOWELS.test(base)) break;
    result = base;
  }
  return result;
}

/**
 * The words of a text as written, with where each starts: for marking matches in a shown text.
 * @param {string} text
 * @returns {{ word: string, index: number }[]}
 */
export function wordsOf(text) {
  const words = [];
  for (const match of text.matchAll(WORD)) words.push({ word: match[0], index: match.index ?? 0 });
  return words;
}

/**
 * The tokenizer: lower case (Swedish å, ä and ö kept as they are), stop words dropped, stemmed.
 * @param {Stemmer} stem the Swedish stemmer (@orama/stemmers/swedish)
 * @param {Iterable<string>} stopWords lower-case words never indexed nor searched for
 */
export function createTerms(stem, stopWords) {
  const stop = new Set(stopWords);
  /** @type {Map<string, string>} */
  const stems = new Map();

  /**
   * The search term of one word, or "" for a stop word.
   * @param {string} word
   */
  function termOf(word) {
    return termOfLower(word.normalize("NFC").toLowerCase());
  }

  /**
   * The search term of a word already in Unicode NFC and lower case (as eachWord gives them), or "".
   * @param {string} lower
   */
  function termOfLower(lower) {
    let term = stems.get(lower);
    if (term === undefined) {
      term = stop.has(lower) ? "" : dropNeuterEt(stem(lower));
      // Words repeat: each is stemmed once. The cache is bounded so a long-lived page never grows without end.
      if (stems.size > 50_000) stems.clear();
      stems.set(lower, term);
    }
    return term;
  }

  /**
   * The word as typed, lower case, for prefix matching while typing ("" for a stop word).
   * @param {string} word
   */
  function typedOf(word) {
    const lower = word.normalize("NFC").toLowerCase();
    return stop.has(lower) ? "" : lower;
  }

  /**
   * Calls `use` with every word of a text, in order, in NFC and lower case (stop words included).
   * @param {string} text
   * @param {(word: string) => void} use
   */
  function eachWord(text, use) {
    // split() between the words, rather than matchAll() over them, makes no match object per word.
    for (const word of text.normalize("NFC").toLowerCase().split(BETWEEN_WORDS)) if (word !== "") use(word);
  }

  /**
   * Every term of a text, in order, stop words left out.
   * @param {string} text
   * @returns {string[]}
   */
  function termsOf(text) {
    /** @type {string[]} */
    const terms = [];
    eachWord(text, (word) => {
      const term = termOfLower(word);
      if (term !== "") terms.push(term);
    });
    return terms;
  }

  return { termOf, termOfLower, typedOf, eachWord, termsOf };
}

/** @typedef {ReturnType<typeof createTerms>} Terms */

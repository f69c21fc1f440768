// Repairs the PDF export glitch that turns the ligatures fi, fl, ff, ffi and ffl into U+FFFD ("e�ekt"),
// choosing for each word the candidate a Swedish dictionary knows.
import type { Lexicon } from "./swedish-words.ts";

export const REPLACEMENT_CHARACTER = "\uFFFD";
/** Left where no candidate is a Swedish word: visible in the draft, and no U+FFFD reaches the site. */
export const UNREADABLE_MARKER = "[?]";

const LIGATURES = ["fi", "fl", "ff", "ffi", "ffl"] as const;
/** 5^3 candidates is still instant; a word with more lost letters is not a ligature glitch. */
const MAX_GAPS = 3;
const WORD = /[\p{L}\uFFFD]*\uFFFD[\p{L}\uFFFD]*/gu;

export interface LigatureRepair {
  line: number;
  from: string;
  to: string;
  /** Other candidates that were words too; more than one of equal standing needs a human. */
  alternatives: string[];
  ambiguous: boolean;
}

export interface LigatureProblem {
  line: number;
  word: string;
}

export interface LigatureResult {
  text: string;
  repairs: LigatureRepair[];
  problems: LigatureProblem[];
}

function candidates(word: string): string[] {
  const parts = word.split(REPLACEMENT_CHARACTER);
  const letters = parts.join("");
  // "E�EKT" in a shouted heading is "EFFEKT".
  const upper = letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  let results = [parts[0] as string];
  for (const part of parts.slice(1)) {
    results = results.flatMap((prefix) => LIGATURES.map((ligature) => prefix + (upper ? ligature.toUpperCase() : ligature) + part));
  }
  return results;
}

/**
 * Higher is better: a common word beats a rare one ("flesta" over "fiesta"), a listed word any compound,
 * and a compound of two parts one of three ("medarbetar|träffar" over "medarbetar|träff|lar").
 */
function standing(word: string, lexicon: Lexicon): number {
  if (lexicon.isWord(word)) return lexicon.isCommon(word) ? 3 : 2;
  const parts = lexicon.compoundParts(word);
  return parts > 0 ? 1 / parts : 0;
}

function repairWord(word: string, lexicon: Lexicon): { to?: string; alternatives: string[]; ambiguous: boolean } {
  const gaps = word.split(REPLACEMENT_CHARACTER).length - 1;
  if (gaps > MAX_GAPS || word.replaceAll(REPLACEMENT_CHARACTER, "") === "") return { alternatives: [], ambiguous: false };
  const scored = candidates(word)
    .map((candidate) => ({ candidate, score: standing(candidate, lexicon) }))
    .filter((entry) => entry.score > 0);
  if (scored.length === 0) return { alternatives: [], ambiguous: false };
  const best = Math.max(...scored.map((entry) => entry.score));
  const winners = scored.filter((entry) => entry.score === best);
  return {
    to: (winners[0] as { candidate: string }).candidate,
    alternatives: scored.map((entry) => entry.candidate).filter((candidate) => candidate !== winners[0]?.candidate),
    ambiguous: winners.length > 1,
  };
}

/** Repairs one line; `line` is its 1-based number in the input, for the report. */
export function repairLigatures(text: string, line: number, lexicon: Lexicon): LigatureResult {
  const repairs: LigatureRepair[] = [];
  const problems: LigatureProblem[] = [];
  if (!text.includes(REPLACEMENT_CHARACTER)) return { text, repairs, problems };
  const repaired = text.replace(WORD, (word) => {
    const { to, alternatives, ambiguous } = repairWord(word, lexicon);
    if (to === undefined) {
      problems.push({ line, word });
      return word.replaceAll(REPLACEMENT_CHARACTER, UNREADABLE_MARKER);
    }
    repairs.push({ line, from: word, to, alternatives, ambiguous });
    return to;
  });
  return { text: repaired, repairs, problems };
}

export function hasReplacementCharacter(text: string): boolean {
  return text.includes(REPLACEMENT_CHARACTER);
}

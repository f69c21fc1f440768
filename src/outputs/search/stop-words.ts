// The words the search index leaves out: the Swedish list of stopwords-iso, less the words in it that carry
// meaning on this site. The list goes into the index's manifest, so the search page drops the same words from
// a query (src/outputs/search/browser/search-terms.js): a query of stop words only finds nothing instead of everything.
import { createRequire } from "node:module";

/**
 * Words on stopwords-iso's Swedish list that readers do search for here: decisions and days in board minutes,
 * place names ("Lilla Edet", "Stora Tuna", "Övre Norrland"), politics (höger, vänster), amounts (kr, nummer),
 * and ordinary content words (god, viktig, möjlig …). Function words, pronouns and number words stay out.
 */
const MEANINGFUL = new Set([
  "adjö", "beslut", "beslutat", "beslutit", "bra", "bäst", "bättre", "dag", "dagar", "dagarna", "dagen", "del",
  "delen", "enkel", "enkelt", "enkla", "fin", "förlåt", "god", "goda", "godare", "godast", "gott", "hög", "höger",
  "högre", "högst", "kr", "likställd", "likställda", "lilla", "liten", "litet", "lätt", "lättare", "lättast",
  "långsam", "långsammare", "långsammast", "långsamt", "möjlig", "möjligen", "möjligt", "möjligtvis", "nedre",
  "nr", "nummer", "nödvändig", "nödvändiga", "nödvändigt", "nödvändigtvis", "stor", "stora", "stort", "större",
  "störst", "små", "smått", "sämre", "sämst", "tack", "ursäkt", "varsågod", "viktig", "viktigare", "viktigast",
  "viktigt", "vänster", "vänstra", "värre", "övre",
]);

function load(): string[] {
  const lists: unknown = createRequire(import.meta.url)("stopwords-iso");
  const swedish = (lists as Record<string, unknown>).sv;
  if (!Array.isArray(swedish) || swedish.length === 0) throw new Error("stopwords-iso har ingen svensk lista (sv).");
  return swedish.filter((word): word is string => typeof word === "string" && !MEANINGFUL.has(word)).sort();
}

/** Lower-case Swedish stop words, sorted. */
export const STOP_WORDS: readonly string[] = load();

/** For tests: the words taken back from stopwords-iso's list. */
export const MEANINGFUL_WORDS: ReadonlySet<string> = MEANINGFUL;

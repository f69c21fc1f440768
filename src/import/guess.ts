// Guesses what a document is from its words: its type, publishing organisation and summary. Each guess
// comes with the reason, so the report can tell the editor what to check.
import type { Organisation, Organisations } from "../content/data-files.ts";
import type { ArticleKey } from "../content/types.ts";
import { findDatePhrases } from "./date-phrases.ts";

export interface TypeGuess {
  type: ArticleKey;
  reason: string;
}

const CONFERENCE_WORDS = /\b(?:konferens\p{L}*|förbundschefsdag\p{L}*|seminari\p{L}*|programpunkt\p{L}*|föreläs\p{L}*|talare|dagarna)\b/iu;
const FIRST_PERSON = /\b(?:jag|mig|min|mitt|mina)\b/giu;

/** Order matters: minutes and letters have the surest signs, a news item is what is left. */
export function guessType(title: string, text: string): TypeGuess {
  if (/^\s*Protokoll\b/i.test(title) || /^\s*§\s*1\b/m.test(text)) {
    return { type: "protokoll", reason: /^\s*Protokoll\b/i.test(title) ? 'rubriken börjar med "Protokoll"' : "texten har paragrafer (§1 …)" };
  }
  if (/^\s*Brev till\b/i.test(title)) return { type: "brev", reason: 'rubriken börjar med "Brev till"' };
  if (/^\s*Hej\b[^\n]*,\s*$/im.test(text) && /^\s*Med\b[^\n]*hälsning(?:ar)?\b/im.test(text)) {
    return { type: "brev", reason: "texten börjar med en hälsning och slutar med en hälsningsfras" };
  }
  const ranges = findDatePhrases(`${title}\n${text}`, 2000).filter((phrase) => phrase.end !== undefined);
  if (ranges.length > 0 && CONFERENCE_WORDS.test(`${title} ${text}`)) {
    return { type: "konferens", reason: "konferensord och ett datumintervall (t.ex. 22-23 oktober)" };
  }
  if (/\b\d+\s+år\s+(?:med|i|på|som)\b/i.test(title)) return { type: "minnen", reason: 'rubriken säger "N år med …"' };
  const words = text.split(/\s+/).length;
  const firstPerson = text.match(FIRST_PERSON)?.length ?? 0;
  if (words > 600 && firstPerson / words > 0.015) return { type: "minnen", reason: "en lång tillbakablick i första person" };
  return { type: "nyhet", reason: "inget av de andra typernas kännetecken (protokoll, brev, konferens, minnen)" };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Ways a text names an organisation: its name, the name without "(NNS)", and the abbreviation itself. */
function namePatterns(organisation: Organisation): RegExp[] {
  const abbreviation = /\(([^)]+)\)/.exec(organisation.name)?.[1];
  const plain = organisation.name.replace(/\s*\([^)]*\)/, "").trim();
  const patterns = [new RegExp(`(?<!\\p{L})${escapeRegExp(plain)}s?(?!\\p{L})`, "giu")];
  // Abbreviations only in capitals: "NNS", never the letters inside a word.
  if (abbreviation) patterns.push(new RegExp(`(?<!\\p{L})${escapeRegExp(abbreviation)}s?(?!\\p{L})`, "gu"));
  return patterns;
}

export function organisationMentions(text: string, organisations: Organisations): { organisation: Organisation; count: number; first: number }[] {
  return organisations.all.map((organisation) => {
    const positions = namePatterns(organisation).flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match.index));
    return { organisation, count: positions.length, first: positions.length > 0 ? Math.min(...positions) : Infinity };
  })
    .filter((mention) => mention.count > 0)
    .sort((a, b) => b.count - a.count || a.first - b.first);
}

/** The organisation a line names as a whole ("Norra Västmanlands Samordningsförbund"), if any. */
export function organisationNamedBy(text: string, organisations: Organisations): Organisation | undefined {
  const mentions = organisationMentions(text, organisations);
  return mentions[0]?.organisation;
}

export function organisationForSite(host: string, organisations: Organisations): Organisation | undefined {
  return organisations.all.find((organisation) => organisation.website !== undefined && new URL(organisation.website).host === host);
}

export interface OrganisationGuess {
  key: string;
  reason: string;
}

/** The publisher: the site the page was taken from, else who the type says (sender, förbund), else the title, else the most named. */
export function guessOrganisation(input: { site?: string; known?: OrganisationGuess; title: string; text: string; organisations: Organisations }): OrganisationGuess | undefined {
  const fromSite = input.site ? organisationForSite(input.site, input.organisations) : undefined;
  if (fromSite) return { key: fromSite.key, reason: `sidan kommer från ${input.site} (logotypraden)` };
  if (input.known) return input.known;
  const inTitle = organisationNamedBy(input.title, input.organisations);
  if (inTitle) return { key: inTitle.key, reason: "namnet står i rubriken" };
  const [most] = organisationMentions(input.text, input.organisations);
  if (most) return { key: most.organisation.key, reason: `nämns oftast i texten (${most.count} gånger)` };
  return undefined;
}

const SENTENCE_END = /(?<=[.!?])\s+(?=[\p{Lu}\p{N}–"”])/u;
const SUMMARY_MAX = 300;

/** The first sentence or two of the first paragraph of running text (not a heading, list or greeting). */
export function guessSummary(markdown: string): string | undefined {
  const paragraph = markdown
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .find((block) => !/^(?:#|- |\\?[>])/.test(block) && block.length >= 40 && /[.!?”"]$/.test(block));
  if (!paragraph) return undefined;
  const sentences = paragraph.replace(/\\\n/g, " ").replace(/\\([.)#>+=])/g, "$1").split(SENTENCE_END);
  let summary = "";
  for (const sentence of sentences) {
    const next = summary === "" ? sentence : `${summary} ${sentence}`;
    if (summary !== "" && (next.length > SUMMARY_MAX || summary.length >= 100)) break;
    summary = next;
  }
  return summary.trim() || undefined;
}

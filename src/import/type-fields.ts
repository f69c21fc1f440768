// The type-specific fields read from the text: staffing changes in news, dates, place and speakers of a
// conference, sender and recipient of a letter, author and years of a memoir. Minutes live in minutes.ts.
import type { FrontMatterInput, TypeKey } from "../content/types.ts";
import type { Signing } from "./chrome.ts";
import { findDatePhrases, parseDatePhrase, yearsIn } from "./date-phrases.ts";
import { organisationNamedBy, type OrganisationGuess } from "./guess.ts";
import type { Organisations } from "../content/data-files.ts";
import { blockText, type Block } from "./lines.ts";
import { toMarkdown } from "./markdown.ts";

export interface ImportSource {
  title: string;
  titleLine?: number;
  blocks: Block[];
  /** All content text, blocks joined by blank lines. */
  text: string;
  /** ÅÅÅÅ-MM-DD from a line above the headline that held only a date. */
  dateline?: { line: number; date: string };
  signings: Signing[];
  /** The import day (ÅÅÅÅ-MM-DD), for "the latest year" guesses. */
  today: string;
  /** The organisations of the content folder imported into (content/data/organisationer.yml). */
  organisations: Organisations;
}

export interface HumanNote {
  field?: string;
  line?: number;
  text: string;
}

/** A field of type K, as its schema names it. */
export type FieldName<K extends TypeKey> = keyof FrontMatterInput<K> & string;

export interface Extraction<K extends TypeKey> {
  /** Front matter values, typed by the type's schema: a misspelt field name does not compile. */
  fields: Partial<FrontMatterInput<K>>;
  /** How each guessed field was found, for the report. */
  reasons: Partial<Record<FieldName<K>, string>>;
  /** Markdown body. */
  body: string;
  organisation?: OrganisationGuess;
  human: HumanNote[];
}

/** "Magnus Simonsson", "Magnus von Schenck": capitalised words, with the Swedish nobility particles. */
export const NAME = "\\p{Lu}[\\p{L}-]+(?:\\s+(?:von|af|de)\\b)?(?:\\s+\\p{Lu}[\\p{L}-]+){1,2}";
const FULL_NAME_LINE = new RegExp(`^${NAME}$`, "u");
const GREETING_CLOSE = /^(?:Med\b.*hälsning(?:ar)?|(?:Vänliga|Bästa|Varma|Många)\s+hälsningar|Hälsningar|Mvh)\b[\s\p{L},]*[,.!]?$/iu;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function firstBlocksText(source: ImportSource, count: number): string {
  return source.blocks.slice(0, count).map(blockText).join("\n");
}

// ---- nyhet ---------------------------------------------------------------------------------------

const STAFFING_VERB: Record<string, "slutar" | "börjar" | "byter"> = {
  slutar: "slutar", slutat: "slutar", lämnar: "slutar", lämnat: "slutar",
  börjar: "börjar", börjat: "börjar", blir: "börjar",
  byter: "byter", bytt: "byter",
};
const ROLE_END = "(?=\\s+(?:för|i|på|hos|vid|och|inom|efter|från)\\s|[.,;:!?–]|$)";
const STAFFING = new RegExp(
  `(?<person>\\p{Lu}[\\p{L}-]+(?:\\s+(?:von\\s+|af\\s+)?\\p{Lu}[\\p{L}-]+)*)\\s+(?:har\\s+)?(?<verb>slutat|slutar|lämnar|lämnat|börjat|börjar|byter|bytt)\\s+(?:sin\\s+tjänst\\s+|rollen\\s+|jobbet\\s+)?som\\s+(?<role>[^.,;:!?]+?)${ROLE_END}`,
  "u",
);
const NEW_IN_ROLE = new RegExp(
  `(?:(?<person>${NAME})\\s+(?:blir|är)\\s+)?\\b[Nn]y(?:tt)?\\s+(?<role>(?:\\p{Ll}+\\s+)?\\p{Ll}*(?:chef|samordnare|ordförande|stödperson|processledare)\\p{Ll}*)${ROLE_END}`,
  "u",
);

export function newsFields(source: ImportSource): Extraction<"nyhet"> {
  const fields: Extraction<"nyhet">["fields"] = {};
  const reasons: Extraction<"nyhet">["reasons"] = {};
  const lead = firstBlocksText(source, 3);
  const match = STAFFING.exec(lead) ?? STAFFING.exec(source.title);
  const appointed = match ? undefined : (NEW_IN_ROLE.exec(lead) ?? NEW_IN_ROLE.exec(source.title));
  const found = match?.groups ?? appointed?.groups;
  if (found) {
    let person = found.person;
    // The title often has the first name only; the text names the person in full.
    if (person && !person.includes(" ")) {
      person = new RegExp(`${person}\\s+\\p{Lu}[\\p{L}-]+`, "u").exec(source.text)?.[0] ?? person;
    }
    const change = match ? STAFFING_VERB[(found.verb as string).toLowerCase()] : "börjar";
    if (person) fields.person = person;
    fields.role = (found.role as string).trim();
    fields.change = change;
    reasons.person = reasons.role = reasons.change = `personalförändring: "${(match ?? appointed)?.[0].trim()}"`;
  }
  return { fields, reasons, body: toMarkdown(source.blocks), human: [] };
}

// ---- konferens -----------------------------------------------------------------------------------

export function conferenceFields(source: ImportSource): Extraction<"konferens"> {
  const fields: Extraction<"konferens">["fields"] = {};
  const reasons: Extraction<"konferens">["reasons"] = {};
  const human: HumanNote[] = [];
  const [titleYear] = yearsIn(source.title);
  const fallbackYear = titleYear ?? yearsIn(source.text)[0];
  const inTitle = parseDatePhrase(source.title, fallbackYear);
  const range = inTitle?.end ? inTitle : findDatePhrases(source.text, fallbackYear).find((phrase) => phrase.end !== undefined);
  if (range) {
    fields.startDate = range.start;
    fields.endDate = range.end ?? range.start;
    reasons.startDate = reasons.endDate = inTitle?.end ? "datumintervallet i rubriken" : "datumintervallet i texten";
    fields.date = fields.endDate;
    reasons.date = "sista konferensdagen (texten säger inte när den publicerades)";
    human.push({ field: "date", text: "publiceringsdagen är gissad som sista konferensdagen: kontrollera" });
  }
  const event = (inTitle?.rest ?? source.title).replace(/\s+(?:den|i|på)$/i, "").trim();
  fields.event = event || source.title;
  reasons.event = inTitle ? "rubriken utan datum" : "rubriken";

  const place = guessPlace(source);
  if (place) {
    fields.place = place.place;
    reasons.place = place.reason;
  }
  const speakers = guessSpeakers(source.text);
  if (speakers.length > 0) {
    fields.speakers = speakers;
    reasons.speakers = `${speakers.length} namn med organisation ur texten ("Namn, Organisation", "Namn från Organisation"); kontrollera listan`;
  }
  return { fields, reasons, body: toMarkdown(source.blocks), human };
}

const PLACE = "(?<place>\\p{Lu}[\\p{L}-]+(?:\\s+\\p{Lu}[\\p{L}-]+)?)";

function guessPlace(source: ImportSource): { place: string; reason: string } | undefined {
  const isOrganisation = (name: string): boolean => organisationNamedBy(name, source.organisations) !== undefined;
  // "i Saltsjöbaden den 22-23 oktober" first: the place that stands beside the dates.
  const besideDate = new RegExp(`\\b(?:i|på)\\s+${PLACE}(?:,)?\\s+(?:den\\s+)?\\d{1,2}\\s*[-–]`, "u");
  const beside = besideDate.exec(source.text)?.groups?.place;
  if (beside && !isOrganisation(beside)) return { place: beside, reason: `"i ${beside}" intill datumen` };
  const anywhere = new RegExp(`(?:dagarna|konferensen|mötet|seminariet)\\s+(?:i|på)\\s+${PLACE}`, "u").exec(source.text)?.groups?.place;
  if (anywhere && !isOrganisation(anywhere)) return { place: anywhere, reason: `"i ${anywhere}" i texten` };
  return undefined;
}

function guessSpeakers(text: string): { name: string; affiliation: string }[] {
  const affiliation = "(?<affiliation>\\p{Lu}[\\p{L}-]*(?:\\s+\\p{Lu}[\\p{L}-]*)*)";
  const patterns = [
    new RegExp(`(?<name>${NAME}),\\s+${affiliation}(?=\\s+och\\b|[,.]|\\s*$|\\s+som\\b)`, "gmu"),
    new RegExp(`(?<name>${NAME})\\s+från\\s+${affiliation}`, "gu"),
  ];
  const speakers = new Map<string, string>();
  const found = patterns
    .flatMap((pattern) => [...text.matchAll(pattern)])
    .sort((a, b) => a.index - b.index);
  for (const match of found) {
    const name = (match.groups?.name as string).trim();
    const from = (match.groups?.affiliation as string).trim();
    // A sentence opening ("Dagen avslutades …") is no name: both words of a name are capitalised.
    if (!speakers.has(name) && name.split(/\s+/).length <= 3) speakers.set(name, from);
  }
  return [...speakers].map(([name, from]) => ({ name, affiliation: from }));
}

// ---- brev ----------------------------------------------------------------------------------------

/** The lines after "Med vänliga hälsningar,": name, role, organisation. */
function signOffLines(blocks: readonly Block[]): { lines: string[]; line: number } | undefined {
  const index = blocks.findIndex((block) => block.lines.length === 1 && GREETING_CLOSE.test(blockText(block)));
  if (index < 0) return undefined;
  const after = blocks.slice(index + 1).flatMap((block) => block.lines);
  if (after.length === 0 || after.length > 5) return undefined;
  return { lines: after.map((line) => line.text), line: (after[0] as { line: number }).line };
}

export function letterFields(source: ImportSource): Extraction<"brev"> {
  const fields: Extraction<"brev">["fields"] = {};
  const reasons: Extraction<"brev">["reasons"] = {};
  const human: HumanNote[] = [];
  let organisation: OrganisationGuess | undefined;

  const dated = source.dateline ?? (() => {
    const phrase = parseDatePhrase(source.title) ?? findDatePhrases(source.text).find((candidate) => candidate.hasYear);
    return phrase ? { line: source.titleLine ?? 0, date: phrase.start } : undefined;
  })();
  if (dated) {
    fields.letterDate = fields.date = dated.date;
    reasons.letterDate = reasons.date = source.dateline ? `datumraden (rad ${dated.line})` : "datumet i rubriken eller texten";
  }

  const signOff = signOffLines(source.blocks);
  let senderOrganisationName: string | undefined;
  if (signOff) {
    const [name, ...rest] = signOff.lines;
    if (name && FULL_NAME_LINE.test(name)) {
      fields.sender = name;
      reasons.sender = `underskriften (rad ${signOff.line})`;
    }
    const organisationLine = rest.find((line) => organisationNamedBy(line, source.organisations) !== undefined);
    const found = organisationLine ? organisationNamedBy(organisationLine, source.organisations) : undefined;
    if (found) {
      fields.senderOrganisation = found.key;
      senderOrganisationName = found.name;
      reasons.senderOrganisation = `"${organisationLine}" i underskriften`;
      organisation = { key: found.key, reason: "avsändarens organisation i underskriften" };
    }
    const role = rest.find((line) => line !== organisationLine);
    if (role) {
      fields.senderRole = role;
      reasons.senderRole = "raden under namnet i underskriften";
    }
  }

  const addressed = /^Brev till\s+(.+?)(?:\s+\d{4}-\d{2}-\d{2})?$/i.exec(source.title)?.[1]
    ?? /^Hej\s+(?:alla\s+)?(?:i\s+)?(.+?),?$/im.exec(source.blocks[0] ? blockText(source.blocks[0]) : "")?.[1];
  if (addressed) {
    // "styrelsen" alone says whose board only together with the sender's förbund.
    const generic = /^(?:styrelsen|presidiet|ledningsgruppen|nätverket|kansliet|medlemmarna)$/i.test(addressed);
    fields.recipient = generic && senderOrganisationName ? `${capitalise(addressed)} i ${senderOrganisationName}` : capitalise(addressed);
    reasons.recipient = generic && senderOrganisationName ? `"${addressed}" och avsändarens organisation` : `"${addressed}"`;
  }
  return { fields, reasons, body: toMarkdown(source.blocks), organisation, human };
}

// ---- minnen --------------------------------------------------------------------------------------

export function memoirFields(source: ImportSource): Extraction<"minnen"> {
  const fields: Extraction<"minnen">["fields"] = {};
  const reasons: Extraction<"minnen">["reasons"] = {};
  const human: HumanNote[] = [];
  const signOff = signOffLines(source.blocks);
  const last = source.blocks.at(-1);
  const author = signOff?.lines[0] ?? (last && last.lines.length === 1 ? blockText(last) : undefined);
  if (author && FULL_NAME_LINE.test(author)) {
    fields.author = author;
    reasons.author = "namnet sist i texten";
  }

  const thisYear = Number(source.today.slice(0, 4));
  // A memoir may look ahead ("efter valet 2026"): only years up to the import count as years it covers.
  const years = yearsIn(source.text).filter((year) => year <= thisYear);
  const span = /\b(\d+)\s+år\s+(?:med|i|på|som)\b/i.exec(source.title);
  if (years.length > 0) {
    const yearFrom = Math.min(...years);
    fields.yearFrom = yearFrom;
    reasons.yearFrom = "det tidigaste årtalet i texten";
    if (span && yearFrom + Number(span[1]) <= thisYear) {
      fields.yearTo = yearFrom + Number(span[1]);
      reasons.yearTo = `${yearFrom} + "${span[1]} år" i rubriken`;
    } else {
      fields.yearTo = Math.max(...years);
      reasons.yearTo = "det senaste årtalet i texten";
    }
  }
  const successor = new RegExp(`efterträdare(?:n)?\\s+(?<name>\\p{Lu}[\\p{L}-]+(?:\\s+\\p{Lu}[\\p{L}-]+)?)`, "u").exec(source.text)?.groups?.name;
  if (successor) {
    fields.successor = successor;
    reasons.successor = `"efterträdare ${successor}"`;
  }
  return { fields, reasons, body: toMarkdown(source.blocks), human };
}

// Strips what an export carries besides the text: the site's logo line, repeated headlines and image
// captions, the footer list of member agencies, "Kalendarium" and the e-signature log, and removes
// personal phone numbers and e-mail addresses wherever they are.
import type { MemberAgency } from "../content/data-files.ts";
import { comparable, isBlank, type SourceLine } from "./lines.ts";
import { parseDatePhrase } from "./date-phrases.ts";

export interface Note {
  line: number;
  text: string;
}

export interface Signing {
  name: string;
  /** ÅÅÅÅ-MM-DDTHH:MM:SSZ, as the schema's signedAt takes it. */
  signedAt: string;
}

export interface ChromeResult {
  /** The content lines, blank lines kept so paragraphs stay apart. */
  lines: SourceLine[];
  title?: SourceLine;
  /** A line that held only a date above the headline ("lördag 25 januari 2014"). */
  dateline?: SourceLine;
  /** Host of the site whose logo line the export starts with, e.g. finsam.se. */
  site?: string;
  /** Who signed and when, read from an e-signature log before it was dropped. */
  signings: Signing[];
  removed: Note[];
  /** Personal data taken out; the values themselves are never repeated in the report. */
  privacy: Note[];
}

/** Logo lines the sites in the Finsam world put first in every page, and the site each belongs to. */
const SITE_LOGOS: readonly { pattern: RegExp; host: string }[] = [{ pattern: /^Logotyp Finsam\b/i, host: "finsam.se" }];
const ANY_LOGO = /^Logotyp\b/i;
const IMAGE_CAPTION = /^Bild(?:en)?\s+(?:på|av|:)\s*\S/i;
const CALENDAR = /^Kalendarium$/i;
const RULE = /^[-_=–—]{3,}$/;
const EMPTY_BULLET = /^[-•*]$/;

/** E-signature services write these around the signers; none of it is part of the minutes. */
const SIGNING_START = /^(?:Signerat med E-signering|Deltagare|Revisionshistorik)$/i;
const SIGNING_HEADERS = /^(?:Dialog|Deltagare)$/i;
const SIGNED_WITH = /^Signerat med E-signering$/i;
const LOG_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)\s*UTC$/i;
const REVISION_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})\s*(\d{2}:\d{2}(?::\d{2})?)$/;
const REVISION_SIGNED = /^(.+?)(?: på .+)? signerade\.?$/;

export const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/**
 * Swedish numbers: +46 / 0046 / a leading 0, then groups. Not inside dates and log stamps ("2023-06-08 07:58",
 * "2023-06-0807:58:15"): a number never follows a digit or a hyphen. Times (08.30) have a dot.
 */
export const PHONE = /(?<![\p{N}-])(?:\+46|0046|0)[\s-]?\(?\d{1,3}\)?(?:[\s-]?\d{2,4}){2,4}(?![\p{N}])/gu;

/** Broad on purpose: whatever looks like a personnummer is taken out, and the report asks a human to look. */
export const PERSONAL_IDENTITY = /(?<![\p{N}-])(?:\d{8}|\d{6})[-+ ]?\d{4}(?![\p{N}])/gu;

/** The member agencies' names as a footer lists them: in full, or by the abbreviation in brackets ("SKR"). */
function agencyNamesOf(agencies: readonly MemberAgency[]): Set<string> {
  return new Set(
    agencies.flatMap((agency) => {
      const abbreviation = /\(([^)]+)\)/.exec(agency.name)?.[1];
      return [comparable(agency.name), ...(abbreviation ? [comparable(abbreviation)] : [])];
    }),
  );
}

function isDateOnly(text: string): boolean {
  const parsed = parseDatePhrase(text);
  return parsed !== undefined && parsed.rest.trim() === "";
}

/** The nearest non-blank line from `from` on, walking by `step` (1 forwards, -1 backwards). */
function nearestContent(lines: readonly SourceLine[], from: number, step: 1 | -1): SourceLine | undefined {
  for (let index = from; index >= 0 && index < lines.length; index += step) {
    const line = lines[index] as SourceLine;
    if (!isBlank(line)) return line;
  }
  return undefined;
}

/** Reads signers from the log: the participant blocks, or else the revision history's "X signerade." lines. */
function readSignings(log: readonly SourceLine[]): Signing[] {
  const content = log.map((line) => line.text.trim()).filter((text) => text !== "");
  const signings: Signing[] = [];
  content.forEach((text, index) => {
    if (!SIGNED_WITH.test(text)) return;
    let name: string | undefined;
    for (const next of content.slice(index + 1, index + 8)) {
      const stamp = LOG_TIMESTAMP.exec(next);
      if (stamp) {
        if (name) signings.push({ name, signedAt: `${stamp[1]}T${withSeconds(stamp[2] as string)}Z` });
        return;
      }
      if (SIGNED_WITH.test(next)) return;
      if (name === undefined && !matches(EMAIL, next) && !matches(PHONE, next)) name = next;
    }
  });
  if (signings.length > 0) return signings;
  content.forEach((text, index) => {
    const stamp = REVISION_TIMESTAMP.exec(text);
    const signed = REVISION_SIGNED.exec(content[index + 1] ?? "");
    if (stamp && signed) signings.push({ name: (signed[1] as string).trim(), signedAt: `${stamp[1]}T${withSeconds(stamp[2] as string)}Z` });
  });
  return signings;
}

/** test() on a /g pattern moves its lastIndex; a fresh copy keeps the shared patterns stateless. */
function matches(pattern: RegExp, text: string): boolean {
  return new RegExp(pattern.source, pattern.flags.replace("g", "")).test(text);
}

function withSeconds(clock: string): string {
  return clock.length === 5 ? `${clock}:00` : clock;
}

function countPersonalData(lines: readonly SourceLine[], privacy: Note[]): void {
  for (const line of lines) {
    const emails = line.text.match(EMAIL)?.length ?? 0;
    const phones = line.text.match(PHONE)?.length ?? 0;
    if (emails > 0) privacy.push({ line: line.line, text: "e-postadress i e-signeringsloggen" });
    if (phones > 0) privacy.push({ line: line.line, text: "telefonnummer i e-signeringsloggen" });
  }
}

/** Replaces e-mail addresses, personnummer and phone numbers in running text with a visible note for the editor. */
export function scrubPersonalData(line: SourceLine, privacy: Note[]): SourceLine {
  let text = line.text.replace(EMAIL, () => {
    privacy.push({ line: line.line, text: "e-postadress" });
    return "[e-postadress borttagen]";
  });
  text = text.replace(PERSONAL_IDENTITY, () => {
    privacy.push({ line: line.line, text: "personnummer" });
    return "[personnummer borttaget]";
  });
  text = text.replace(PHONE, () => {
    privacy.push({ line: line.line, text: "telefonnummer" });
    return "[telefonnummer borttaget]";
  });
  return text === line.text ? line : { line: line.line, text };
}

/** `agencies`: the member agencies of content/data/huvudman.yml, whose names make up the footer taken away. */
export function stripChrome(input: readonly SourceLine[], agencies: readonly MemberAgency[]): ChromeResult {
  const agencyNames = agencyNamesOf(agencies);
  const removed: Note[] = [];
  const privacy: Note[] = [];
  const drop = (line: SourceLine, why: string): void => {
    removed.push({ line: line.line, text: why });
  };
  let lines = [...input];

  // The e-signature log runs to the end of the file: read the signers, then drop all of it.
  let signings: Signing[] = [];
  const logStart = lines.findIndex((line) => SIGNING_START.test(line.text.trim()));
  if (logStart >= 0) {
    let start = logStart;
    while (start > 0 && (isBlank(lines[start - 1] as SourceLine) || SIGNING_HEADERS.test((lines[start - 1] as SourceLine).text.trim()))) start--;
    const log = lines.slice(start);
    signings = readSignings(log);
    countPersonalData(log, privacy);
    const first = log.find((line) => !isBlank(line));
    if (first) drop(first, `e-signeringsloggen (rad ${first.line}–${(log.at(-1) as SourceLine).line}); underskrifterna lästes in först`);
    lines = lines.slice(0, start);
  }

  // Footer: a run of member agency names at the very end.
  let end = lines.length;
  while (end > 0 && isBlank(lines[end - 1] as SourceLine)) end--;
  let footerStart = end;
  while (footerStart > 0) {
    const previous = lines[footerStart - 1] as SourceLine;
    if (isBlank(previous) || agencyNames.has(comparable(previous.text))) footerStart--;
    else break;
  }
  const footer = lines.slice(footerStart, end).filter((line) => !isBlank(line));
  if (footer.length >= 2) {
    drop(footer[0] as SourceLine, `sidfotens lista över medlemsmyndigheter (${footer.length} rader)`);
    lines = lines.slice(0, footerStart);
  }

  let site: string | undefined;
  let dateline: SourceLine | undefined;
  let title: SourceLine | undefined;
  const kept: SourceLine[] = [];
  lines.forEach((line, index) => {
    const text = line.text.trim();
    if (text === "") {
      kept.push(line);
      return;
    }
    if (ANY_LOGO.test(text)) {
      site ??= SITE_LOGOS.find((logo) => logo.pattern.test(text))?.host;
      drop(line, "logotypraden");
      return;
    }
    if (!title && isDateOnly(text)) {
      dateline ??= line;
      drop(line, `datumraden "${text}" (läst som datum)`);
      return;
    }
    if (!title) {
      title = line;
      return;
    }
    if (comparable(text) === comparable(title.text)) return drop(line, "upprepad rubrik");
    if (IMAGE_CAPTION.test(text)) return drop(line, `bildtext "${text}"`);
    if (CALENDAR.test(text)) return drop(line, `"${text}"`);
    if (RULE.test(text)) return drop(line, "linje");
    if (EMPTY_BULLET.test(text)) return drop(line, "tom punkt");
    // A caption repeats itself: the same short line twice in a row, with only blank lines between.
    const next = nearestContent(lines, index + 1, 1);
    const previous = nearestContent(lines, index - 1, -1);
    const repeats = (other: SourceLine | undefined): boolean => other !== undefined && other.text.trim() === text;
    if (text.length <= 100 && (repeats(next) || repeats(previous))) return drop(line, `upprepad rad "${text}" (bildtext)`);
    kept.push(scrubPersonalData(line, privacy));
  });

  removed.sort((a, b) => a.line - b.line);
  return { lines: kept, title, dateline, site, signings, removed, privacy };
}

// GDPR guard: personnummer, samordningsnummer, phone numbers and e-mail addresses anywhere in a document.
import personnummerModule from "personnummer";
import { validPhoneNumber } from "../phone-numbers.ts";
import type { ContentProblem } from "../problems.ts";
import type { SourceFile } from "./source-file.ts";
import { PERSONNUMMER, PHONE } from "./privacy-patterns.mjs";

// The package's types declare an ES default export, but it ships CommonJS (module.exports = the class), which
// Node hands over as the default import; TypeScript under NodeNext reads the types as { default: class }.
const Personnummer = personnummerModule as unknown as typeof personnummerModule.default;

type Kind = "personnummer" | "samordningsnummer" | "telefonnummer" | "e-postadress";

interface Finding {
  kind: Kind;
  /** Offsets in the text searched. */
  start: number;
  end: number;
  /** Normalised form: what publicContacts and duplicates are compared by. */
  key: string;
  /** What the message shows: never the whole number or address. */
  masked: string;
}

/**
 * How many digits a number can have, from libphonenumber's metadata (a test holds these to it): in national form a
 * Swedish number (trunk 0 and 6 to 12 digits), after "+" or "00" any country's (country code and national number,
 * plus a "(0)"). A candidate outside these costs no parse, which is most of what a long run of digit groups offers.
 */
export const PHONE_DIGITS = { national: { min: 7, max: 13 }, international: { min: 6, max: 20 } } as const;

const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?`;
// Also finds the address in [skriv](mailto:namn@example.se) and <namn@example.se>.
const EMAIL = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}._%+\-]+@${LABEL}(?:\.${LABEL})*\.(\p{L}{2,})(?![\p{L}\p{N}\-])`,
  "gu",
);
// "logo@2x.png" is an image name (retina convention), not an address.
const FILE_EXTENSIONS = new Set(["png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "pdf", "ico", "heic"]);

const PERSONNUMMER_OPTIONS = { allowCoordinationNumber: true, allowInterimNumber: false };

/** Hides the last four digits, keeping what the editor wrote around them so the spot can be found. */
function maskDigits(text: string): string {
  let toHide = 4;
  const characters = [...text.replace(/\s+/g, " ")];
  for (let index = characters.length - 1; index >= 0 && toHide > 0; index -= 1) {
    if (/\d/.test(characters[index] ?? "")) {
      characters[index] = "*";
      toHide -= 1;
    }
  }
  return characters.join("");
}

function maskEmail(address: string): string {
  const at = address.lastIndexOf("@");
  return `${address.slice(0, 1)}***${address.slice(at)}`;
}

/** E.164 ("+46701234567") for a valid phone number, read as Swedish unless it has a country code. */
export function normalisePhone(text: string): string | undefined {
  return validPhoneNumber(text.replace(/\s+/g, " ").trim())?.number;
}

/**
 * Every match of a global pattern, as `text.matchAll(pattern)` gives them. matchAll copies the pattern for each
 * text (a new RegExp): over the dozen short front matter values of each document that copying cost several times
 * the search itself.
 */
function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    found.push(match);
    // None of the patterns here can match nothing, but never loop if one ever does.
    if (match[0] === "") pattern.lastIndex += 1;
  }
  return found;
}

function findPersonnummer(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of allMatches(PERSONNUMMER, text)) {
    const [written, date = "", separator = "", last = ""] = match;
    // The package does not read a space as a separator; "-" means the same.
    const candidate = `${date}${separator === "+" ? "+" : "-"}${last}`;
    if (!Personnummer.valid(candidate, PERSONNUMMER_OPTIONS)) continue;
    const parsed = Personnummer.parse(candidate, PERSONNUMMER_OPTIONS);
    findings.push({
      kind: parsed.isCoordinationNumber() ? "samordningsnummer" : "personnummer",
      start: match.index,
      end: match.index + written.length,
      key: parsed.format(true),
      masked: maskDigits(written),
    });
  }
  return findings;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Where a phone match may end, longest first: its end, and each gap between digit groups (a greedy match may run
 * into a following number: "070-123 45 67 2 gånger"). Only the ends with a possible count of digits.
 */
function phoneEnds(written: string): number[] {
  const international = written.startsWith("+") || written.startsWith("00");
  const { min, max } = international ? PHONE_DIGITS.international : PHONE_DIGITS.national;
  const ends: number[] = [];
  let digits = written.startsWith("00") ? -2 : 0;
  let gap = -1; // start of the whitespace (the pattern's separators) before the current character
  for (let index = 0; index < written.length; index += 1) {
    const code = written.charCodeAt(index);
    if (isDigit(code)) {
      if (gap !== -1 && digits >= min && digits <= max) ends.push(gap);
      gap = -1;
      digits += 1;
    } else if (code === 0x20 || code === 0xa0 || code === 0x0a || code === 0x09) {
      if (gap === -1) gap = index;
    } else {
      gap = -1;
    }
  }
  if (digits >= min && digits <= max) ends.push(written.length);
  return ends.reverse();
}

function findPhoneNumbers(text: string): Finding[] {
  const findings: Finding[] = [];
  // libphonenumber's verdicts by candidate: a number repeated, or a table of like groups, is parsed once. Made at the
  // first candidate: most texts (every front matter value is one) have none.
  let verdicts: Map<string, string | undefined> | undefined;
  PHONE.lastIndex = 0;
  for (let match = PHONE.exec(text); match !== null; match = PHONE.exec(text)) {
    verdicts ??= new Map();
    const written = match[0];
    for (const end of phoneEnds(written)) {
      const candidate = written.slice(0, end);
      let number = verdicts.get(candidate);
      if (!verdicts.has(candidate)) verdicts.set(candidate, (number = normalisePhone(candidate)));
      if (number === undefined) continue;
      findings.push({
        kind: "telefonnummer",
        start: match.index,
        end: match.index + end,
        key: number,
        masked: maskDigits(candidate),
      });
      // What follows may be a number of its own ("070 123 45 67 08 123 45 67"): read on from its end.
      PHONE.lastIndex = match.index + end;
      break;
    }
  }
  return findings;
}

function findEmails(text: string): Finding[] {
  const findings: Finding[] = [];
  // The pattern tries every word as a possible local part: a text without "@" (most of them) is done at once.
  if (!text.includes("@")) return findings;
  for (const match of allMatches(EMAIL, text)) {
    if (FILE_EXTENSIONS.has((match[1] ?? "").toLowerCase())) continue;
    findings.push({
      kind: "e-postadress",
      start: match.index,
      end: match.index + match[0].length,
      key: match[0].toLowerCase(),
      masked: maskEmail(match[0]),
    });
  }
  return findings;
}

/**
 * The findings that overlap none of the others. Both lists are in text order and neither overlaps itself (each
 * comes from one left-to-right scan), so one pass over each does: a text full of findings stays linear.
 */
function notOverlapping(findings: readonly Finding[], others: readonly Finding[]): Finding[] {
  const kept: Finding[] = [];
  let next = 0;
  for (const finding of findings) {
    while (next < others.length && (others[next]?.end ?? 0) <= finding.start) next += 1;
    const other = others[next];
    if (other === undefined || other.start >= finding.end) kept.push(finding);
  }
  return kept;
}

/** Which patterns can match in a text (privacy-patterns.mjs candidatesIn); unknown, every one may. */
type Candidates = SourceFile["candidates"] & object;
const ANY_CANDIDATES: Candidates = { personnummer: true, phone: true };

/**
 * Everything personal in a text. A listed public phone number may look like a samordningsnummer
 * ("0104887495"), and an e-mail's local part may be digits: each span is reported once, as the likeliest kind.
 */
function findAll(text: string, publicPhones: ReadonlySet<string>, candidates: Candidates = ANY_CANDIDATES): Finding[] {
  const emails = findEmails(text);
  const phoneNumbers = candidates.phone ? findPhoneNumbers(text) : [];
  const personnummer = candidates.personnummer ? findPersonnummer(text) : [];
  if (emails.length === 0 && phoneNumbers.length === 0 && personnummer.length === 0) return emails;
  const phones = notOverlapping(phoneNumbers, emails);
  const identities = notOverlapping(personnummer, phones.filter((phone) => publicPhones.has(phone.key)));
  const contacts = [...emails, ...notOverlapping(phones, identities)];
  return [...identities, ...contacts];
}

interface PublicContacts {
  phones: Set<string>;
  emails: Set<string>;
  problems: ContentProblem[];
}

/**
 * "namn@example.se": one "@", no white space, a dot inside the domain. Written out rather than as a pattern, which
 * backtracks over every dot of a long value without one more "@" ("a@a.a.a…@").
 */
function isAddress(value: string): boolean {
  const at = value.indexOf("@");
  if (at < 1 || value.indexOf("@", at + 1) !== -1 || /\s/.test(value)) return false;
  return value.slice(at + 2, -1).includes(".");
}

function readPublicContacts({ file, parsed }: SourceFile): PublicContacts {
  const result: PublicContacts = { phones: new Set(), emails: new Set(), problems: [] };
  const listed = parsed.data["publicContacts"];
  // A malformed list is the schema's to report; here only well-formed entries count.
  if (!Array.isArray(listed)) return result;
  listed.forEach((entry: unknown, index) => {
    if (typeof entry !== "string") return;
    const value = entry.trim().replace(/^(mailto|tel):/i, "");
    const phone = normalisePhone(value);
    if (isAddress(value)) {
      result.emails.add(value.toLowerCase());
    } else if (phone !== undefined) {
      result.phones.add(phone);
    } else {
      result.problems.push({
        file,
        ...parsed.locate(["publicContacts", index]),
        field: "publicContacts",
        severity: "varning",
        message: `post ${index + 1} i "publicContacts" är varken ett giltigt telefonnummer eller en e-postadress, så den släpper inte igenom något; rätta den eller ta bort den`,
      });
    }
  });
  return result;
}

function messageFor(finding: Finding): string {
  switch (finding.kind) {
    case "personnummer":
    case "samordningsnummer":
      return `${finding.kind} ${finding.masked} får inte publiceras (GDPR). Ta bort det; skriv aldrig ut personnummer eller samordningsnummer på webbplatsen.`;
    case "telefonnummer":
      return `telefonnummer ${finding.masked} står inte bland publicContacts. Privata telefonnummer och e-postadresser får inte publiceras; använd ett funktionsnummer (t.ex. växeln) och lägg det i publicContacts om det ska synas.`;
    case "e-postadress":
      return `e-postadressen ${finding.masked} står inte bland publicContacts. Privata telefonnummer och e-postadresser får inte publiceras; använd en funktionsadress och lägg den i publicContacts om den ska synas.`;
  }
}

function isPublic(finding: Finding, contacts: PublicContacts): boolean {
  if (finding.kind === "telefonnummer") return contacts.phones.has(finding.key);
  if (finding.kind === "e-postadress") return contacts.emails.has(finding.key);
  return false;
}

/**
 * Every string in the front matter with its field path, in order. One path array serves the whole walk (a generator
 * with a path per value was a tenth of a check's allocations): `visit` copies what it keeps.
 */
function eachFrontMatterString(value: unknown, visit: (path: readonly PropertyKey[], text: string) => void, path: PropertyKey[] = []): void {
  if (typeof value === "string") visit(path, value);
  else if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      path.push(index);
      eachFrontMatterString(value[index], visit, path);
      path.pop();
    }
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      path.push(key);
      eachFrontMatterString(item, visit, path);
      path.pop();
    }
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) starts.push(index + 1);
  return starts;
}

function position(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}

export function privacyProblems(source: SourceFile): ContentProblem[] {
  const { file, parsed } = source;
  const contacts = readPublicContacts(source);
  const problems: ContentProblem[] = [...contacts.problems];
  let starts: number[] | undefined; // line starts, counted when a finding needs one
  const seen = new Set<string>();

  // The whole file as written: front matter and body, comments and code blocks included.
  for (const finding of findAll(parsed.source, contacts.phones, source.candidates)) {
    seen.add(`${finding.kind}:${finding.key}`);
    if (isPublic(finding, contacts)) continue;
    starts ??= lineStarts(parsed.source);
    problems.push({ file, ...position(starts, finding.start), severity: "fel", message: messageFor(finding), evenInDraft: true });
  }

  // YAML can fold a value over lines or escape it ("\u0040"); what the site would show is the parsed value.
  eachFrontMatterString(parsed.data, (path, value) => {
    for (const finding of findAll(value, contacts.phones)) {
      const id = `${finding.kind}:${finding.key}`;
      if (seen.has(id) || isPublic(finding, contacts)) continue;
      seen.add(id);
      const field = path.map(String).join(".");
      problems.push({ file, ...parsed.locate([...path]), field, severity: "fel", message: messageFor(finding), evenInDraft: true });
    }
  });
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

// Field builders shared by every schema, and the one place a field's kind is declared (zod `.meta()`). Each message
// is the "expected" half of an editor-facing sentence ("fältet X ska vara <message>, men är …"), so it reads as plain
// Swedish.
import { z } from "zod";
import { contrastRatio, TEXT_CONTRAST } from "../text/colour.ts";
import { isSwedishDate, parseClock, parseSwedishDate } from "../text/dates.ts";
import { SLUG_PATTERN, slugify } from "../text/slug.ts";

/** What a reference field's key points into: content/data/organisationer.yml for "organisation". */
export type ReferenceTarget = "organisation";
/** What a document-key field names: another page ("sida"), by its file's slug. */
export type DocumentKeyTarget = "page";
/**
 * What a list of text holds: free text, people's names (with a role at most), tags (each gets a page), or WCAG success
 * criteria ("1.3.1").
 */
export type TextListOf = "text" | "person" | "tag" | "criterion";
/**
 * What a list of entries holds, each entry an object with fields of its own: a conference's speakers, the minutes'
 * agenda and signatures, and in the data files a menu's links, the organisations, the member agencies and the
 * accessibility statement's non-accessible content.
 */
export type EntryListOf = "speaker" | "agendaItem" | "signature" | "link" | "organisation" | "memberAgency" | "nonAccessible";

/**
 * A field's kind, declared by the builders below and read by describe.ts, from which the `new` templates, the
 * editors' guide, the importer and the reference check learn what a field is. Declared, never inferred from a
 * message: a message may be reworded, and two kinds may share one.
 */
export type FieldMeta =
  /** `keyOf`: the text is another document's key (its file's slug), checked when a file is read (read.ts). */
  | { kind: "text"; maxLength?: number; keyOf?: DocumentKeyTarget }
  /** A calendar day, ÅÅÅÅ-MM-DD. */
  | { kind: "day" }
  /** A day, or a day and a time of day. */
  | { kind: "dateTime" }
  /**
   * A whole day or a day and a time, where which of the two is written matters (an event lasts whole days or runs
   * between two times): a form must let either be written, and a date-time picker cannot leave the time out.
   */
  | { kind: "dayOrDateTime" }
  /** A time of day, TT.MM. */
  | { kind: "clock" }
  | { kind: "year" }
  | { kind: "number" }
  | { kind: "boolean" }
  | { kind: "enum" }
  /** A key into a data file: the reference check in read.ts looks it up there. */
  | { kind: "reference"; reference: ReferenceTarget }
  /** An image on this site, written from its root. */
  | { kind: "imagePath" }
  /** A PDF among the site's files (content/filer/), written from the site's root. */
  | { kind: "filePath" }
  /** A feed entry's fixed id (Atom id). */
  | { kind: "feedId" }
  /** An e-mail address, such as a function address readers write to. */
  | { kind: "email" }
  /** An absolute address on another site (http or https, as the builder says). */
  | { kind: "webAddress" }
  /** A colour as a hex code, #rrggbb. */
  | { kind: "colour" }
  /** A page on this site, written from its root (a menu link's target). */
  | { kind: "linkPath" }
  /** An entry's own key in a data file (an organisation's), spelt as its slug. */
  | { kind: "key" }
  | { kind: "list"; of: TextListOf }
  | { kind: "objectList"; of: EntryListOf }
  | { kind: "object" };

declare module "zod" {
  interface GlobalMeta {
    /** Set only by the builders in src/content/fields.ts. */
    field?: FieldMeta;
    /**
     * The field's short Swedish name, as a form shows it above the field (the CMS, the guide's tables): "Rubrik".
     * On a list's entry object, what one entry is called ("Talare"). The description says the rest.
     */
    label?: string;
    /**
     * A regular expression for a rule that is no zod `.regex()`, which tools that cannot run the field's own check
     * (the CMS) test instead. It accepts exactly what the check accepts where a regular expression can (a key is its
     * own slug), else the form the guide asks for (an event's time, ÅÅÅÅ-MM-DD or ÅÅÅÅ-MM-DDTHH:MM), leaving to the
     * check what the form alone cannot tell (30 February).
     */
    pattern?: RegExp;
  }
}

export const EXPECTED = {
  text: "text",
  nonEmpty: "en text som inte är tom",
  day: "ett datum (ÅÅÅÅ-MM-DD)",
  dayOrDateTime: "ett datum (ÅÅÅÅ-MM-DD) eller datum och tid (ÅÅÅÅ-MM-DDTHH:MM)",
  httpsUrl: "en fullständig webbadress som börjar med https://, t.ex. https://finsam.se/anmalan",
  clock: "en tid (TT.MM, t.ex. 08.30)",
  year: "ett årtal (t.ex. 2006)",
  boolean: "true eller false",
  list: "en lista",
  slugKey: "en nyckel med små bokstäver, siffror och bindestreck (t.ex. alv-och-kust)",
  email: "en e-postadress, t.ex. kansliet@finsam.se",
  webAddress: "en fullständig webbadress som börjar med https:// (eller http://)",
  colour: "en färg som hexkod: # och sex tecken 0–9 eller a–f, t.ex. #1d4f91",
  filledIn: "riktig text",
  noBidiControls:
    "text utan osynliga tecken som vänder läsriktningen (U+202A–U+202E, U+2066–U+2069): de får texten att se ut att säga något annat än den gör; skriv om texten utan dem",
} as const;

/**
 * Bidirectional embedding, override and isolate controls. Invisible, they make a title or a name display in
 * another order than it is stored and searched ("Trojan Source"); no Swedish text needs them.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

export function holdsBidiControls(value: string): boolean {
  return BIDI_CONTROLS.test(value);
}

/**
 * `npm run new` writes "[fyll i: …]" wherever the editor has to write something. Text fields refuse it
 * and every other field refuses it anyway (it is no date, time or number), so a template left half
 * filled in can never be published. A placeholder is "[fyll i" in any case before a word's end; this is it after its
 * "[", tried only where a "[" is, which the engine's string search finds far faster than the whole expression.
 */
const PLACEHOLDER_AFTER_BRACKET = /fyll i\b/iy;

export function placeholder(hint: string): string {
  return `[fyll i: ${hint.trim().replace(/\.$/, "")}]`;
}

/** Whether the text has a placeholder in it (tests/unit/content/fields.test.ts holds this to /\[fyll i\b/i). */
export function holdsPlaceholder(value: unknown): boolean {
  if (typeof value !== "string") return false;
  for (let at = value.indexOf("["); at !== -1; at = value.indexOf("[", at + 1)) {
    PLACEHOLDER_AFTER_BRACKET.lastIndex = at + 1;
    if (PLACEHOLDER_AFTER_BRACKET.test(value)) return true;
  }
  return false;
}

/**
 * Required, trimmed, non-empty text that is not a template's placeholder, at most `max` characters. Every builder
 * takes the field's short Swedish label first, then its description (what to write, in full sentences).
 */
export function text(label: string, description: string, { max }: { max?: number } = {}) {
  return z
    .string({ error: EXPECTED.text })
    .trim()
    .min(1, EXPECTED.nonEmpty)
    .superRefine((value, ctx) => {
      // Characters as a reader counts them (code points), not UTF-16 units: an emoji is one.
      const length = max === undefined ? 0 : [...value].length;
      if (max !== undefined && length > max) ctx.addIssue({ code: "custom", message: `en text på högst ${max} tecken (nu ${length})` });
    })
    .refine((value) => !holdsPlaceholder(value), EXPECTED.filledIn)
    .refine((value) => !holdsBidiControls(value), EXPECTED.noBidiControls)
    .describe(description)
    .meta({ label, field: max === undefined ? { kind: "text" } : { kind: "text", maxLength: max } });
}

/** What a list's own messages say: the list as a whole, and its fewest entries when it must have some. */
interface ListRules {
  /** The "expected" text when the value is no list, e.g. "en lista med namn". */
  expected: string;
  min?: { count: number; expected: string };
}

function listOf<T extends z.ZodType>(entry: T, label: string, description: string, { expected, min }: ListRules) {
  const array = z.array(entry, { error: expected });
  return (min === undefined ? array : array.min(min.count, min.expected)).describe(description).meta({ label });
}

/** A list of text entries, each checked by `entry` (a text field, whose label names one entry). */
export function list<T extends z.ZodType<string, string>>(entry: T, label: string, description: string, of: TextListOf, rules: ListRules) {
  return listOf(entry, label, description, rules).meta({ field: { kind: "list", of } });
}

/** What one entry of a list of plain text is called ("Lägg till namn"). */
const TEXT_ENTRY_LABELS: Readonly<Record<TextListOf, string>> = { text: "Post", person: "Namn", tag: "Ämnesord", criterion: "Kriterium" };

/** A list of plain text entries. */
export function textList(label: string, description: string, of: TextListOf = "text") {
  return list(text(TEXT_ENTRY_LABELS[of], "en post i listan"), label, description, of, { expected: `${EXPECTED.list} med text` });
}

/**
 * A list of entries, each an object of fields (a speaker, an agenda item, a signature); the entry object carries its
 * own label, what one entry is called (`.meta({ label: "Talare" })`).
 */
export function entryList<T extends z.ZodObject>(entry: T, label: string, description: string, of: EntryListOf, rules: ListRules) {
  return listOf(entry, label, description, rules).meta({ field: { kind: "objectList", of } });
}

/** true or false. */
export function booleanField(label: string, description: string) {
  return z.boolean({ error: EXPECTED.boolean }).describe(description).meta({ label, field: { kind: "boolean" } });
}

/** One of a fixed set of words. */
export function enumField<const T extends readonly [string, ...string[]]>(options: T, label: string, description: string) {
  return z.enum(options, { error: `ett av: ${options.join(", ")}` }).describe(description).meta({ label, field: { kind: "enum" } });
}

/** A whole number from 1, such as a § number; `expected` says which number. */
export function positiveIntegerField(label: string, description: string, expected: string) {
  return z.number({ error: expected }).int("ett heltal").min(1, "1 eller större").describe(description).meta({ label, field: { kind: "number" } });
}

const DAY_ONLY = /^\s*\d{4}-\d{2}-\d{2}\s*$/;

/** A day, ÅÅÅÅ-MM-DD, or a day and a time to the minute, ÅÅÅÅ-MM-DDTHH:MM, with months, days and times in range. */
const DAY_OR_MINUTE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(T([01][0-9]|2[0-3]):[0-5][0-9])?$/;

/** A calendar day or a moment, read as Swedish time; becomes a Date. */
export function dateField(label: string, description: string, { dayOnly = false } = {}) {
  const expected = dayOnly ? EXPECTED.day : EXPECTED.dayOrDateTime;
  return z
    .string({ error: expected })
    .refine((value) => isSwedishDate(value) && (!dayOnly || DAY_ONLY.test(value)), expected)
    .transform((value) => parseSwedishDate(value) as Date)
    .describe(description)
    .meta({ label, field: { kind: dayOnly ? "day" : "dateTime" } });
}

/** When an event starts or ends: a whole day, or a day and a time (Swedish time); `allDay` keeps which one was written. */
export interface EventTime {
  at: Date;
  allDay: boolean;
}

/**
 * A day, or a day and a time, read as dateField reads it, keeping whether a time was written: an event lasts whole
 * days or runs between two times, and a calendar writes the two differently.
 */
export function eventTimeField(label: string, description: string) {
  return z
    .string({ error: EXPECTED.dayOrDateTime })
    .refine(isSwedishDate, EXPECTED.dayOrDateTime)
    .transform((value): EventTime => ({ at: parseSwedishDate(value) as Date, allDay: DAY_ONLY.test(value) }))
    .describe(description)
    .meta({ label, field: { kind: "dayOrDateTime" }, pattern: DAY_OR_MINUTE });
}

// Spelt out in both cases rather than with the i flag: the CMS tests a field's pattern without flags (Decap's
// RegExp(pattern)), and these patterns are read from the schema for it.
const HTTPS_ADDRESS = /^[hH][tT][tT][pP][sS]:\/\/[^\s/]+/;
const WEB_ADDRESS = /^[hH][tT][tT][pP][sS]?:\/\/[^\s/]+/;

/**
 * An address on another site: the pattern says how it starts (and is what the CMS checks), the URL parser that it is
 * one. The parser's check runs only once the pattern holds, so a wrong address gets one message, not two.
 */
function webAddress(label: string, description: string, start: RegExp, expected: string) {
  return text(label, description)
    .regex(start, expected)
    .refine((value) => !start.test(value) || (URL.canParse(value) && new URL(value).hostname !== ""), expected)
    .meta({ field: { kind: "webAddress" } });
}

/** An address on another site that readers follow, such as a registration form: https only, never a script or http. */
export function httpsUrlField(label: string, description: string) {
  return webAddress(label, description, HTTPS_ADDRESS, EXPECTED.httpsUrl);
}

/** An absolute http(s) address, as a footer or an organisation links to it. */
export function webAddressField(label: string, description: string) {
  return webAddress(label, description, WEB_ADDRESS, EXPECTED.webAddress);
}

export function emailField(label: string, description: string) {
  return text(label, description)
    .regex(/^[^\s@<>()[\],;:"]+@[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)+$/, EXPECTED.email)
    .meta({ field: { kind: "email" } });
}

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

/** A colour as browsers and the CMS's colour picker write it. */
export function colourField(label: string, description: string) {
  return text(label, description).regex(HEX_COLOUR, EXPECTED.colour).meta({ field: { kind: "colour" } });
}

/**
 * A colour white text stands on (the header bar's): refused below WCAG's 4.5:1, with the ratio it has, so the
 * editor is told before a reader meets text they cannot read.
 */
export function backgroundColourField(label: string, description: string) {
  return colourField(label, description).superRefine((value, ctx) => {
    if (!HEX_COLOUR.test(value)) return;
    const ratio = contrastRatio(value, "#ffffff");
    if (ratio < TEXT_CONTRAST) {
      const shown = (Math.floor(ratio * 10) / 10).toFixed(1).replace(".", ",");
      ctx.addIssue({ code: "custom", message: `en färg som vit text syns mot: kontrasten ska vara minst 4,5:1 men är ${shown}:1; välj en mörkare nyans` });
    }
  });
}

/** Another document's key, as its file is named without a date ("om-oss" for content/sidor/om-oss.md). */
export function documentKeyField(label: string, description: string, keyOf: DocumentKeyTarget) {
  return slugKey(label, description).meta({ field: { kind: "text", keyOf } });
}

export function clockField(label: string, description: string) {
  // YAML reads an unquoted 08.30 as the number 8.3; the trailing zero it dropped can only have been a zero.
  return z
    .preprocess(
      (value) => (typeof value === "number" && Number.isFinite(value) ? value.toFixed(2) : value),
      z.string({ error: EXPECTED.clock }).refine((value) => parseClock(value) !== undefined, EXPECTED.clock),
    )
    .describe(description)
    .meta({ label, field: { kind: "clock" } });
}

export function yearField(label: string, description: string) {
  return z
    .number({ error: EXPECTED.year })
    .int(EXPECTED.year)
    .min(1900, EXPECTED.year)
    .max(2200, EXPECTED.year)
    .describe(description)
    .meta({ label, field: { kind: "year" } });
}

/**
 * A key into a data file, such as an organisation's: the same spelling a URL uses, so it can never need escaping.
 * That the key exists is checked when a file is read (read.ts), for every field declared with a `reference`.
 */
export function keyField(label: string, description: string, reference: ReferenceTarget) {
  return slugKey(label, description).meta({ field: { kind: "reference", reference } });
}

/** A key spelt as a URL spells it (src/text/slug.ts), so it never needs escaping. */
function slugKey(label: string, description: string) {
  return z
    .string({ error: EXPECTED.slugKey })
    .refine((value) => value === slugify(value) && value !== "", EXPECTED.slugKey)
    .describe(description)
    .meta({ label, pattern: SLUG_PATTERN });
}

/**
 * An entry's own key in a data file (an organisation's): its slug, so its page's address needs no escaping and a
 * document writes it one way only. A key that is not its slug gets the slug it should be in the message.
 */
export function ownKeyField(label: string, description: string) {
  return z
    .string({ error: EXPECTED.slugKey })
    .superRefine((value, ctx) => {
      const slug = slugify(value);
      if (value !== slug) {
        ctx.addIssue({ code: "custom", message: slug === "" ? EXPECTED.slugKey : `en nyckel med små bokstäver, siffror och bindestreck: "${slug}"` });
      }
    })
    .describe(description)
    .meta({ label, field: { kind: "key" }, pattern: SLUG_PATTERN });
}

// Only used to resolve paths; never shown and never fetched.
const PATH_BASE = "https://finsam.invalid";

/**
 * Where a browser would take a site path once it has read it the way browsers do: a backslash is a slash, and a
 * host checks "%2F" and "%5C" as written. "/\\evil.example/x.jpg" resolves to https://evil.example/x.jpg, so the
 * check runs on the normalised form, and that form is what the site uses.
 */
export function normaliseSitePath(value: string): string {
  return value.trim().replace(/\\/g, "/");
}

/** Why a normalised path is not a path on this site, or undefined when it is one. */
export function offSitePathReason(value: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return "en adress till en annan webbplats";
  const decoded = value.replace(/%2f|%5c/gi, "/");
  if (!value.startsWith("/") || decoded.startsWith("//")) return value.startsWith("/") ? "en adress till en annan webbplats" : "en relativ sökväg";
  if (/%2f|%5c/i.test(value)) return "en sökväg med kodade snedstreck (%2F, %5C)";
  return new URL(value, PATH_BASE).origin === PATH_BASE ? undefined : "en adress till en annan webbplats";
}

/** A path on this site, normalised; anything that leads elsewhere is refused with `expected` and why. */
function onSitePath(label: string, description: string, expected: string, addendum = "") {
  return text(label, description)
    .transform(normaliseSitePath)
    .superRefine((value, ctx) => {
      const reason = offSitePathReason(value);
      if (reason) ctx.addIssue({ code: "custom", message: `${expected} (inte ${reason}${addendum})` });
    });
}

/** An image on this site, written from its root ("/bilder/magnus.jpg"): never an address that leads elsewhere. */
export function sitePathField(label: string, description: string, example: string) {
  return onSitePath(label, description, `en sökväg på webbplatsen som börjar med ett snedstreck, t.ex. ${example}`, "; bilder från andra webbplatser visas inte").meta({
    field: { kind: "imagePath" },
  });
}

/** A page on this site, written from its root ("/nyheter/", "/feed.xml"): a menu never leads elsewhere by mistake. */
export function linkPathField(label: string, description: string) {
  return onSitePath(label, description, "en sökväg på webbplatsen som börjar med ett snedstreck, t.ex. /nyheter/").meta({ field: { kind: "linkPath" } });
}

/** Where attached PDFs live (content/filer/), as the site serves them. */
export const FILES_PATH = "/filer/";

/** A PDF on this site, such as a signed original ("/filer/protokoll-2024-05-02.pdf"): the file must be in content/filer/. */
export function filePathField(label: string, description: string, example: string) {
  const expected = `en sökväg till en PDF-fil i content/filer/, skriven från webbplatsens rot, t.ex. ${example}`;
  return text(label, description)
    .transform(normaliseSitePath)
    .superRefine((value, ctx) => {
      const reason = offSitePathReason(value);
      const folder = value.slice(0, value.lastIndexOf("/") + 1);
      if (reason || folder !== FILES_PATH || !/\.pdf$/i.test(value)) {
        ctx.addIssue({ code: "custom", message: `${expected}${reason ? ` (inte ${reason})` : ""}` });
      }
    })
    .meta({ field: { kind: "filePath" } });
}

/**
 * An Atom entry id must be an absolute IRI (RFC 4287 4.2.6) that never changes: a tag URI (RFC 4151), an
 * http(s) address or a URN, as the document's old site gave it.
 */
const TAG_URI = /^tag:[^\s,:/]+(?:\.[^\s,:/]+)*,\d{4}(?:-\d{2}(?:-\d{2})?)?:\S*$/;
const URN = /^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i;

export function isFeedId(value: string): boolean {
  if (TAG_URI.test(value) || URN.test(value)) return true;
  if (!/^https?:\/\/\S+$/i.test(value)) return false;
  try {
    return new URL(value).host !== "";
  } catch {
    return false;
  }
}

export function feedIdField(label: string, description: string) {
  return text(label, description).refine(
    isFeedId,
    "ett fast id som flödesläsare känner igen posten på: en tag-URI (t.ex. tag:finsam.se,2022-03-03:nyheter/magnus-slutar) eller en fullständig webbadress (https://…), som det gamla flödet gav posten",
  ).meta({ field: { kind: "feedId" } });
}

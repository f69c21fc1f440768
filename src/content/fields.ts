// Field builders shared by every schema. Each message is the "expected" half of an editor-facing
// sentence ("fältet X ska vara <message>, men är …"), so it reads as plain Swedish.
import { z } from "zod";
import { isSwedishDate, parseClock, parseSwedishDate } from "../dates.ts";
import { slugify } from "../slug.ts";

export const EXPECTED = {
  text: "text",
  nonEmpty: "en text som inte är tom",
  day: "ett datum (ÅÅÅÅ-MM-DD)",
  dayOrDateTime: "ett datum (ÅÅÅÅ-MM-DD) eller datum och tid (ÅÅÅÅ-MM-DDTHH:MM)",
  clock: "en tid (TT.MM, t.ex. 08.30)",
  year: "ett årtal (t.ex. 2006)",
  boolean: "true eller false",
  list: "en lista",
  slugKey: "en nyckel med små bokstäver, siffror och bindestreck (t.ex. alv-och-kust)",
  filledIn: "riktig text",
} as const;

/**
 * `npm run new` writes "[fyll i: …]" wherever the editor has to write something. Text fields refuse it
 * and every other field refuses it anyway (it is no date, time or number), so a template left half
 * filled in can never be published.
 */
const PLACEHOLDER = /\[fyll i\b/i;

export function placeholder(hint: string): string {
  return `[fyll i: ${hint.trim().replace(/\.$/, "")}]`;
}

export function holdsPlaceholder(value: unknown): boolean {
  return typeof value === "string" && PLACEHOLDER.test(value);
}

/** Required, trimmed, non-empty text that is not a template's placeholder. */
export function text(description: string) {
  return z
    .string({ error: EXPECTED.text })
    .trim()
    .min(1, EXPECTED.nonEmpty)
    .refine((value) => !holdsPlaceholder(value), EXPECTED.filledIn)
    .describe(description);
}

export function textList(description: string) {
  return z.array(text("en post i listan"), { error: `${EXPECTED.list} med text` }).describe(description);
}

/** A calendar day or a moment, read as Swedish time; becomes a Date. */
export function dateField(description: string, { dayOnly = false } = {}) {
  const expected = dayOnly ? EXPECTED.day : EXPECTED.dayOrDateTime;
  return z
    .string({ error: expected })
    .refine((value) => isSwedishDate(value) && (!dayOnly || /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(value)), expected)
    .transform((value) => parseSwedishDate(value) as Date)
    .describe(description);
}

export function clockField(description: string) {
  // YAML reads an unquoted 08.30 as the number 8.3; the trailing zero it dropped can only have been a zero.
  return z
    .preprocess(
      (value) => (typeof value === "number" && Number.isFinite(value) ? value.toFixed(2) : value),
      z.string({ error: EXPECTED.clock }).refine((value) => parseClock(value) !== undefined, EXPECTED.clock),
    )
    .describe(description);
}

export function yearField(description: string) {
  return z
    .number({ error: EXPECTED.year })
    .int(EXPECTED.year)
    .min(1900, EXPECTED.year)
    .max(2200, EXPECTED.year)
    .describe(description);
}

/** A key such as an organisation's: the same spelling a URL uses, so it can never need escaping. */
export function keyField(description: string) {
  return z
    .string({ error: EXPECTED.slugKey })
    .refine((value) => value === slugify(value) && value !== "", EXPECTED.slugKey)
    .describe(description);
}

// Dates as Swedish text writes them ("lördag 25 januari 2014", "22-23 oktober 2019", "2023-05-08"),
// read into calendar days; a phrase without a year borrows one the caller knows.

export const MONTHS = [
  "januari", "februari", "mars", "april", "maj", "juni",
  "juli", "augusti", "september", "oktober", "november", "december",
] as const;

const WEEKDAY = "(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)\\s+(?:den\\s+)?";
const MONTH = `(${MONTHS.join("|")})`;
const DASH = "\\s*[-–—]\\s*";

/** "30 september–1 oktober 2019", "22-23 oktober 2019", "25 januari 2014", "2014-01-25", each optionally with a weekday. */
const PHRASE = new RegExp(
  [
    `(?<d1>\\d{1,2})\\s+(?<m1>${MONTH.slice(1, -1)})${DASH}(?<d2>\\d{1,2})\\s+(?<m2>${MONTH.slice(1, -1)})(?:\\s+(?<y1>\\d{4}))?`,
    `(?<d3>\\d{1,2})${DASH}(?<d4>\\d{1,2})\\s+(?<m3>${MONTH.slice(1, -1)})(?:\\s+(?<y2>\\d{4}))?`,
    `(?<d5>\\d{1,2})\\s+(?<m4>${MONTH.slice(1, -1)})(?:\\s+(?<y3>\\d{4}))?`,
    `(?<iso>\\d{4}-\\d{2}-\\d{2})`,
  ]
    .map((alternative) => `(?:${WEEKDAY})?${alternative}`)
    .join("|"),
  "iu",
);

export interface DatePhrase {
  /** ÅÅÅÅ-MM-DD; the year is missing when the text left it out and none was given. */
  start: string;
  end?: string;
  /** The text with the phrase taken out. */
  rest: string;
  /** The phrase had its own year. */
  hasYear: boolean;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

function day(year: number | undefined, month: string, date: string): string | undefined {
  const monthNumber = MONTHS.indexOf(month.toLowerCase() as (typeof MONTHS)[number]) + 1;
  const dayNumber = Number(date);
  if (monthNumber === 0 || dayNumber < 1 || dayNumber > 31 || year === undefined) return undefined;
  const check = new Date(Date.UTC(year, monthNumber - 1, dayNumber));
  if (check.getUTCMonth() !== monthNumber - 1) return undefined;
  return `${year}-${pad(monthNumber)}-${pad(dayNumber)}`;
}

function validIso(text: string): string | undefined {
  const [year, month, date] = text.split("-").map(Number) as [number, number, number];
  return day(year, MONTHS[month - 1] ?? "", String(date));
}

/** The first date phrase in `text`; `fallbackYear` completes "den 22-23 oktober". */
export function parseDatePhrase(text: string, fallbackYear?: number): DatePhrase | undefined {
  const match = PHRASE.exec(text);
  if (!match?.groups) return undefined;
  const g = match.groups;
  const rest = `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`.replace(/\s+/g, " ").trim();
  const yearText = g.y1 ?? g.y2 ?? g.y3;
  const year = yearText !== undefined ? Number(yearText) : fallbackYear;
  let start: string | undefined;
  let end: string | undefined;
  if (g.iso) start = validIso(g.iso);
  else if (g.d1) {
    start = day(year, g.m1 as string, g.d1);
    end = day(year, g.m2 as string, g.d2 as string);
  } else if (g.d3) {
    start = day(year, g.m3 as string, g.d3);
    end = day(year, g.m3 as string, g.d4 as string);
  } else if (g.d5) start = day(year, g.m4 as string, g.d5);
  if (start === undefined) return undefined;
  const phrase: DatePhrase = { start, rest, hasYear: g.iso !== undefined || yearText !== undefined };
  if (end !== undefined && end >= start) phrase.end = end;
  return phrase;
}

/** Every date phrase in `text`, in order. */
export function findDatePhrases(text: string, fallbackYear?: number): DatePhrase[] {
  const found: DatePhrase[] = [];
  let remaining = text;
  for (let guard = 0; guard < 50; guard++) {
    const phrase = parseDatePhrase(remaining, fallbackYear);
    if (!phrase) {
      // An unreadable first match (31 februari, a phrase without a year) must not hide the ones after it.
      const skipped = PHRASE.exec(remaining);
      if (!skipped) break;
      remaining = remaining.slice(skipped.index + skipped[0].length);
      continue;
    }
    found.push(phrase);
    const match = PHRASE.exec(remaining) as RegExpExecArray;
    remaining = remaining.slice(match.index + match[0].length);
  }
  return found;
}

/** "2006", "2014": four-digit years that stand as words, in order. */
export function yearsIn(text: string): number[] {
  return [...text.matchAll(/(?<![\d-])(19\d{2}|20\d{2})(?![\d-])/g)].map((match) => Number(match[1]));
}

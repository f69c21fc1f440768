// Dates in one home: editors' dates are Swedish calendar days (Europe/Stockholm), never the machine's zone.
import { DateTime } from "luxon";
import { SITE } from "./site.ts";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const CLOCK = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

function inZone(dt: DateTime): DateTime {
  return dt.setZone(SITE.zone).setLocale("sv");
}

// Luxon finds the Swedish offset through Intl on every call (tens of microseconds), and a build of 10,000
// documents parses and formats hundreds of thousands of dates, mostly the same days again: remember them.
const MEMO_LIMIT = 100_000;

function memoByTime<T>(compute: (date: Date) => T): (date: Date) => T {
  const cache = new Map<number, T>();
  return (date) => {
    const time = date.getTime();
    let value = cache.get(time);
    if (value === undefined) {
      if (cache.size >= MEMO_LIMIT) cache.clear();
      value = compute(date);
      cache.set(time, value);
    }
    return value;
  };
}

const parsed = new Map<string, number | null>();

/** A day ("2019-10-22") or a date-time ("2019-10-22T09:00", with or without offset), read as Swedish time. */
export function parseSwedishDate(text: string): Date | undefined {
  const trimmed = text.trim();
  let time = parsed.get(trimmed);
  if (time === undefined) {
    if (parsed.size >= MEMO_LIMIT) parsed.clear();
    time = parseUncached(trimmed);
    parsed.set(trimmed, time);
  }
  // A new Date each time: callers may keep or change theirs.
  return time === null ? undefined : new Date(time);
}

function parseUncached(trimmed: string): number | null {
  if (!DAY.test(trimmed) && !DATE_TIME.test(trimmed)) return null;
  const dt = DateTime.fromISO(trimmed.replace(" ", "T"), { zone: SITE.zone, setZone: false });
  return dt.isValid ? dt.toMillis() : null;
}

export function isSwedishDate(text: string): boolean {
  return parseSwedishDate(text) !== undefined;
}

/** A clock time "08.30" or "8:30" as minutes after midnight, for ordering and display. */
export function parseClock(text: string): { hour: number; minute: number } | undefined {
  const match = CLOCK.exec(text.trim());
  if (!match) return undefined;
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/** "22 oktober 2019": running text, as webbriktlinjer.se recommends. */
export const formatLongDate = memoByTime((date: Date): string => inZone(DateTime.fromJSDate(date)).toFormat("d MMMM yyyy"));

/** "2019-10-22": compact form, also used in <time datetime>. */
export const formatIsoDay = memoByTime((date: Date): string => inZone(DateTime.fromJSDate(date)).toFormat("yyyy-MM-dd"));

/** "8 juni 2023 kl. 9.58": a moment, for signatures. */
export const formatLongDateTime = memoByTime((date: Date): string => {
  const dt = inZone(DateTime.fromJSDate(date));
  return `${dt.toFormat("d MMMM yyyy")} kl. ${dt.toFormat("H.mm")}`;
});

const ranges = new Map<string, string>();

/** "22–23 oktober 2019", "30 september–1 oktober 2019", "30 december 2019–2 januari 2020". */
export function formatDateRange(start: Date, end: Date): string {
  const key = `${start.getTime()} ${end.getTime()}`;
  let text = ranges.get(key);
  if (text === undefined) {
    if (ranges.size >= MEMO_LIMIT) ranges.clear();
    ranges.set(key, (text = formatRange(start, end)));
  }
  return text;
}

function formatRange(start: Date, end: Date): string {
  const a = inZone(DateTime.fromJSDate(start));
  const b = inZone(DateTime.fromJSDate(end));
  if (a.hasSame(b, "day")) return formatLongDate(start);
  if (a.hasSame(b, "month")) return `${a.toFormat("d")}–${b.toFormat("d MMMM yyyy")}`;
  if (a.hasSame(b, "year")) return `${a.toFormat("d MMMM")}–${b.toFormat("d MMMM yyyy")}`;
  return `${formatLongDate(start)}–${formatLongDate(end)}`;
}

/** "kl. 8.30–12.00" from "08.30" and "12.00". */
export function formatClockSpan(start: string, end: string): string {
  const clock = (text: string): string => {
    const parsed = parseClock(text);
    return parsed ? `${parsed.hour}.${String(parsed.minute).padStart(2, "0")}` : text;
  };
  return `kl. ${clock(start)}–${clock(end)}`;
}

export const yearOf = memoByTime((date: Date): number => inZone(DateTime.fromJSDate(date)).year);

/** RFC 3339 in UTC without milliseconds, as Atom and JSON Feed want. */
export function toRfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** ISO 8601 with the Swedish offset ("2022-03-03T00:00:00+01:00"): the day stays the editor's day for any reader. */
export const toIsoWithOffset = memoByTime((date: Date): string => inZone(DateTime.fromJSDate(date)).toISO({ suppressMilliseconds: true }) as string);

/** The day after an ISO day: "2027-02-28" → "2027-03-01". */
export function nextIsoDay(day: string): string {
  return DateTime.fromISO(day, { zone: SITE.zone }).plus({ days: 1 }).toFormat("yyyy-MM-dd");
}

/** Swedish wall-clock time without offset ("2027-03-04T09:00:00"), as calendars with a TZID want it. */
export function toSwedishWallClock(date: Date): string {
  return inZone(DateTime.fromJSDate(date)).toFormat("yyyy-MM-dd'T'HH:mm:ss");
}

/** "4 mars 2027 kl. 9.00–11.30", or "4 mars 2027 kl. 9.00–5 mars 2027 kl. 12.00" across days. */
export function formatDateTimeRange(start: Date, end: Date): string {
  const a = inZone(DateTime.fromJSDate(start));
  const b = inZone(DateTime.fromJSDate(end));
  if (a.hasSame(b, "day")) return `${formatLongDate(start)} kl. ${a.toFormat("H.mm")}–${b.toFormat("H.mm")}`;
  return `${formatLongDateTime(start)}–${formatLongDateTime(end)}`;
}

// Dates in one home: editors' dates are Swedish calendar days (Europe/Stockholm), never the machine's zone.
import { DateTime } from "luxon";
import { SITE } from "../site/site.ts";
import { memoise } from "./memo.ts";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const CLOCK = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

function inZone(dt: DateTime): DateTime {
  return dt.setZone(SITE.zone).setLocale("sv");
}

// A build of 10,000 documents parses and formats hundreds of thousands of dates, mostly the same days again: each
// form is remembered by the instant (src/text/memo.ts), a Date being a mutable object.
const MEMO_LIMIT = 100_000;

function memoByTime<T>(compute: (date: Date) => T): (date: Date) => T {
  const byTime = memoise((time: number) => compute(new Date(time)), MEMO_LIMIT);
  return (date) => byTime(date.getTime());
}

const parseTime = memoise((trimmed: string) => parseUncached(trimmed), MEMO_LIMIT);

/** A day ("2019-10-22") or a date-time ("2019-10-22T09:00", with or without offset), read as Swedish time. */
export function parseSwedishDate(text: string): Date | undefined {
  const time = parseTime(text.trim());
  // A new Date each time: callers may keep or change theirs.
  return time === null ? undefined : new Date(time);
}

function parseUncached(trimmed: string): number | null {
  if (!DAY.test(trimmed) && !DATE_TIME.test(trimmed)) return null;
  const time = stockholmTime(trimmed);
  if (time !== undefined) return time;
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

/**
 * An instant as Stockholm's wall clock shows it, read once per instant. Formatting through luxon looked the
 * offset up through Intl on every call (setZone), and the month name through Intl once more (toFormat "MMMM"):
 * a build of 10,000 documents formats each date on every card, in every sitemap entry and JSON-LD block.
 * Here the offset comes from Intl twice per UTC month (steadyOffset), or once per instant in a month with a change of
 * offset, and the rest is arithmetic. Outside the years 1000–9999 (or with an offset of seconds, before 1900) the
 * fields are undefined and luxon formats.
 */
interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes ahead of UTC. */
  offset: number;
}

const ZONE_FIELDS = new Intl.DateTimeFormat("en-US", {
  timeZone: SITE.zone,
  hourCycle: "h23",
  era: "short",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

/** Swedish month names as luxon's "MMMM" writes them: Intl's, in a date's context ("22 oktober"). */
const MONTHS: readonly string[] = Array.from({ length: 12 }, (_, index) => {
  const parts = new Intl.DateTimeFormat(SITE.lang, { timeZone: "UTC", month: "long", day: "numeric" }).formatToParts(Date.UTC(2021, index, 15));
  return parts.find((part) => part.type === "month")?.value ?? String(index + 1);
});

/** ZONE_FIELDS' text: "10/22/2019 AD, 09:05:00", its parts in the order formatToParts gives them. */
const ZONE_TEXT = /^(\d+)\/(\d+)\/(\d+) ([A-Z]+), (\d+):(\d+):(\d+)$/;

/**
 * The fields of an instant on Stockholm's wall clock, by type. Read from format's text, a string being a fraction of
 * the cost of formatToParts' objects (most of a check's date work); formatToParts answers when the text has another shape.
 */
function zoneFields(time: number): Record<string, string | undefined> {
  const text = ZONE_TEXT.exec(ZONE_FIELDS.format(time));
  if (text) return { month: text[1], day: text[2], year: text[3], era: text[4], hour: text[5], minute: text[6], second: text[7] };
  const fields: Record<string, string> = {};
  for (const part of ZONE_FIELDS.formatToParts(time)) fields[part.type] = part.value;
  return fields;
}

const wallClock = memoByTime((date: Date): WallClock | null => clockAt(date.getTime()));

/** wallClock without remembering: for instants read once, such as the two each parsed date asks about. */
function clockAt(time: number): WallClock | null {
  if (!Number.isFinite(time)) return null;
  const offset = steadyOffset(time);
  return offset === undefined ? clockByIntl(time) : clockWithOffset(time, offset);
}

/** The wall clock as Intl shows it at one instant: what every instant cost before steadyOffset. */
function clockByIntl(time: number): WallClock | null {
  const fields = zoneFields(time);
  const year = Number(fields.year);
  if (fields.era !== "AD" || !(year >= 1000 && year <= 9999)) return null;
  const month = Number(fields.month);
  const day = Number(fields.day);
  const hour = Number(fields.hour) % 24;
  const minute = Number(fields.minute);
  const second = Number(fields.second);
  const millisecond = ((time % 1000) + 1000) % 1000;
  const offset = (Date.UTC(year, month - 1, day, hour, minute, second) - (time - millisecond)) / 60_000;
  if (!Number.isInteger(offset)) return null;
  return { year, month, day, hour, minute, second, millisecond, offset };
}

/** The wall clock at an instant whose offset is known: arithmetic, the fields of the shifted instant in UTC. */
function clockWithOffset(time: number, offset: number): WallClock | null {
  const shown = new Date(time + offset * 60_000);
  const year = shown.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) return clockByIntl(time);
  return {
    year,
    month: shown.getUTCMonth() + 1,
    day: shown.getUTCDate(),
    hour: shown.getUTCHours(),
    minute: shown.getUTCMinutes(),
    second: shown.getUTCSeconds(),
    millisecond: shown.getUTCMilliseconds(),
    offset,
  };
}

/** Stockholm's offset from UTC in minutes at an instant, by Intl, remembered: months' edges are asked for again and again. */
const offsetByIntl = memoise((time: number): number | undefined => clockByIntl(time)?.offset, MEMO_LIMIT);

/**
 * Stockholm's offset through the UTC month of an instant, where the month starts and ends with the same one: no month
 * of the zone's history has two changes of offset (tests/unit/text/dates.test.ts holds the runtime's time zone data to
 * that, day by day from 1850 to 2200, and reads the clock around every change), so a month with the same offset at
 * both ends has no change. Undefined for a month with a change in it, and outside the years 1000-9999: there Intl is
 * asked at the instant itself. Two Intl lookups per month instead of one per instant, which was most of the time a
 * check spent on dates (bench/RESULTS.md).
 */
function steadyOffset(time: number): number | undefined {
  const date = new Date(time);
  const year = date.getUTCFullYear();
  if (year < 1000 || year > 9999) return undefined;
  const month = date.getUTCMonth();
  const start = offsetByIntl(Date.UTC(year, month, 1));
  return start !== undefined && start === offsetByIntl(Date.UTC(year, month + 1, 1)) ? start : undefined;
}

/** A day, or a date-time without offset or fraction: what stockholmTime reads without luxon. */
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A day ("2019-10-22", at midnight) or a date-time without offset ("2019-10-22T09:00") on Stockholm's clock, without
 * luxon, whose zone lookup is the slow part of reading dates (bench/RESULTS.md, issue 11). The offset comes from Intl
 * at the wall time read as UTC, and is checked by reading the result back. Where the clocks change, the answer does
 * not depend on today's date (luxon's does: it starts from the offset in force now):
 * - a time shown twice (02:30 on the last Sunday of October; midnight on 1 October 1916) is the later one, in
 *   standard time;
 * - a time the clocks skip (02:30 on the last Sunday of March) is read with the offset before the change, so it is
 *   shown an hour later (03:30).
 * Null for a day that does not exist (2019-02-30); undefined for what luxon decides (an hour of 24, a year before 1000).
 * tests/unit/text/dates.test.ts holds this to luxon (with luxon's clock in winter) for every day from 1890 to 2110 and
 * every quarter hour around each change of offset from 1900 to 2040.
 */
function stockholmTime(text: string): number | null | undefined {
  const match = LOCAL_TIME.exec(text);
  if (!match) return undefined;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match.slice(1).map((field) => Number(field ?? 0));
  // Date.UTC reads the years 0-99 as 1900-1999.
  if (year < 1000) return undefined;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(asUtc);
  // Date.UTC carries 2019-02-30 over into March, month 13 into the next year and an hour of 24 into the next day.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return hour >= 24 || minute >= 60 || second >= 60 ? undefined : null;
  if (back.getUTCHours() !== hour || back.getUTCMinutes() !== minute || back.getUTCSeconds() !== second) return undefined;
  const offset = clockAt(asUtc)?.offset;
  if (offset === undefined) return undefined;
  const time = asUtc - offset * 60_000;
  const clock = clockAt(time);
  if (!clock) return undefined;
  if (Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second, clock.millisecond) === asUtc) return time;
  // The clock does not show the wall time at that instant: the offset changed between the two (the wall time is
  // within hours of a change). Read it with the offset that instant has: the one in force at the wall time, or, for a
  // time the clocks skipped, the one before the change.
  return asUtc - clock.offset * 60_000;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

function isoDayOf(clock: WallClock): string {
  return `${clock.year}-${pad2(clock.month)}-${pad2(clock.day)}`;
}

function longDateOf(clock: WallClock): string {
  return `${clock.day} ${MONTHS[clock.month - 1]} ${clock.year}`;
}

/** "d MMMM yyyy" and the like through luxon: only for the instants wallClock leaves out. */
function luxonFormat(date: Date, format: string): string {
  return inZone(DateTime.fromJSDate(date)).toFormat(format);
}

/** "22 oktober 2019": running text, as webbriktlinjer.se recommends. */
export const formatLongDate = memoByTime((date: Date): string => {
  const clock = wallClock(date);
  return clock ? longDateOf(clock) : luxonFormat(date, "d MMMM yyyy");
});

/** "2019-10-22": compact form, also used in <time datetime>. */
export const formatIsoDay = memoByTime((date: Date): string => {
  const clock = wallClock(date);
  return clock ? isoDayOf(clock) : luxonFormat(date, "yyyy-MM-dd");
});

/** "8 juni 2023 kl. 9.58": a moment, for signatures. */
export const formatLongDateTime = memoByTime((date: Date): string => `${formatLongDate(date)} kl. ${clockTime(date)}`);

/** "9.58". */
function clockTime(date: Date): string {
  const clock = wallClock(date);
  return clock ? `${clock.hour}.${pad2(clock.minute)}` : luxonFormat(date, "H.mm");
}

/** Swedish ranges of days as Intl writes them, shortened where start and end share a month or year. */
const DAY_RANGE = new Intl.DateTimeFormat(SITE.lang, { timeZone: SITE.zone, day: "numeric", month: "long", year: "numeric" });

const rangeText = memoise((key: string) => {
  const [start, end] = key.split(" ").map((time) => new Date(Number(time))) as [Date, Date];
  return wallClock(start) && wallClock(end) ? DAY_RANGE.formatRange(start, end) : formatRangeWithLuxon(start, end);
}, MEMO_LIMIT);

/** "22–23 oktober 2019", "30 september–1 oktober 2019", "30 december 2019–2 januari 2020". */
export function formatDateRange(start: Date, end: Date): string {
  // formatRange refuses an end before the start; such a range is written as given, as luxon wrote it.
  if (end.getTime() < start.getTime()) return formatRangeWithLuxon(start, end);
  return rangeText(`${start.getTime()} ${end.getTime()}`);
}

function formatRangeWithLuxon(start: Date, end: Date): string {
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

export const yearOf = memoByTime((date: Date): number => wallClock(date)?.year ?? inZone(DateTime.fromJSDate(date)).year);

/** RFC 3339 in UTC without milliseconds, as Atom and JSON Feed want. */
export function toRfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** ISO 8601 with the Swedish offset ("2022-03-03T00:00:00+01:00"): the day stays the editor's day for any reader. */
export const toIsoWithOffset = memoByTime((date: Date): string => {
  const clock = wallClock(date);
  if (!clock) return inZone(DateTime.fromJSDate(date)).toISO({ suppressMilliseconds: true }) as string;
  const { hour, minute, second, millisecond, offset } = clock;
  const fraction = millisecond === 0 ? "" : `.${String(millisecond).padStart(3, "0")}`;
  const ahead = Math.abs(offset);
  const zone = `${offset < 0 ? "-" : "+"}${pad2(Math.trunc(ahead / 60))}:${pad2(ahead % 60)}`;
  return `${isoDayOf(clock)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}${fraction}${zone}`;
});

/** The day after an ISO day: "2027-02-28" → "2027-03-01". */
export function nextIsoDay(day: string): string {
  return DateTime.fromISO(day, { zone: SITE.zone }).plus({ days: 1 }).toFormat("yyyy-MM-dd");
}

/** Swedish wall-clock time without offset ("2027-03-04T09:00:00"), as calendars with a TZID want it. */
export function toSwedishWallClock(date: Date): string {
  const clock = wallClock(date);
  if (!clock) return luxonFormat(date, "yyyy-MM-dd'T'HH:mm:ss");
  return `${isoDayOf(clock)}T${pad2(clock.hour)}:${pad2(clock.minute)}:${pad2(clock.second)}`;
}

/** "4 mars 2027 kl. 9.00–11.30", or "4 mars 2027 kl. 9.00–5 mars 2027 kl. 12.00" across days. */
export function formatDateTimeRange(start: Date, end: Date): string {
  if (formatIsoDay(start) === formatIsoDay(end)) return `${formatLongDate(start)} kl. ${clockTime(start)}–${clockTime(end)}`;
  return `${formatLongDateTime(start)}–${formatLongDateTime(end)}`;
}

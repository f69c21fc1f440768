// Dates are Swedish calendar days: the machine's time zone must never move them.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DateTime, Settings } from "luxon";
import {
  formatClockSpan,
  formatDateRange,
  formatDateTimeRange,
  formatIsoDay,
  formatLongDate,
  formatLongDateTime,
  isSwedishDate,
  parseClock,
  parseSwedishDate,
  toIsoWithOffset,
  toSwedishWallClock,
  yearOf,
} from "../../../src/text/dates.ts";

const originalTz = process.env.TZ;

afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

/** A parsed day; fails the test (rather than formatting undefined) when parsing does. */
function day(text: string): Date {
  const date = parseSwedishDate(text);
  if (!date) throw new Error(`could not parse ${text}`);
  return date;
}

describe("formatLongDate", () => {
  it("gives the same Swedish day whatever the machine's time zone", () => {
    const offsets: number[] = [];
    for (const zone of ["America/Los_Angeles", "Pacific/Auckland", "UTC", "Europe/Stockholm"]) {
      process.env.TZ = zone;
      // Guard: the zone change must really have reached the runtime, or the test proves nothing.
      offsets.push(new Date(2019, 9, 22).getTimezoneOffset());
      expect(formatLongDate(day("2019-10-22")), zone).toBe("22 oktober 2019");
      expect(formatIsoDay(day("2019-10-22")), zone).toBe("2019-10-22");
      expect(yearOf(day("2020-01-01")), zone).toBe(2020);
      expect(yearOf(day("2019-12-31")), zone).toBe(2019);
    }
    expect(new Set(offsets).size).toBe(4);
  });

  it("writes Swedish month names without a leading zero", () => {
    expect(formatLongDate(day("2023-05-08"))).toBe("8 maj 2023");
    expect(formatLongDate(day("2014-01-25"))).toBe("25 januari 2014");
    expect(formatLongDate(day("2020-12-01"))).toBe("1 december 2020");
  });
});

describe("parseSwedishDate", () => {
  it("reads a date-time without offset as Swedish time", () => {
    process.env.TZ = "America/Los_Angeles";
    // 09:00 in Stockholm in October 2019 (summer time, UTC+2) is 07:00 UTC.
    expect(day("2019-10-22T09:00").toISOString()).toBe("2019-10-22T07:00:00.000Z");
    // In January Stockholm is UTC+1.
    expect(day("2020-01-15T09:00").toISOString()).toBe("2020-01-15T08:00:00.000Z");
    expect(day("2019-10-22 09:00").toISOString()).toBe("2019-10-22T07:00:00.000Z");
  });

  it("respects an explicit offset or Z", () => {
    expect(day("2019-10-22T09:00+05:00").toISOString()).toBe("2019-10-22T04:00:00.000Z");
    expect(day("2019-10-22T09:00:30Z").toISOString()).toBe("2019-10-22T09:00:30.000Z");
    expect(day("2023-06-08T07:58:34Z").toISOString()).toBe("2023-06-08T07:58:34.000Z");
  });

  it("formats a moment late in the UTC day as the Swedish day it already is", () => {
    // 23:30 UTC on 22 October is 01:30 on 23 October in Stockholm.
    expect(formatLongDate(day("2019-10-22T23:30Z"))).toBe("23 oktober 2019");
    expect(formatLongDateTime(day("2023-06-08T07:58:34Z"))).toBe("8 juni 2023 kl. 9.58");
  });

  it("rejects days that do not exist and dates written out in words", () => {
    for (const text of ["2019-02-30", "2019-13-01", "2019-02-29", "22 oktober 2019", "2019-10-22T25:00", "22/10/2019", "2019-1-5", ""]) {
      expect(parseSwedishDate(text), text).toBeUndefined();
      expect(isSwedishDate(text), text).toBe(false);
    }
    expect(isSwedishDate("2020-02-29")).toBe(true);
  });
});

describe("formatDateRange", () => {
  it("shortens a range within one month", () => {
    expect(formatDateRange(day("2019-10-22"), day("2019-10-23"))).toBe("22–23 oktober 2019");
  });

  it("writes both months for a range across months", () => {
    expect(formatDateRange(day("2019-09-30"), day("2019-10-01"))).toBe("30 september–1 oktober 2019");
  });

  it("writes both years for a range across years", () => {
    expect(formatDateRange(day("2019-12-30"), day("2020-01-02"))).toBe("30 december 2019–2 januari 2020");
  });

  it("gives one day when start and end are the same", () => {
    expect(formatDateRange(day("2019-10-22"), day("2019-10-22"))).toBe("22 oktober 2019");
  });

  it("is the same under another machine time zone", () => {
    process.env.TZ = "Pacific/Auckland";
    expect(formatDateRange(day("2019-10-22"), day("2019-10-23"))).toBe("22–23 oktober 2019");
    process.env.TZ = "America/Los_Angeles";
    expect(formatDateRange(day("2019-10-22"), day("2019-10-23"))).toBe("22–23 oktober 2019");
  });
});

describe("clock times", () => {
  it("writes a span in the Swedish form without leading zero", () => {
    expect(formatClockSpan("08.30", "12.00")).toBe("kl. 8.30–12.00");
    expect(formatClockSpan("8:30", "16:05")).toBe("kl. 8.30–16.05");
  });

  it("reads valid clock times and rejects others", () => {
    expect(parseClock("08.30")).toEqual({ hour: 8, minute: 30 });
    expect(parseClock("23:59")).toEqual({ hour: 23, minute: 59 });
    for (const text of ["24.00", "8.3", "08.60", "halv nio", ""]) expect(parseClock(text), text).toBeUndefined();
  });
});

describe("formatting without luxon, as luxon formats", () => {
  // The formatters read Stockholm's wall clock once per instant (src/text/dates.ts) instead of going through luxon;
  // luxon, as they were written before, is the oracle.
  const inZone = (date: Date) => DateTime.fromJSDate(date).setZone("Europe/Stockholm").setLocale("sv");
  const oracle = {
    long: (date: Date) => inZone(date).toFormat("d MMMM yyyy"),
    iso: (date: Date) => inZone(date).toFormat("yyyy-MM-dd"),
    moment: (date: Date) => `${inZone(date).toFormat("d MMMM yyyy")} kl. ${inZone(date).toFormat("H.mm")}`,
    year: (date: Date) => inZone(date).year,
    withOffset: (date: Date) => inZone(date).toISO({ suppressMilliseconds: true }),
    wallClock: (date: Date) => inZone(date).toFormat("yyyy-MM-dd'T'HH:mm:ss"),
  };

  /** Instants around every offset change from 1900 to 2100, every month's edges, and a spread in between. */
  function instants(): Date[] {
    const times: number[] = [];
    const hour = 3_600_000;
    for (let time = Date.UTC(1895, 0, 1); time < Date.UTC(2100, 0, 1); time += 101 * hour + 7 * 60_000 + 13_001) times.push(time);
    for (let year = 1895; year < 2100; year++) {
      for (let month = 0; month < 12; month++) {
        const start = Date.UTC(year, month, 1);
        for (const delta of [-hour - 1, -1, 0, hour]) times.push(start + delta);
      }
    }
    // Offset changes, found to the week and then to the second: every ten minutes of three hours either side.
    const offsetAt = (time: number) => inZone(new Date(time)).offset;
    let changes = 0;
    for (let time = Date.UTC(1895, 0, 1), week = 7 * 24 * hour; time < Date.UTC(2100, 0, 1); time += week) {
      if (offsetAt(time) === offsetAt(time + week)) continue;
      let [low, high] = [time, time + week];
      while (high - low > 1000) {
        const middle = low + Math.floor((high - low) / 2000) * 1000;
        if (offsetAt(middle) === offsetAt(low)) low = middle;
        else high = middle;
      }
      changes++;
      for (let delta = -3 * hour; delta <= 3 * hour; delta += 10 * 60_000) times.push(high + delta, high + delta - 1);
    }
    expect(changes).toBeGreaterThan(200);
    return times.map((time) => new Date(time));
  }

  it("writes every instant from 1895 to 2100 as luxon does, in every form", () => {
    process.env.TZ = "America/Los_Angeles";
    const dates = instants();
    expect(dates.length).toBeGreaterThan(30_000);
    for (const date of dates) {
      const shown = [formatLongDate(date), formatIsoDay(date), formatLongDateTime(date), yearOf(date), toIsoWithOffset(date), toSwedishWallClock(date)];
      const expected = [oracle.long(date), oracle.iso(date), oracle.moment(date), oracle.year(date), oracle.withOffset(date), oracle.wallClock(date)];
      if (shown.join("|") !== expected.join("|")) expect(shown, date.toISOString()).toEqual(expected);
    }
  });

  it("writes ranges as luxon does", () => {
    const start = new Date(Date.UTC(2019, 9, 22, 7));
    const luxonRange = (a: Date, b: Date): string => {
      const x = inZone(a);
      const y = inZone(b);
      if (x.hasSame(y, "day")) return oracle.long(a);
      if (x.hasSame(y, "month")) return `${x.toFormat("d")}–${y.toFormat("d MMMM yyyy")}`;
      if (x.hasSame(y, "year")) return `${x.toFormat("d MMMM")}–${y.toFormat("d MMMM yyyy")}`;
      return `${oracle.long(a)}–${oracle.long(b)}`;
    };
    const luxonTimeRange = (a: Date, b: Date): string =>
      inZone(a).hasSame(inZone(b), "day") ? `${oracle.long(a)} kl. ${inZone(a).toFormat("H.mm")}–${inZone(b).toFormat("H.mm")}` : `${oracle.moment(a)}–${oracle.moment(b)}`;
    for (let hours = 0; hours < 24 * 500; hours += 7) {
      const end = new Date(start.getTime() + hours * 3_600_000 + 60_000 * (hours % 60));
      expect(formatDateRange(start, end)).toBe(luxonRange(start, end));
      expect(formatDateTimeRange(start, end)).toBe(luxonTimeRange(start, end));
    }
  });

  it("still formats what is beyond the years 1000–9999, and an invalid date, as luxon does", () => {
    for (const date of [new Date(Date.UTC(999, 11, 31, 23)), new Date(Date.UTC(10000, 0, 1)), new Date(Date.UTC(-50, 5, 1)), new Date(Number.NaN)]) {
      expect(formatLongDate(date)).toBe(oracle.long(date));
      expect(formatIsoDay(date)).toBe(oracle.iso(date));
      expect(toIsoWithOffset(date)).toBe(oracle.withOffset(date));
    }
  });
});

/**
 * Luxon reads a time the clocks show twice, or skip, by the offset in force today: its clock is set to winter for the
 * comparisons, where it answers as parseSwedishDate does on any day (the rule is tested on its own below).
 */
function withLuxonInWinter(): void {
  const luxonNow = Settings.now;
  beforeEach(() => {
    Settings.now = () => Date.UTC(2026, 0, 15, 12);
  });
  afterEach(() => {
    Settings.now = luxonNow;
  });
}

describe("parsing a day without luxon, as luxon parses it", () => {
  withLuxonInWinter();

  it("gives luxon's instant for every day from 1890 to 2110, and refuses the days luxon refuses", () => {
    const days: string[] = [];
    for (let time = Date.UTC(1890, 0, 1); time <= Date.UTC(2110, 11, 31); time += 86_400_000) days.push(new Date(time).toISOString().slice(0, 10));
    days.push("2019-02-29", "2020-02-30", "2019-13-01", "2019-00-10", "2019-04-31", "2019-12-32", "0999-06-01", "0050-01-01", "9999-12-31");
    for (const day of days) {
      const luxon = DateTime.fromISO(day, { zone: "Europe/Stockholm" });
      expect(parseSwedishDate(day)?.getTime(), day).toBe(luxon.isValid ? luxon.toMillis() : undefined);
    }
  });
});

describe("parsing a date-time without luxon, as luxon parses it", () => {
  withLuxonInWinter();

  const luxonTime = (text: string): number | undefined => {
    const parsed = DateTime.fromISO(text.replace(" ", "T"), { zone: "Europe/Stockholm", setZone: false });
    return parsed.isValid ? parsed.toMillis() : undefined;
  };
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");

  it("gives luxon's instant every quarter hour around each change of offset from 1900 to 2040", () => {
    const zone = DateTime.now().setZone("Europe/Stockholm").zone;
    const texts: string[] = [];
    for (let time = Date.UTC(1900, 0, 1); time <= Date.UTC(2040, 11, 31); time += 86_400_000) {
      if (zone.offset(time) === zone.offset(time + 86_400_000)) continue;
      // The day before the change, its day and the day after, on Stockholm's clock.
      for (let step = -4 * 24; step < 8 * 24; step += 1) {
        const clock = new Date(time + step * 900_000);
        texts.push(`${clock.getUTCFullYear()}-${pad(clock.getUTCMonth() + 1)}-${pad(clock.getUTCDate())}T${pad(clock.getUTCHours())}:${pad(clock.getUTCMinutes())}`);
      }
    }
    expect(texts.length).toBeGreaterThan(250 * 3 * 24);
    const shows = (time: number | undefined, text: string) => time !== undefined && DateTime.fromMillis(time, { zone: "Europe/Stockholm" }).toFormat("yyyy-MM-dd'T'HH:mm") === text;
    const luxonWrong: string[] = [];
    for (const text of texts) {
      const ours = parseSwedishDate(text)?.getTime();
      const luxon = luxonTime(text);
      if (ours === luxon) continue;
      // Only where luxon's own instant does not show the time (two changes of an hour each in 1945: Berlin's double
      // summer time, which the zone database gives Stockholm), and ours does.
      expect(shows(luxon, text), text).toBe(false);
      expect(shows(ours, text), text).toBe(true);
      luxonWrong.push(text);
    }
    expect(luxonWrong.length).toBeLessThan(20);
  });

  it("gives luxon's instant at random moments of the years 1000-9999, and refuses what luxon refuses", () => {
    let seed = 20261206;
    const next = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % below;
    };
    const texts = ["2019-03-31T02:30", "2019-10-27T02:30", "2019-10-27 02:59:59", "2019-10-22T24:00", "2019-10-22T23:60", "2019-10-22T12:00:60", "2019-02-29T10:00", "0999-12-31T23:00"];
    for (let index = 0; index < 3000; index++) {
      const separator = next(2) === 0 ? "T" : " ";
      const seconds = next(2) === 0 ? "" : `:${pad(next(60))}`;
      texts.push(`${pad(1000 + next(9000), 4)}-${pad(1 + next(12))}-${pad(1 + next(31))}${separator}${pad(next(24))}:${pad(next(60))}${seconds}`);
    }
    for (const text of texts) expect(parseSwedishDate(text)?.getTime(), text).toBe(luxonTime(text));
  });
});

describe("where the clocks change", () => {
  const luxonNow = Settings.now;
  afterEach(() => {
    Settings.now = luxonNow;
  });

  it("reads a time shown twice as the later one and a skipped time an hour on, whatever today's date", () => {
    // Times no other test here reads: parseSwedishDate remembers what it read.
    const cases: [string, string][] = [
      // 02:15 on 31 October 2021 came twice: first in summer time (00:15Z), then in standard time.
      ["2021-10-31T02:15:07", "2021-10-31T01:15:07.000Z"],
      // Midnight to 01:00 came twice on 1 October 1916.
      ["1916-10-01T00:30:07", "1916-09-30T23:30:07.000Z"],
      // 02:15 on 28 March 2021 never came: the clocks went from 02:00 to 03:00; read as 03:15 summer time.
      ["2021-03-28T02:15:07", "2021-03-28T01:15:07.000Z"],
    ];
    // Luxon's clock in summer first: there luxon alone would give other instants.
    for (const summer of [true, false]) {
      Settings.now = () => (summer ? Date.UTC(2026, 6, 1, 12) : Date.UTC(2026, 0, 15, 12));
      for (const [text, instant] of cases) expect(parseSwedishDate(text)?.toISOString(), `${text}, luxon's clock in ${summer ? "summer" : "winter"}`).toBe(instant);
    }
    // What luxon alone gives in summer: the earlier instant, so the rule is ours, not luxon's.
    Settings.now = () => Date.UTC(2026, 6, 1, 12);
    expect(DateTime.fromISO("2021-10-31T02:15:07", { zone: "Europe/Stockholm" }).toUTC().toISO()).toBe("2021-10-31T00:15:07.000Z");
  });
});

describe("the time zone data the wall clock relies on", () => {
  it("never changes Stockholm's offset twice within one UTC month (src/text/dates.ts steadyOffset), day by day from 1850 to 2200", () => {
    const format = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Stockholm", timeZoneName: "longOffset" });
    const offsetAt = (time: number) => format.formatToParts(time).find((part) => part.type === "timeZoneName")?.value;
    const changesByMonth = new Map<string, number>();
    const day = 86_400_000;
    let previous = offsetAt(Date.UTC(1850, 0, 1));
    for (let time = Date.UTC(1850, 0, 1) + day; time < Date.UTC(2200, 0, 1); time += day) {
      const offset = offsetAt(time);
      if (offset === previous) continue;
      const date = new Date(time - 1);
      const month = `${date.getUTCFullYear()}-${date.getUTCMonth() + 1}`;
      changesByMonth.set(month, (changesByMonth.get(month) ?? 0) + 1);
      previous = offset;
    }
    // The data does change: summer time every year since 1980.
    expect(changesByMonth.size).toBeGreaterThan(400);
    expect([...changesByMonth].filter(([, changes]) => changes > 1)).toEqual([]);
  });
});

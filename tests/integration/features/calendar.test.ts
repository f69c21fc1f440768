// The kalendarium: upcoming conferences and events (content/evenemang/) on the start page, on /kalendarium/, on each
// event's own page and in /kalendarium.ics, which a real iCalendar parser (ical.js) must read back exactly.
import { beforeAll, describe, expect, it } from "vitest";
import ICAL from "ical.js";
import type { CalendarEvent } from "../../../src/site-model/calendar.ts";
import { escapeText, foldLine, renderICalendar } from "../../../src/outputs/feeds/ical.ts";
import { T } from "../../../src/site/i18n.ts";
import { FIXED_NOW, buildSite, fixtureSiteData, markdownFile, writeContent, type BuiltSite } from "../../helpers/build.ts";
import { page, texts } from "../pages/html.ts";

const { organisations } = fixtureSiteData();

const ORIGIN = "https://finsam.example";

function conference(title: string, date: string, startDate: string, endDate: string) {
  return markdownFile({ title, date, summary: `Om ${title}.`, organisation: "nationella-radet", event: title, startDate, endDate, place: "Saltsjöbaden" });
}

interface EventFile {
  title: string;
  start: string;
  end: string;
  place: string;
  organisation: string;
  registration?: string;
  draft?: boolean;
}

function event(fields: EventFile, body = `Om ${fields.title}.`) {
  return markdownFile({ ...fields }, body);
}

/** The fixture's events as written: whole days, a timed one in winter time, an online one in summer time, a past one. */
const EVENTS = {
  "natverkstraff-februari-2027": { title: "Nätverksträff", start: "2027-02-10", end: "2027-02-11", place: "Stockholm", organisation: "nns" },
  "webbinarium-mars-2027": { title: "Webbinarium om SUS", start: "2027-03-04T09:00", end: "2027-03-04T11:30", place: "Digitalt", organisation: "nationella-radet", registration: "https://anmalan.example/sus?id=1" },
  "samverkansdag-juni-2027": { title: "Samverkansdag", start: "2027-06-15T09:00", end: "2027-06-15T15:30", place: "Karlskrona", organisation: "blekinge" },
  "forra-veckans-traff": { title: "Förra veckans träff", start: "2026-11-17", end: "2026-11-17", place: "Umeå", organisation: "nns" },
} satisfies Record<string, EventFile>;

function calendarFixture(): string {
  return writeContent({
    ...Object.fromEntries(Object.entries(EVENTS).map(([key, fields]) => [`evenemang/${key}.md`, event(fields)])),
    "evenemang/utkast-till-traff.md": event({ title: "Utkast till träff", start: "2027-01-05", end: "2027-01-05", place: "Luleå", organisation: "nns", draft: true }),
    "konferenser/2024-10-24-forra-aret.md": conference("Förra årets konferens", "2024-10-24", "2024-10-22", "2024-10-23"),
    "konferenser/2026-11-20-pagaende.md": conference("Pågående konferens", "2026-11-20", "2026-11-23", "2026-11-24"),
    "konferenser/2026-11-01-kommande.md": conference("Kommande konferens", "2026-11-01", "2027-01-20", "2027-01-21"),
    "konferenser/2026-12-01-schemalagd.md": conference("Schemalagd konferens", "2026-12-01", "2027-05-01", "2027-05-01"),
  });
}

/** The parsed calendar, with its time zones registered so timed events convert to UTC. */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents("vevent").map((component) => ({ component, event: new ICAL.Event(component) }));
  return { calendar, events };
}

/** A TEXT value ical.js kept as written (it does so for X- properties), unescaped by ical.js's own TEXT rules. */
function readText(value: unknown): string {
  return ICAL.design.icalendar.value.text?.fromICAL?.(String(value)) as string;
}

/** Physical lines as octets: the file must be CRLF only, each line at most 75 octets of valid UTF-8. */
function expectWellFormedLines(text: string): void {
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const bytes = Buffer.from(text, "utf8");
  let start = 0;
  for (let index = 0; index < bytes.length - 1; index++) {
    if (bytes[index] === 0x0d && bytes[index + 1] === 0x0a) {
      const line = bytes.subarray(start, index);
      expect(line.length, decoder.decode(line)).toBeLessThanOrEqual(75);
      expect(() => decoder.decode(line)).not.toThrow();
      start = index + 2;
    }
  }
}

const EXPECTED_ORDER = ["Pågående konferens", "Kommande konferens", "Nätverksträff", "Webbinarium om SUS", "Samverkansdag"];

describe("iCalendar text", () => {
  it("escapes backslash, semicolon, comma and line breaks, and drops control characters", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf\rg\u0007h")).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng" + "h");
  });

  it("folds at 75 octets without splitting a character, and unfolds to the same line", () => {
    const line = `SUMMARY:${"åäö€😀".repeat(40)}`;
    const folded = foldLine(line);
    expectWellFormedLines(`${folded}\r\n`);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
    expect(foldLine("SHORT:x")).toBe("SHORT:x");
  });
});

describe("a calendar with hostile text", () => {
  const HOSTILE = "Möte; med, komma \\ backslash\nEND:VEVENT\r\nBEGIN:VEVENT\nSUMMARY:inskjuten";
  const text = renderICalendar(
    [
      {
        uid: "tag:finsam.se,2026:kalendarium/fientlig",
        title: HOSTILE,
        timing: { allDay: false, start: new Date("2027-03-04T08:00:00Z"), end: new Date("2027-03-04T10:30:00Z") },
        place: `Plats, ${HOSTILE}`,
        organisation: organisations.find("nns"),
        description: `${HOSTILE} ${"lång text ".repeat(30)}`,
      },
      {
        uid: "tag:finsam.se,2026:kalendarium/heldag",
        title: "Heldag",
        timing: { allDay: true, firstDay: "2027-02-10", lastDay: "2027-02-11" },
        place: "Umeå",
        organisation: organisations.find("blekinge"),
        url: "https://example.com/a,b;c?d=e",
      },
    ] satisfies CalendarEvent[],
    { producer: "Finsam", name: `Namn; ${HOSTILE}`, description: "Beskrivning", stamp: FIXED_NOW, absoluteUrl: (url) => url, organiserLabel: "Arrangör" },
  );

  it("parses back to exactly the events given, with the exact text", () => {
    const { calendar, events } = parseCalendar(text);
    expect(events).toHaveLength(2);
    const [hostile, allDay] = events;
    expect(hostile?.event.summary).toBe(HOSTILE.replace(/\r\n/g, "\n"));
    expect(hostile?.event.location).toBe(`Plats, ${HOSTILE.replace(/\r\n/g, "\n")}`);
    expect(hostile?.event.description.startsWith(HOSTILE.replace(/\r\n/g, "\n"))).toBe(true);
    // ical.js leaves X- properties as written; RFC 5545 §3.8.8.2 gives them the TEXT type.
    expect(readText(calendar.getFirstPropertyValue("x-wr-calname"))).toBe(`Namn; ${HOSTILE.replace(/\r\n/g, "\n")}`);
    expect(allDay?.component.getFirstPropertyValue("url")).toBe("https://example.com/a,b;c?d=e");
  });

  it("is CRLF only, folded at 75 octets of whole UTF-8 characters", () => {
    expectWellFormedLines(text);
  });
});

describe("the kalendarium in a built site", () => {
  let site: BuiltSite;
  let content: string;
  beforeAll(async () => {
    content = calendarFixture();
    site = await buildSite(content);
  });

  it("/kalendarium/ lists the upcoming events soonest first, not past or scheduled conferences", () => {
    const $ = page(site, "/kalendarium/");
    expect(texts($, "h1")).toEqual([T.calendar.title]);
    expect(texts($, "main .event-list .card-title")).toEqual(EXPECTED_ORDER);
  });

  it("shows when, where and who, with machine-readable times", () => {
    const $ = page(site, "/kalendarium/");
    const card = (title: string) => $("main .event-list .card").filter((_, element) => $(element).find(".card-title").text() === title);
    const ongoing = card("Pågående konferens");
    expect(ongoing.find(".card-title a").attr("href")).toBe("/konferenser/2026/pagaende/");
    expect(ongoing.find(".event-meta").text()).toBe("När: 23–24 november 2026 · Plats: Saltsjöbaden · Arrangör: Nationella rådet");
    expect(ongoing.find("time").map((_, time) => $(time).attr("datetime")).get()).toEqual(["2026-11-23", "2026-11-24"]);
    const timed = card("Webbinarium om SUS");
    expect(timed.find(".card-title a").attr("href")).toBe("/kalendarium/webbinarium-mars-2027/");
    expect(timed.find("time").map((_, time) => $(time).attr("datetime")).get()).toEqual(["2027-03-04T09:00:00+01:00", "2027-03-04T11:30:00+01:00"]);
    expect(timed.find(".event-meta").text()).toMatch(/^När: \d{1,2} [a-zåäö]+ \d{4} kl\. \d{1,2}\.\d{2}–\d{1,2}\.\d{2} · Plats: /);
  });

  it("tells how to subscribe, with the absolute .ics address, a webcal link and a head link", () => {
    const $ = page(site, "/kalendarium/");
    expect($("main .subscribe h2").text()).toBe(T.calendar.subscribe);
    expect($("main .calendar-address").text()).toBe(`${ORIGIN}/kalendarium.ics`);
    expect($('main a[href="webcal://finsam.example/kalendarium.ics"]')).toHaveLength(1);
    expect($('main a[href="/kalendarium.ics"]')).toHaveLength(1);
    expect($('head link[rel="alternate"][type="text/calendar"]').attr("href")).toBe("/kalendarium.ics");
  });

  it("shows the next three on the start page, with a link to the whole kalendarium", () => {
    const $ = page(site, "/");
    const section = $("section").filter((_, element) => $(element).find("h2").first().text() === T.calendar.upcoming);
    expect(section).toHaveLength(1);
    expect(section.find(".event-list h3").map((_, h3) => $(h3).text()).get()).toEqual(EXPECTED_ORDER.slice(0, 3));
    expect(section.find(`a[href="/kalendarium/"]`).text()).toBe(T.calendar.all);
  });

  it("/kalendarium.ics has the calendar's properties and one VEVENT per upcoming event", () => {
    const text = site.read("/kalendarium.ics");
    expectWellFormedLines(text);
    const { calendar, events } = parseCalendar(text);
    expect(calendar.name).toBe("vcalendar");
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//Finsam//Kalendarium//SV");
    expect(calendar.getFirstPropertyValue("calscale")).toBe("GREGORIAN");
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(readText(calendar.getFirstPropertyValue("x-wr-calname"))).toBe(T.calendar.feedName);
    expect(events.map(({ event }) => event.summary)).toEqual(EXPECTED_ORDER);
    for (const { component } of events) expect(String(component.getFirstPropertyValue("dtstamp"))).toBe("2026-11-24T12:00:00Z");
  });

  it("gives whole-day events DATE values with an exclusive end, and timed ones Stockholm time", () => {
    const { calendar, events } = parseCalendar(site.read("/kalendarium.ics"));
    const byTitle = new Map(events.map((item) => [item.event.summary, item]));
    const ongoing = byTitle.get("Pågående konferens");
    expect(ongoing?.event.startDate.isDate).toBe(true);
    expect(ongoing?.component.getFirstProperty("dtstart")?.type).toBe("date");
    expect(ongoing?.component.getFirstProperty("dtend")?.type).toBe("date");
    expect(ongoing?.event.startDate.toString()).toBe("2026-11-23");
    expect(ongoing?.event.endDate.toString()).toBe("2026-11-25");
    expect(ongoing?.event.location).toBe("Saltsjöbaden");
    expect(ongoing?.component.getFirstPropertyValue("url")).toBe(`${ORIGIN}/konferenser/2026/pagaende/`);
    expect(ongoing?.event.description).toBe("Om Pågående konferens.\n\nArrangör: Nationella rådet");

    const timed = byTitle.get("Webbinarium om SUS");
    expect(timed?.event.startDate.isDate).toBe(false);
    expect(timed?.component.getFirstProperty("dtstart")?.getParameter("tzid")).toBe("Europe/Stockholm");
    expect(timed?.component.getFirstProperty("dtend")?.getParameter("tzid")).toBe("Europe/Stockholm");
    expect(calendar.getAllSubcomponents("vtimezone").map((zone) => zone.getFirstPropertyValue("tzid"))).toEqual(["Europe/Stockholm"]);
    // Wall-clock times as written, and the instants they are in Stockholm: 09:00 in March (CET) is 08:00 UTC …
    expect(timed?.event.startDate.toString()).toBe("2027-03-04T09:00:00");
    expect(timed?.event.endDate.toString()).toBe("2027-03-04T11:30:00");
    expect(timed?.event.startDate.toJSDate().toISOString()).toBe("2027-03-04T08:00:00.000Z");
    expect(timed?.event.endDate.toJSDate().toISOString()).toBe("2027-03-04T10:30:00.000Z");
    // … and 09:00 in June (CEST) is 07:00 UTC.
    const summer = byTitle.get("Samverkansdag");
    expect(summer?.event.startDate.toJSDate().toISOString()).toBe("2027-06-15T07:00:00.000Z");
    expect(summer?.event.endDate.toJSDate().toISOString()).toBe("2027-06-15T13:30:00.000Z");

    const days = byTitle.get("Nätverksträff");
    expect(days?.component.getFirstProperty("dtstart")?.type).toBe("date");
    expect(days?.event.startDate.toString()).toBe("2027-02-10");
    expect(days?.event.endDate.toString()).toBe("2027-02-12");
    expect(days?.event.description).toBe("Om Nätverksträff.\n\nArrangör: Nationella nätverket för samordningsförbund (NNS)");
    expect(days?.component.getFirstPropertyValue("url")).toBe(`${ORIGIN}/kalendarium/natverkstraff-februari-2027/`);
  });

  it("shows an online event as Digitalt, in the calendar and on its page", () => {
    const online = parseCalendar(site.read("/kalendarium.ics")).events.find(({ event }) => event.summary === "Webbinarium om SUS");
    expect(online?.event.location).toBe("Digitalt");
    const $ = page(site, "/kalendarium/webbinarium-mars-2027/");
    expect($("main .facts dd").eq(1).text()).toBe(`Digitalt. ${T.calendar.online}`);
  });

  it("gives each event its own page with when, where, organiser and registration link", () => {
    const $ = page(site, "/kalendarium/webbinarium-mars-2027/");
    expect(texts($, "h1")).toEqual(["Webbinarium om SUS"]);
    expect(texts($, "main .facts dt")).toEqual([T.calendar.when, T.calendar.place, T.calendar.organiser, T.calendar.registration]);
    expect($("main .facts time").map((_, time) => $(time).attr("datetime")).get()).toEqual(["2027-03-04T09:00:00+01:00", "2027-03-04T11:30:00+01:00"]);
    expect($("main .facts dd").eq(2).text()).toBe("Nationella rådet");
    expect($("main .facts dd").eq(3).find("a").attr("href")).toBe("https://anmalan.example/sus?id=1");
    expect($("main .body").text().trim()).toBe("Om Webbinarium om SUS.");
    // A past event keeps its page, says it has been, and leaves the kalendarium and the .ics.
    expect(page(site, "/kalendarium/forra-veckans-traff/")("main .lede").text()).toBe(T.calendar.past);
    expect(site.read("/kalendarium.ics")).not.toContain("Förra veckans träff");
    // Event pages are in the sitemap, in no feed.
    expect(site.read("/sitemap.xml")).toContain(`${ORIGIN}/kalendarium/webbinarium-mars-2027/`);
    expect(site.read("/feed.xml")).not.toContain("kalendarium/");
  });

  it("describes each event page as a schema.org Event, online or at its place", () => {
    const jsonLd = (path: string) => JSON.parse(page(site, path)('script[type="application/ld+json"]').text()) as Record<string, unknown>;
    expect(jsonLd("/kalendarium/webbinarium-mars-2027/")).toMatchObject({
      "@type": "Event",
      name: "Webbinarium om SUS",
      startDate: "2027-03-04T09:00:00+01:00",
      endDate: "2027-03-04T11:30:00+01:00",
      eventAttendanceMode: "https://schema.org/OnlineEventAttendanceMode",
      location: { "@type": "VirtualLocation", url: "https://anmalan.example/sus?id=1" },
      offers: { "@type": "Offer", url: "https://anmalan.example/sus?id=1" },
      organizer: { "@type": "Organization", name: "Nationella rådet" },
    });
    expect(jsonLd("/kalendarium/natverkstraff-februari-2027/")).toMatchObject({
      startDate: "2027-02-10",
      endDate: "2027-02-11",
      eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
      location: { "@type": "Place", name: "Stockholm" },
    });
  });

  it("leaves a draft event out of a production build, and shows it in preview", async () => {
    expect(texts(page(site, "/kalendarium/"), "main .event-list .card-title")).not.toContain("Utkast till träff");
    expect(site.exists("/kalendarium/utkast-till-traff/")).toBe(false);
    const preview = await buildSite(content, { mode: "preview" });
    expect(texts(page(preview, "/kalendarium/"), "main .event-list .card-title")).toContain("Utkast till träff");
  });

  it("gives every event a stable UID, tag-like and independent of SITE_URL", async () => {
    const uids = parseCalendar(site.read("/kalendarium.ics")).events.map(({ event }) => event.uid);
    expect(uids).toContain("tag:finsam.se,2026-11-20:konferenser/pagaende#kalendarium");
    for (const key of Object.keys(EVENTS).filter((key) => key !== "forra-veckans-traff")) expect(uids).toContain(`tag:finsam.se,2026:kalendarium/${key}`);
    expect(new Set(uids).size).toBe(uids.length);
    const moved = await buildSite(content, { siteUrl: "https://annan.example", pathPrefix: "/finsam/" });
    const movedText = moved.read("/kalendarium.ics");
    expect(parseCalendar(movedText).events.map(({ event }) => event.uid)).toEqual(uids);
    expect(movedText).toContain("URL:https://annan.example/finsam/konferenser/2026/pagaende/");
  });

  it("counts days in Swedish time: an event that ended yesterday in Sweden is gone after midnight there", async () => {
    const lateEvening = await buildSite(content, { now: new Date("2026-11-24T23:30:00Z") });
    const titles = parseCalendar(lateEvening.read("/kalendarium.ics")).events.map(({ event }) => event.summary);
    expect(titles).not.toContain("Pågående konferens");
    expect(titles).toContain("Kommande konferens");
  });

  it("shows the scheduled conference in preview", async () => {
    const preview = await buildSite(content, { mode: "preview" });
    expect(texts(page(preview, "/kalendarium/"), "main .event-list .card-title")).toContain("Schemalagd konferens");
  });
});

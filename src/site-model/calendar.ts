// The kalendarium as data: published conferences and the entries in src/site/data/events.ts that end today or later
// (Swedish days), soonest first. The start page, /kalendarium/ and /kalendarium.ics all read this one list.
import type { SiteModel } from "./model.ts";
import { SITE } from "../site/site.ts";
import type { Organisation, Organisations } from "../content/data-files.ts";
import { CALENDAR_ENTRIES, type CalendarEntry } from "../site/data/events.ts";
import { formatIsoDay, parseSwedishDate } from "../text/dates.ts";

/**
 * Date in the tag URIs of data-file events (RFC 4151), like the feeds' own: never change it, or every
 * subscriber's calendar would see each event as a new one.
 */
const CALENDAR_ID_DATE = "2026";

export type EventTiming =
  /** Whole days, ISO dates, the last day included. */
  | { allDay: true; firstDay: string; lastDay: string }
  | { allDay: false; start: Date; end: Date };

export interface CalendarEvent {
  /** Stable id for calendar software (the iCalendar UID). */
  uid: string;
  title: string;
  timing: EventTiming;
  place: string;
  organisation?: Organisation;
  /** A site path ("/konferenser/…/") or an absolute URL elsewhere. */
  url?: string;
  description?: string;
}

function startOf(timing: EventTiming): number {
  return timing.allDay ? (parseSwedishDate(timing.firstDay) as Date).getTime() : timing.start.getTime();
}

function lastDayOf(timing: EventTiming): string {
  return timing.allDay ? timing.lastDay : formatIsoDay(timing.end);
}

export function entryEvent(entry: CalendarEntry, organisations: Organisations): CalendarEvent {
  const timing: EventTiming = entry.start.includes("T")
    ? { allDay: false, start: parseSwedishDate(entry.start) as Date, end: parseSwedishDate(entry.end) as Date }
    : { allDay: true, firstDay: entry.start, lastDay: entry.end };
  return {
    uid: `tag:${SITE.idAuthority},${CALENDAR_ID_DATE}:kalendarium/${entry.key}`,
    title: entry.title,
    timing,
    place: entry.place,
    organisation: organisations.find(entry.organisation),
    url: entry.url,
    description: entry.description,
  };
}

function conferenceEvents(finsam: SiteModel): CalendarEvent[] {
  return finsam.collections.byType.konferens.map((document) => ({
    // The document's own feed id, so moving or retitling the report never duplicates the event.
    uid: `${document.id}#kalendarium`,
    title: document.data.event,
    timing: { allDay: true, firstDay: formatIsoDay(document.data.startDate), lastDay: formatIsoDay(document.data.endDate) },
    place: document.data.place,
    organisation: finsam.organisations.find(document.data.organisation),
    url: document.url,
    description: document.data.summary,
  }));
}

/** Events that end today or later in Sweden, soonest first (then by title, so the order never wobbles). */
export function upcomingEvents(finsam: SiteModel, entries: readonly CalendarEntry[] = CALENDAR_ENTRIES): CalendarEvent[] {
  // The Swedish day, whatever the machine's zone: an event on its last day is still upcoming.
  const today = formatIsoDay(finsam.now);
  return [...conferenceEvents(finsam), ...entries.map((entry) => entryEvent(entry, finsam.organisations))]
    .filter((event) => lastDayOf(event.timing) >= today)
    .sort((a, b) => startOf(a.timing) - startOf(b.timing) || a.title.localeCompare(b.title, "sv") || a.uid.localeCompare(b.uid));
}

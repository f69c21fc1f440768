// The kalendarium as data: published conferences and events (content/evenemang/) that end today or later (Swedish
// days), soonest first. The start page, /kalendarium/ and /kalendarium.ics all read this one list.
import type { SiteModel } from "./model.ts";
import type { Organisation, Organisations } from "../content/data-files.ts";
import type { EventDocument } from "../content/document.ts";
import { formatIsoDay, parseSwedishDate } from "../text/dates.ts";
import { plainText } from "../text/markdown.ts";

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
  /** A site path ("/konferenser/…/", "/kalendarium/…/") or an absolute URL elsewhere. */
  url?: string;
  description?: string;
}

function startOf(timing: EventTiming): number {
  return timing.allDay ? (parseSwedishDate(timing.firstDay) as Date).getTime() : timing.start.getTime();
}

function lastDayOf(timing: EventTiming): string {
  return timing.allDay ? timing.lastDay : formatIsoDay(timing.end);
}

/** When an event runs, as its front matter says: whole days (the last one included) or from one time to another. */
export function eventTiming(document: EventDocument): EventTiming {
  const { start, end } = document.data;
  return start.allDay ? { allDay: true, firstDay: formatIsoDay(start.at), lastDay: formatIsoDay(end.at) } : { allDay: false, start: start.at, end: end.at };
}

export function documentEvent(document: EventDocument, organisations: Organisations): CalendarEvent {
  const description = plainText(document.body);
  return {
    // The document's id: tag:<authority>,2026:kalendarium/<file name>, the UID subscribers' calendars already know.
    uid: document.id,
    title: document.data.title,
    timing: eventTiming(document),
    place: document.data.place,
    organisation: organisations.find(document.data.organisation),
    url: document.url,
    ...(description === "" ? {} : { description }),
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
export function upcomingEvents(finsam: SiteModel): CalendarEvent[] {
  // The Swedish day, whatever the machine's zone: an event on its last day is still upcoming.
  const today = formatIsoDay(finsam.now);
  return [...conferenceEvents(finsam), ...finsam.collections.events.map((document) => documentEvent(document, finsam.organisations))]
    .filter((event) => lastDayOf(event.timing) >= today)
    .sort((a, b) => startOf(a.timing) - startOf(b.timing) || a.title.localeCompare(b.title, "sv") || a.uid.localeCompare(b.uid));
}

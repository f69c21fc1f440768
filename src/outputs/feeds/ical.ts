// Writes calendar events as iCalendar (RFC 5545) for subscribing: escaped text, lines folded at 75 octets
// without splitting a UTF-8 character, CRLF line endings, Europe/Stockholm for events with a time.
import { SITE } from "../../site/site.ts";
import { nextIsoDay, toSwedishWallClock } from "../../text/dates.ts";
import type { CalendarEvent } from "../../site-model/calendar.ts";

const CRLF = "\r\n";
const MAX_OCTETS = 75;

// Control characters TEXT may not hold (RFC 5545 §3.3.11 allows none but HTAB); line breaks are escaped first.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** A TEXT value: backslash, semicolon, comma and line breaks escaped, control characters dropped. */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL, "")
    .replace(/[\\;,\n]/g, (char) => (char === "\n" ? "\\n" : `\\${char}`));
}

/** One content line, folded: no physical line longer than 75 octets, continuation lines start with a space. */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    if (octets + size > MAX_OCTETS) {
      lines.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

/** "2027-03-04" → "20270304"; "2027-03-04T09:00:00" → "20270304T090000". */
function compact(isoLike: string): string {
  return isoLike.replace(/[-:]/g, "");
}

function utcStamp(date: Date): string {
  return `${compact(date.toISOString().slice(0, 19))}Z`;
}

// Europe/Stockholm as the EU has kept it since 1996: CEST from the last Sunday of March, CET from the last
// Sunday of October. Calendars that know the zone by name use their own rules; the rest read these.
const VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${SITE.zone}`,
  `X-LIC-LOCATION:${SITE.zone}`,
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

export interface CalendarOptions {
  /** Who publishes the calendar, in its PRODID: the site's name. */
  producer: string;
  /** X-WR-CALNAME: the name calendar apps show for the subscription. */
  name: string;
  description: string;
  /** DTSTAMP of every event: when this calendar was published (the build's "now"). */
  stamp: Date;
  /** Turns a site path into an absolute URL; absolute URLs are left as they are. */
  absoluteUrl: (pathOrUrl: string) => string;
  /** Text after "Arrangör: " in an event's description. */
  organiserLabel: string;
}

function eventLines(event: CalendarEvent, options: CalendarOptions): string[] {
  const { timing } = event;
  const when = timing.allDay
    ? [`DTSTART;VALUE=DATE:${compact(timing.firstDay)}`, `DTEND;VALUE=DATE:${compact(nextIsoDay(timing.lastDay))}`]
    : [
        `DTSTART;TZID=${SITE.zone}:${compact(toSwedishWallClock(timing.start))}`,
        `DTEND;TZID=${SITE.zone}:${compact(toSwedishWallClock(timing.end))}`,
      ];
  const description = [event.description, event.organisation ? `${options.organiserLabel}: ${event.organisation.name}` : undefined]
    .filter((part): part is string => part !== undefined && part.trim() !== "")
    .join("\n\n");
  return [
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcStamp(options.stamp)}`,
    ...when,
    `SUMMARY:${escapeText(event.title)}`,
    `LOCATION:${escapeText(event.place)}`,
    ...(description !== "" ? [`DESCRIPTION:${escapeText(description)}`] : []),
    // A URI, not TEXT: no backslash escapes; new URL() has already percent-encoded what must be.
    ...(event.url ? [`URL:${new URL(options.absoluteUrl(event.url)).href}`] : []),
    "END:VEVENT",
  ];
}

export function renderICalendar(events: readonly CalendarEvent[], options: CalendarOptions): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:-//${escapeText(options.producer)}//Kalendarium//SV`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(options.name)}`,
    `X-WR-CALDESC:${escapeText(options.description)}`,
    `X-WR-TIMEZONE:${SITE.zone}`,
    ...(events.some((event) => !event.timing.allDay) ? VTIMEZONE : []),
    ...events.flatMap((event) => eventLines(event, options)),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

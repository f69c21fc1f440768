// Events for the kalendarium that have no page of their own here: meetings, webinars and conferences
// announced ahead. Conference reports in content/konferenser/ join the kalendarium by themselves.
// Past events drop out on their own; remove them from this file now and then.
import { parseSwedishDate } from "../../text/dates.ts";
import { slugify } from "../../text/slug.ts";

interface CalendarEntryBase {
  /** Stable key (a slug): the event's id in subscribers' calendars. Never change it once published. */
  key: string;
  title: string;
  /** "2027-02-10" for a whole day, or "2027-03-04T09:00" with a time (Swedish time). */
  start: string;
  /** The last day ("2027-02-11"), or the end time ("2027-03-04T11:30"): the same form as start. */
  end: string;
  place: string;
  /** Who arranges it: a key in content/data/organisationer.yml. */
  organisation: string;
}

/** Either a link to read more, or a description, or both. */
export type CalendarEntry = CalendarEntryBase & ({ url: string; description?: string } | { url?: string; description: string });

export const CALENDAR_ENTRIES: readonly CalendarEntry[] = [
  {
    key: "nns-natverkstraff-februari-2027",
    title: "Nätverksträff för förbundschefer",
    start: "2027-02-10",
    end: "2027-02-11",
    place: "Stockholm",
    organisation: "nns",
    description: "NNS nätverksträff för förbundschefer och samordnare: erfarenhetsutbyte och aktuella frågor från Nationella rådet.",
  },
  {
    key: "webbinarium-uppfoljning-sus-mars-2027",
    title: "Webbinarium: uppföljning i SUS",
    start: "2027-03-04T09:00",
    end: "2027-03-04T11:30",
    place: "Digitalt",
    organisation: "nationella-radet",
    description: "Om uppföljning av insatser i SUS, Sveriges uppföljningssystem för samordningsförbund, för handläggare och samordnare.",
  },
  {
    key: "samverkansdag-blekinge-april-2027",
    title: "Samverkansdag i Blekinge",
    start: "2027-04-15T09:00",
    end: "2027-04-15T15:30",
    place: "Karlskrona",
    organisation: "blekinge",
    description: "Samverkansdag för medarbetare hos Arbetsförmedlingen, Försäkringskassan, Region Blekinge och kommunerna.",
  },
  {
    key: "forbundschefsdagar-oktober-2027",
    title: "Förbundschefsdagar 2027",
    start: "2027-10-20",
    end: "2027-10-21",
    place: "Saltsjöbaden",
    organisation: "nationella-radet",
    description: "Nationella rådets årliga dagar för förbundschefer i samordningsförbunden.",
  },
];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** Where the entries are written, as the problems name it. */
export const EVENTS_FILE = "src/site/data/events.ts";

/** The organisations' keys of one build (content/data/organisationer.yml, the site model's lookup). */
export interface KnownOrganisations {
  keys(): readonly string[];
}

/**
 * Every problem with the entries, in Swedish; an empty list when they are all usable. The organisers are checked
 * when the build's organisations are given (src/site-model/site-checks.ts): they are content, not known here.
 */
export function calendarEntryProblems(entries: readonly CalendarEntry[], organisations?: KnownOrganisations): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const entry of entries) {
    const where = `${EVENTS_FILE}, "${entry.key}"`;
    if (slugify(entry.key) !== entry.key) problems.push(`${where}: key ska skrivas som "${slugify(entry.key)}"`);
    if (keys.has(entry.key)) problems.push(`${where}: key finns redan; varje evenemang behöver en egen`);
    keys.add(entry.key);
    const allDay = DAY.test(entry.start) && DAY.test(entry.end);
    const timed = DATE_TIME.test(entry.start) && DATE_TIME.test(entry.end);
    const start = parseSwedishDate(entry.start);
    const end = parseSwedishDate(entry.end);
    if ((!allDay && !timed) || !start || !end) {
      problems.push(`${where}: start och end ska båda vara datum (ÅÅÅÅ-MM-DD) eller båda datum och tid (ÅÅÅÅ-MM-DDTHH:MM)`);
    } else if (end < start) {
      problems.push(`${where}: end ska vara samma tid som start eller senare`);
    }
    if (organisations && !organisations.keys().includes(entry.organisation)) {
      problems.push(`${where}: organisation ska vara en av ${organisations.keys().join(", ")}`);
    }
    if (entry.url !== undefined && !URL.canParse(entry.url)) problems.push(`${where}: url ska vara en hel adress, t.ex. https://finsam.se/`);
    if (entry.title.trim() === "" || entry.place.trim() === "") problems.push(`${where}: title och place får inte vara tomma`);
  }
  return problems;
}

// A broken entry would silently vanish from every calendar: stop the build instead.
const problems = calendarEntryProblems(CALENDAR_ENTRIES);
if (problems.length > 0) throw new Error(problems.join("\n"));

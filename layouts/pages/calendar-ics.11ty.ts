// /kalendarium.ics: the upcoming events as an iCalendar subscription (see src/outputs/feeds/ical.ts).
import { upcomingEvents } from "#src/site-model/calendar.ts";
import { renderICalendar } from "#src/outputs/feeds/ical.ts";
import { T } from "#src/site/i18n.ts";
import { PATHS } from "#src/site-model/urls.ts";
import { pageData, type PageData } from "../page-data.ts";

export const data = { permalink: PATHS.calendarFeed, eleventyExcludeFromCollections: true };

export function render(raw: unknown): string {
  const { finsam } = pageData<PageData>(raw);
  return renderICalendar(upcomingEvents(finsam), {
    producer: finsam.site.name,
    name: T.calendar.feedName,
    description: T.calendar.intro,
    stamp: finsam.now,
    absoluteUrl: (pathOrUrl) => (pathOrUrl.startsWith("/") ? finsam.absoluteUrl(pathOrUrl) : pathOrUrl),
    organiserLabel: T.calendar.organiser,
  });
}

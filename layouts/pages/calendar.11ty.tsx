// /kalendarium/: every upcoming event, and how to subscribe to them in a calendar app (/kalendarium.ics).
import { upcomingEvents } from "#src/site-model/calendar.ts";
import { T } from "#src/site/i18n.ts";
import { PATHS } from "#src/site-model/urls.ts";
import { BaseLayout } from "../components/base-layout.tsx";
import { EventList } from "../components/event-list.tsx";
import { pageData, type PageData } from "../page-data.ts";

export const data = { permalink: PATHS.calendar, eleventyExcludeFromCollections: true };

export function render(raw: unknown) {
  const { finsam } = pageData<PageData>(raw);
  const C = T.calendar;
  const feedUrl = finsam.absoluteUrl(PATHS.calendarFeed);
  // webcal: asks the reader's calendar app to subscribe rather than the browser to download.
  const webcalUrl = feedUrl.replace(/^https?:/, "webcal:");
  return (
    <BaseLayout
      finsam={finsam}
      url={PATHS.calendar}
      title={C.title}
      description={C.intro}
      head={<link rel="alternate" type="text/calendar" title={`${finsam.site.name}: ${C.feedTitle}`} href={finsam.href(PATHS.calendarFeed)} />}
    >
      <h1>{C.title}</h1>
      <p class="lede">{C.intro}</p>
      <EventList finsam={finsam} events={upcomingEvents(finsam)} />
      <section class="subscribe" aria-labelledby="subscribe-heading">
        <h2 id="subscribe-heading">{C.subscribe}</h2>
        <p>{C.subscribeText}</p>
        <p>
          {C.calendarAddress}: <code class="calendar-address">{feedUrl}</code>
        </p>
        <ul>
          {C.subscribeHowTo.map((step) => (
            <li>{step}</li>
          ))}
        </ul>
        <ul class="plain">
          <li><a href={webcalUrl}>{C.openInApp}</a></li>
          <li><a href={finsam.href(PATHS.calendarFeed)} type="text/calendar">{C.download}</a></li>
        </ul>
      </section>
    </BaseLayout>
  );
}

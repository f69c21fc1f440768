// Upcoming events as cards: linked title, when (machine-readable too), where, who arranges it, and what it is.
import type { SiteModel } from "#src/site-model/model.ts";
import type { CalendarEvent, EventTiming } from "#src/site-model/calendar.ts";
import { formatDateRange, formatDateTimeRange, parseSwedishDate, toIsoWithOffset } from "#src/text/dates.ts";
import { T } from "#src/site/i18n.ts";

/** The span as readers read it, each end in its own <time>: HTML's datetime has no form for a span. */
export function EventWhen({ timing }: { timing: EventTiming }) {
  const [text, startValue, endValue] = timing.allDay
    ? [formatDateRange(parseSwedishDate(timing.firstDay) as Date, parseSwedishDate(timing.lastDay) as Date), timing.firstDay, timing.lastDay]
    : [formatDateTimeRange(timing.start, timing.end), toIsoWithOffset(timing.start), toIsoWithOffset(timing.end)];
  const [first, last] = text.split("–");
  if (last === undefined) return <time datetime={startValue}>{first}</time>;
  return (
    <>
      <time datetime={startValue}>{first}</time>–<time datetime={endValue}>{last}</time>
    </>
  );
}

export interface EventListProps {
  finsam: SiteModel;
  events: readonly CalendarEvent[];
  /** Heading level of each event's title, so the outline stays unbroken wherever the list sits. */
  headingLevel?: 2 | 3;
}

export function EventList({ finsam, events, headingLevel = 2 }: EventListProps) {
  if (events.length === 0) return <p>{T.calendar.none}</p>;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul class="event-list">
      {events.map((event) => (
        <li>
          <article class="card">
            <Heading class="card-title">
              {event.url ? <a href={event.url.startsWith("/") ? finsam.href(event.url) : event.url}>{event.title}</a> : event.title}
            </Heading>
            <p class="meta event-meta">
              <span class="visually-hidden">{T.calendar.when}: </span>
              <EventWhen timing={event.timing} />
              {" · "}
              <span class="visually-hidden">{T.calendar.place}: </span>
              {event.place}
              {event.organisation ? (
                <>
                  {" · "}
                  {T.calendar.organiser}: {event.organisation.name}
                </>
              ) : null}
            </p>
            {event.description ? <p>{event.description}</p> : null}
          </article>
        </li>
      ))}
    </ul>
  );
}

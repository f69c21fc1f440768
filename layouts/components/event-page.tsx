// An event's own page (content/evenemang/): its facts (when, where, who arranges it, registration) and its description.
import type { SiteModel } from "#src/site-model/model.ts";
import type { EventDocument } from "#src/content/document.ts";
import { eventTiming } from "#src/site-model/calendar.ts";
import { isOnline } from "#src/content/schemas/event.ts";
import { formatIsoDay } from "#src/text/dates.ts";
import { plainText } from "#src/text/markdown.ts";
import { T } from "#src/site/i18n.ts";
import { PATHS, organisationPath } from "#src/site-model/urls.ts";
import { eventJsonLd } from "#src/outputs/structured-data.ts";
import { BaseLayout } from "./base-layout.tsx";
import { JsonLd } from "./json-ld.tsx";
import { EventWhen } from "./event-list.tsx";
import { FactList } from "./facts/fact-list.tsx";

export function EventFacts({ finsam, document }: { finsam: SiteModel; document: EventDocument }) {
  const { place, registration } = document.data;
  const organisation = finsam.organisations.find(document.data.organisation);
  // An organisation has a page of its own only when it has published documents.
  const listed = finsam.collections.organisations.some((group) => group.organisation.key === organisation?.key);
  const online = isOnline(place);
  return (
    <FactList
      heading={T.calendar.facts}
      facts={[
        { label: T.calendar.when, value: <EventWhen timing={eventTiming(document)} /> },
        { label: T.calendar.place, value: online ? <>{place}. {T.calendar.online}</> : place },
        organisation && {
          label: T.calendar.organiser,
          value: listed ? <a href={finsam.href(organisationPath(organisation.key))}>{organisation.name}</a> : organisation.name,
        },
        registration !== undefined && {
          label: T.calendar.registration,
          value: <a href={registration}>{T.calendar.register}</a>,
        },
      ]}
    />
  );
}

export function EventPage({ finsam, document }: { finsam: SiteModel; document: EventDocument }) {
  const body = finsam.bodyHtml(document);
  const timing = eventTiming(document);
  const past = (timing.allDay ? timing.lastDay : formatIsoDay(timing.end)) < formatIsoDay(finsam.now);
  const status = finsam.collections.status(document);
  return (
    <BaseLayout finsam={finsam} url={document.url} title={document.data.title} description={plainText(document.body).split("\n\n")[0]}
      head={<JsonLd data={eventJsonLd(finsam, document)} />}
    >
      {status === "draft" ? <p class="status-banner" role="note">{T.draftBanner}</p> : null}
      <article class="document document-evenemang">
        <header>
          <p class="meta">
            <a class="type-label" href={finsam.href(PATHS.calendar)}>{T.calendar.title}</a>
          </p>
          <h1>{document.data.title}</h1>
          {past ? <p class="lede">{T.calendar.past}</p> : null}
        </header>
        <EventFacts finsam={finsam} document={document} />
        <div class="body" dangerouslySetInnerHTML={{ __html: body }} />
      </article>
      <p><a href={finsam.href(PATHS.calendar)}>{T.calendar.back}</a></p>
    </BaseLayout>
  );
}

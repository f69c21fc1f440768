// The start page: the latest across all types, the next events, then a section per type.
import { ARTICLE_KEYS, DOCUMENT_TYPES } from "#src/content/types.ts";
import { upcomingEvents } from "#src/site-model/calendar.ts";
import { T } from "#src/site/i18n.ts";
import { PATHS } from "#src/site-model/urls.ts";
import { BaseLayout } from "../components/base-layout.tsx";
import { DocumentList } from "../components/document-list.tsx";
import { EventList } from "../components/event-list.tsx";
import { pageData, type PageData } from "../page-data.ts";

const LATEST = 5;
const PER_TYPE = 3;
const UPCOMING = 3;

export const data = { permalink: "/", eleventyExcludeFromCollections: true };

export function render(raw: unknown) {
  const { finsam } = pageData<PageData>(raw);
  const { all, byType } = finsam.collections;
  return (
    <BaseLayout finsam={finsam} url="/" title={finsam.site.name}>
      <h1>{finsam.site.longName}</h1>
      <p class="lede">{finsam.site.description}</p>
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading">{T.latest}</h2>
        <DocumentList finsam={finsam} documents={all.slice(0, LATEST)} headingLevel={3} />
      </section>
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{T.calendar.upcoming}</h2>
        <EventList finsam={finsam} events={upcomingEvents(finsam).slice(0, UPCOMING)} headingLevel={3} />
        <p><a href={finsam.href(PATHS.calendar)}>{T.calendar.all}</a></p>
      </section>
      {ARTICLE_KEYS.map((key) => {
        const info = DOCUMENT_TYPES[key];
        return (
          <section aria-labelledby={`section-${key}`}>
            <h2 id={`section-${key}`}>{info.plural}</h2>
            <DocumentList finsam={finsam} documents={byType[key].slice(0, PER_TYPE)} headingLevel={3} showType={false} />
            <p><a href={finsam.href(`/${info.folder}/`)}>{T.allOfType(info.plural)}</a></p>
          </section>
        );
      })}
    </BaseLayout>
  );
}

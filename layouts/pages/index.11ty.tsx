// The start page: the newest document as the lead item, the next events beside it, then the latest of each type,
// none of them repeating what the page has already shown, each section linking on to its listing.
import { ARTICLE_KEYS, DOCUMENT_TYPES } from "#src/content/types.ts";
import type { AnyDocument } from "#src/content/document.ts";
import { upcomingEvents } from "#src/site-model/calendar.ts";
import { T } from "#src/site/i18n.ts";
import { PATHS } from "#src/site-model/urls.ts";
import { BaseLayout } from "../components/base-layout.tsx";
import { DocumentCard, DocumentList } from "../components/document-list.tsx";
import { EventList } from "../components/event-list.tsx";
import { pageData, type PageData } from "../page-data.ts";

const PER_TYPE = 3;
const UPCOMING = 3;

export const data = { permalink: "/", eleventyExcludeFromCollections: true };

export function render(raw: unknown) {
  const { finsam } = pageData<PageData>(raw);
  const { all, byType } = finsam.collections;
  const lead = all[0];
  const events = upcomingEvents(finsam).slice(0, UPCOMING);
  // A conference that is coming up is already in the events; the lead item is already at the top.
  const shown = new Set<string>([...(lead ? [lead.url] : []), ...events.flatMap((event) => (event.url ? [event.url] : []))]);
  const notShown = (document: AnyDocument): boolean => !shown.has(document.url);
  return (
    <BaseLayout finsam={finsam} url="/" title={finsam.site.name}>
      {/* The header bar already shows the name; a screen reader's list of headings still starts with it. */}
      <h1 class="visually-hidden">{finsam.site.longName}</h1>
      <div class="home-top page-wide">
        <section class="home-lead" aria-labelledby="latest-heading">
          <h2 id="latest-heading">{T.latest}</h2>
          {lead ? <DocumentCard finsam={finsam} document={lead} headingLevel={3} lead /> : <p>{T.noDocuments}</p>}
          <p class="more-link"><a href={finsam.href(PATHS.archive)}>{T.startPage.allPublished}</a></p>
        </section>
        <section class="home-events" aria-labelledby="upcoming-heading">
          <h2 id="upcoming-heading">{T.calendar.upcoming}</h2>
          <EventList finsam={finsam} events={events} headingLevel={3} />
          <p class="more-link"><a href={finsam.href(PATHS.calendar)}>{T.calendar.all}</a></p>
        </section>
      </div>
      <div class="home-types page-wide">
        {ARTICLE_KEYS.map((key) => {
          const info = DOCUMENT_TYPES[key];
          const documents = byType[key].filter(notShown).slice(0, PER_TYPE);
          // A type whose newest items are all above has nothing new to show here; the menu still leads to it.
          if (documents.length === 0) return null;
          return (
            <section aria-labelledby={`section-${key}`}>
              <h2 id={`section-${key}`}>{info.plural}</h2>
              <DocumentList finsam={finsam} documents={documents} headingLevel={3} showType={false} />
              <p class="more-link"><a href={finsam.href(`/${info.folder}/`)}>{T.allOfType(info.plural)}</a></p>
            </section>
          );
        })}
      </div>
    </BaseLayout>
  );
}

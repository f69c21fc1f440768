// /prenumerera/: what a feed is, in plain Swedish, and every feed's address (the site's, each type's, each
// organisation's, and the calendar). The visible "Prenumerera" links on listings and organisation pages lead here;
// pages' autodiscovery links point at the feeds themselves.
import { T } from "#src/site/i18n.ts";
import { FEED_FORMATS, PATHS } from "#src/site-model/urls.ts";
import type { SiteModel } from "#src/site-model/model.ts";
import { FEED_MEDIA_TYPES, feedSources, type FeedSource } from "#src/outputs/feeds/feeds.ts";
import { BaseLayout } from "../components/base-layout.tsx";
import { pageData, type PageData } from "../page-data.ts";

export const data = { permalink: PATHS.subscribe, eleventyExcludeFromCollections: true };

const L = T.feedList;

/** A feed's address as the link's own text: what the reader sees is what they copy, by hand or "Kopiera länk". */
function Address({ finsam, path, type }: { finsam: SiteModel; path: string; type: string }) {
  return (
    <a class="feed-address" href={finsam.href(path)} type={type}>
      <code>{finsam.absoluteUrl(path)}</code>
    </a>
  );
}

function FeedItem({ finsam, source }: { finsam: SiteModel; source: FeedSource }) {
  return (
    <li id={source.anchor}>
      <p class="feed-name">
        <a href={finsam.href(source.homePath)}>{source.name}</a>
      </p>
      <dl class="feed-addresses">
        {FEED_FORMATS.map((format) => (
          <div>
            <dt>{L[format]}</dt>
            <dd>
              <Address finsam={finsam} path={source.paths[format]} type={FEED_MEDIA_TYPES[format]} />
            </dd>
          </div>
        ))}
      </dl>
    </li>
  );
}

function FeedGroup({ finsam, id, heading, sources }: { finsam: SiteModel; id: string; heading: string; sources: FeedSource[] }) {
  if (sources.length === 0) return null;
  // Headings and lists, no labelled sections: a landmark per group would only lengthen the page's landmark list.
  return (
    <>
      <h3 id={id}>{heading}</h3>
      <ul class="plain feed-list">
        {sources.map((source) => (
          <FeedItem finsam={finsam} source={source} />
        ))}
      </ul>
    </>
  );
}

export function render(raw: unknown) {
  const { finsam } = pageData<PageData>(raw);
  const sources = feedSources(finsam);
  const of = (kind: FeedSource["kind"]) => sources.filter((source) => source.kind === kind);
  return (
    <BaseLayout finsam={finsam} url={PATHS.subscribe} title={L.title} description={L.intro}>
      <h1>{L.title}</h1>
      <p class="lede">{L.intro}</p>

      <h2>{L.whatHeading}</h2>
      {L.what.map((paragraph) => (
        <p>{paragraph}</p>
      ))}

      <h2>{L.howHeading}</h2>
      <ol>
        {L.how.map((step) => (
          <li>{step}</li>
        ))}
      </ol>
      <p>{L.rawNote}</p>

      <h2>{L.formatsHeading}</h2>
      <p>{L.formats}</p>

      <h2 id="flodena">{L.listHeading}</h2>
      <FeedGroup finsam={finsam} id="flodena-allt" heading={L.site} sources={of("site")} />
      <FeedGroup finsam={finsam} id="flodena-sort" heading={L.types} sources={of("type")} />
      <FeedGroup finsam={finsam} id="flodena-organisation" heading={L.organisations} sources={of("organisation")} />

      <h2 id="kalender">{L.calendarHeading}</h2>
      <p>{L.calendar}</p>
      <dl class="feed-addresses">
        <div>
          <dt>{L.calendarAddress}</dt>
          <dd>
            <Address finsam={finsam} path={PATHS.calendarFeed} type="text/calendar" />
          </dd>
        </div>
      </dl>
      <p>
        <a href={`${finsam.href(PATHS.calendar)}#subscribe-heading`}>{L.calendarMore}</a>
      </p>
    </BaseLayout>
  );
}

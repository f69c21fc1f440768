// The article page of any document type: heading, byline, the lead image, what the document says (document-content.tsx), tags, neighbours.
import type { SiteModel } from "#src/site-model/model.ts";
import type { AnyDocument } from "#src/content/document.ts";
import { DOCUMENT_TYPES } from "#src/content/types.ts";
import { formatLongDate } from "#src/text/dates.ts";
import { readingMinutes } from "#src/text/reading-time.ts";
import { documentJsonLd } from "#src/outputs/structured-data.ts";
import { slugify } from "#src/text/slug.ts";
import { T } from "#src/site/i18n.ts";
import { organisationPath, tagPath, typeFeedPath, typePath } from "#src/site-model/urls.ts";
import { BaseLayout } from "./base-layout.tsx";
import { JsonLd } from "./json-ld.tsx";
import { RelatedDocuments } from "./related-documents.tsx";
import { DateText } from "./date-text.tsx";
import { LeadImage } from "./picture.tsx";
import { DocumentContent } from "./document-content.tsx";

function StatusBanner({ finsam, document }: { finsam: SiteModel; document: AnyDocument }) {
  const status = finsam.collections.status(document);
  if (status === "published") return null;
  const text = status === "draft" ? T.draftBanner : T.scheduledBanner(formatLongDate(document.data.date));
  return <p class="status-banner" role="note">{text}</p>;
}

export function ArticlePage({ finsam, document }: { finsam: SiteModel; document: AnyDocument }) {
  const info = DOCUMENT_TYPES[document.type];
  const data = document.data;
  const leadRenditions = data.image ? finsam.imageRenditions(data.image) : undefined;
  const social = leadRenditions ? finsam.socialCard(leadRenditions, data.imageFocus) : undefined;
  const organisation = finsam.organisations.find(data.organisation);
  const { previous, next } = finsam.collections.neighbours(document);
  // Rendered before the reading time is asked for: both come from one parse of the body (src/text/markdown.ts).
  const body = finsam.bodyHtml(document);
  return (
    <BaseLayout
      finsam={finsam}
      url={document.url}
      title={data.title}
      description={data.summary}
      ogType="article"
      head={
        <>
          <meta property="article:published_time" content={data.date.toISOString()} />
          {data.updated ? <meta property="article:modified_time" content={data.updated.toISOString()} /> : null}
          {social ? (
            <>
              <meta property="og:image" content={finsam.absoluteUrl(social.url)} />
              <meta property="og:image:width" content={String(social.width)} />
              <meta property="og:image:height" content={String(social.height)} />
            </>
          ) : data.image ? (
            <meta property="og:image" content={finsam.absoluteUrl(data.image)} />
          ) : null}
          {data.image && data.imageAlt ? <meta property="og:image:alt" content={data.imageAlt} /> : null}
          <link
            rel="alternate"
            type="application/atom+xml"
            title={`${finsam.site.name}: ${T.atomFeedType(info.plural)}`}
            href={finsam.href(typeFeedPath(document.type))}
          />
          <link
            rel="alternate"
            type="application/feed+json"
            title={`${finsam.site.name}: ${T.jsonFeedType(info.plural)}`}
            href={finsam.href(typeFeedPath(document.type, "json"))}
          />
          <JsonLd data={documentJsonLd(finsam, document)} />
        </>
      }
    >
      <StatusBanner finsam={finsam} document={document} />
      <article class={`document document-${document.type}`}>
        <header>
          <p class="meta">
            <a class="type-label" href={finsam.href(typePath(document.type))}>{info.label}</a>
            {organisation ? (
              <>
                {" "}
                <a href={finsam.href(organisationPath(organisation.key))}>{organisation.name}</a>
              </>
            ) : null}
          </p>
          <h1>{data.title}</h1>
          <p class="lede">{data.summary}</p>
          <p class="meta">
            {T.published} <DateText date={data.date} />
            {data.updated ? (
              <>
                {" · "}
                {T.updated} <DateText date={data.updated} />
              </>
            ) : null}
            {data.authors && data.authors.length > 0 ? <> · {T.by} {data.authors.join(", ")}</> : null}
            {/* Minutes are looked up, § by §, not read through: a reading time would say nothing there. */}
            {document.type === "protokoll" ? null : (
              <>
                {" · "}
                <span class="reading-time">{T.readingTime(readingMinutes(finsam.wordCount(document)))}</span>
              </>
            )}
          </p>
        </header>
        {data.image && data.imageAlt ? (
          <LeadImage finsam={finsam} src={data.image} alt={data.imageAlt} caption={data.imageCaption} credit={data.imageCredit} />
        ) : null}
        <DocumentContent finsam={finsam} document={document} bodyHtml={body} />
        {data.tags.length > 0 ? (
          <footer>
            <h2 class="visually-hidden">{T.tags}</h2>
            <ul class="tags">
              {data.tags.map((tag) => (
                <li><a href={finsam.href(tagPath(slugify(tag)))}>{tag}</a></li>
              ))}
            </ul>
          </footer>
        ) : null}
      </article>
      <RelatedDocuments finsam={finsam} documents={finsam.related(document)} />
      {previous || next ? (
        <nav class="neighbours" aria-label={T.neighbours}>
          {previous ? (
            <a rel="prev" href={finsam.href(previous.url)}>
              <span>{T.previous}</span> {previous.data.title}
            </a>
          ) : null}
          {next ? (
            <a rel="next" href={finsam.href(next.url)}>
              <span>{T.next}</span> {next.data.title}
            </a>
          ) : null}
        </nav>
      ) : null}
    </BaseLayout>
  );
}

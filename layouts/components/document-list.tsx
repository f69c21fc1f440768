// A list of documents as cards: linked title, type, organisation, date, summary, and a thumbnail of the lead image.
import type { SiteModel } from "#src/site-model/model.ts";
import type { AnyDocument } from "#src/content/document.ts";
import { DOCUMENT_TYPES } from "#src/content/types.ts";
import { T } from "#src/site/i18n.ts";
import { DateText } from "./date-text.tsx";
import { Picture } from "./picture.tsx";

/** A thumbnail is shown 6-8rem wide (site.css .card-thumb): the narrowest rendition is sharp enough at 2×. */
const THUMB_SIZES = "8rem";

export interface DocumentListProps {
  finsam: SiteModel;
  documents: readonly AnyDocument[];
  /** Heading level of each item's title, so the outline stays unbroken wherever the list sits. */
  headingLevel?: 2 | 3;
  showType?: boolean;
  /** Left out on a listing of one organisation, where every card would repeat it. */
  showOrganisation?: boolean;
}

export function DocumentList({ finsam, documents, headingLevel = 2, showType = true, showOrganisation = true }: DocumentListProps) {
  if (documents.length === 0) return <p>{T.noDocuments}</p>;
  return (
    <ul class="document-list">
      {documents.map((document) => (
        <li>
          <DocumentCard finsam={finsam} document={document} headingLevel={headingLevel} showType={showType} showOrganisation={showOrganisation} />
        </li>
      ))}
    </ul>
  );
}

export interface DocumentCardProps {
  finsam: SiteModel;
  document: AnyDocument;
  headingLevel: 2 | 3;
  showType?: boolean;
  showOrganisation?: boolean;
  /** The start page's lead item: the image large and fetched at once, above the text. */
  lead?: boolean;
}

export function DocumentCard({ finsam, document, headingLevel, showType = true, showOrganisation = true, lead = false }: DocumentCardProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const { data } = document;
  const organisation = showOrganisation ? finsam.organisations.find(data.organisation) : undefined;
  // The image repeats what the linked title says, so it is decorative here (alt=""): the page has its alt text.
  const image = data.image && data.imageAlt ? data.image : undefined;
  return (
    <article class={`card${image ? " has-thumb" : ""}${lead ? " lead-card" : ""}`}>
      <Heading class="card-title">
        <a href={finsam.href(document.url)}>{data.title}</a>
      </Heading>
      <p class="meta">
        {showType ? <><span class="type-label">{DOCUMENT_TYPES[document.type].label}</span>{" · "}</> : null}
        {organisation ? <>{organisation.name}{" · "}</> : null}
        <DateText date={data.date} />
      </p>
      <p class="card-summary">{data.summary}</p>
      {image ? (
        <Picture finsam={finsam} src={image} alt="" eager={lead} className="card-thumb" {...(lead ? {} : { sizes: THUMB_SIZES })} />
      ) : null}
    </article>
  );
}

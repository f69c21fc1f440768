// A list of documents as cards: type, date, linked title and summary.
import type { SiteModel } from "#src/site-model/model.ts";
import type { AnyDocument } from "#src/content/document.ts";
import { DOCUMENT_TYPES } from "#src/content/types.ts";
import { T } from "#src/site/i18n.ts";
import { DateText } from "./date-text.tsx";

export interface DocumentListProps {
  finsam: SiteModel;
  documents: readonly AnyDocument[];
  /** Heading level of each item's title, so the outline stays unbroken wherever the list sits. */
  headingLevel?: 2 | 3;
  showType?: boolean;
}

export function DocumentList({ finsam, documents, headingLevel = 2, showType = true }: DocumentListProps) {
  if (documents.length === 0) return <p>{T.noDocuments}</p>;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul class="document-list">
      {documents.map((document) => (
        <li>
          <article class="card">
            <Heading class="card-title">
              <a href={finsam.href(document.url)}>{document.data.title}</a>
            </Heading>
            <p class="meta">
              {showType ? <><span class="type-label">{DOCUMENT_TYPES[document.type].label}</span>{" "}</> : null}
              <DateText date={document.data.date} />
            </p>
            <p>{document.data.summary}</p>
          </article>
        </li>
      ))}
    </ul>
  );
}

// "Läs också" under an article: the documents src/site-model/related.ts picked, as cards.
import type { SiteModel } from "#src/site-model/model.ts";
import type { AnyDocument } from "#src/content/document.ts";
import { T } from "#src/site/i18n.ts";
import { DocumentList } from "./document-list.tsx";

export function RelatedDocuments({ finsam, documents }: { finsam: SiteModel; documents: readonly AnyDocument[] }) {
  if (documents.length === 0) return null;
  return (
    <section class="related" aria-labelledby="related-heading">
      <h2 id="related-heading">{T.related}</h2>
      <DocumentList finsam={finsam} documents={documents} headingLevel={3} />
    </section>
  );
}

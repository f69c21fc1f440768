// The frame shared by every page that lists documents: one h1, an optional lede, the list, then extras.
import type { ComponentChildren } from "preact";
import type { SiteModel } from "../../src/model.ts";
import type { AnyDocument } from "../../src/content/document.ts";
import { BaseLayout } from "./base-layout.tsx";
import { DocumentList } from "./document-list.tsx";

export interface ListingPageProps {
  finsam: SiteModel;
  /** Site-relative path of this page without the path prefix. */
  url: string;
  title: string;
  lede?: string;
  documents: readonly AnyDocument[];
  /** False when every document has the same type, so the label would only repeat the heading. */
  showType?: boolean;
  head?: ComponentChildren;
  /** Shown between the lede and the list (facts, feed link). */
  intro?: ComponentChildren;
  /** Shown after the list (a link back to the overview). */
  children?: ComponentChildren;
}

export function ListingPage(props: ListingPageProps) {
  const { finsam, url, title, lede, documents, showType = true } = props;
  return (
    <BaseLayout finsam={finsam} url={url} title={title} description={lede} head={props.head}>
      <h1>{title}</h1>
      {lede ? <p class="lede">{lede}</p> : null}
      {props.intro}
      <DocumentList finsam={finsam} documents={documents} showType={showType} />
      {props.children}
    </BaseLayout>
  );
}

// The frame shared by every page that lists documents: one h1, an optional lede, the list, page links, then extras.
import type { ComponentChildren } from "preact";
import type { SiteModel } from "#src/site-model/model.ts";
import type { ListingPage as ListingPageData } from "#src/site-model/listings.ts";
import { T } from "#src/site/i18n.ts";
import { BaseLayout } from "./base-layout.tsx";
import { DocumentList } from "./document-list.tsx";
import { Pagination, PaginationHead } from "./pagination.tsx";

export interface ListingPageProps {
  finsam: SiteModel;
  /** This page of the listing: its documents, its path and where the other pages are. */
  listing: ListingPageData;
  title: string;
  lede?: string;
  /** False when every document has the same type, so the label would only repeat the heading. */
  showType?: boolean;
  /** False on one organisation's listing, where every card would repeat its name. */
  showOrganisation?: boolean;
  head?: ComponentChildren;
  /** Shown between the lede and the list (facts, feed link). */
  intro?: ComponentChildren;
  /** Shown after the list (a link back to the overview). */
  children?: ComponentChildren;
}

export function ListingPage(props: ListingPageProps) {
  const { finsam, listing, title, lede, showType = true, showOrganisation = true } = props;
  // Every page of a listing needs its own title (WCAG 2.4.2), and its heading says which page it is: a screen-reader
  // user who jumps to the h1 of page 6 hears "sida 6 av 14", not the first page's heading again.
  const pageTitle = listing.pageNumber === 0 ? title : `${title}, ${T.pagination.titleSuffix(listing.pageNumber + 1, listing.pageCount)}`;
  return (
    <BaseLayout
      finsam={finsam}
      url={listing.url}
      title={pageTitle}
      description={lede}
      head={
        <>
          <PaginationHead finsam={finsam} page={listing} />
          {props.head}
        </>
      }
    >
      <h1>{pageTitle}</h1>
      {lede ? <p class="lede">{lede}</p> : null}
      {props.intro}
      <DocumentList finsam={finsam} documents={listing.documents} showType={showType} showOrganisation={showOrganisation} />
      <Pagination finsam={finsam} page={listing} />
      {props.children}
    </BaseLayout>
  );
}

// Every page that lists documents, as data: per type, tag, organisation and year, split into pages of
// LISTING_PAGE_SIZE. The templates paginate over these and the sitemap lists exactly the same pages.
import type { Collections, OrganisationGroup, TagGroup, YearGroup } from "./collections.ts";
import type { AnyDocument } from "../content/document.ts";
import { ARTICLE_KEYS, type ArticleKey } from "../content/types.ts";
import { organisationPath, tagPath, typePath, yearPath } from "./urls.ts";

/** Documents per listing page. */
export const LISTING_PAGE_SIZE = 20;

export interface ListingPage {
  /** 0-based, as Eleventy counts pages. */
  pageNumber: number;
  pageCount: number;
  /** This page's share of the listing, newest first. */
  documents: AnyDocument[];
  /** Site-relative path without the path prefix. */
  url: string;
  /** Every page of the same listing, first page first (shared by all its pages). */
  pageUrls: readonly string[];
}

export interface TypeListing extends ListingPage {
  type: ArticleKey;
}

export interface TagListing extends ListingPage {
  group: TagGroup;
}

export interface OrganisationListing extends ListingPage {
  group: OrganisationGroup;
}

export interface YearListing extends ListingPage {
  group: YearGroup;
}

/** Splits one listing into pages; an empty listing still gets its first page. */
export function paginate(documents: readonly AnyDocument[], pathOf: (pageNumber: number) => string, pageSize = LISTING_PAGE_SIZE): ListingPage[] {
  if (!(pageSize >= 1)) throw new Error(`pageSize ska vara minst 1, men är ${pageSize}`);
  const pageCount = Math.max(1, Math.ceil(documents.length / pageSize));
  const pageUrls = Array.from({ length: pageCount }, (_, pageNumber) => pathOf(pageNumber));
  return pageUrls.map((url, pageNumber) => ({
    pageNumber,
    pageCount,
    documents: documents.slice(pageNumber * pageSize, (pageNumber + 1) * pageSize),
    url,
    pageUrls,
  }));
}

/** Every type gets at least one page: an empty type still has its menu link. */
export function typeListings(collections: Collections, pageSize = LISTING_PAGE_SIZE): TypeListing[] {
  return ARTICLE_KEYS.flatMap((type) =>
    paginate(collections.byType[type] as AnyDocument[], (n) => typePath(type, n), pageSize).map((page) => ({ ...page, type })),
  );
}

export function tagListings(collections: Collections, pageSize = LISTING_PAGE_SIZE): TagListing[] {
  return collections.tags.flatMap((group) =>
    paginate(group.documents, (n) => tagPath(group.slug, n), pageSize).map((page) => ({ ...page, group })),
  );
}

export function organisationListings(collections: Collections, pageSize = LISTING_PAGE_SIZE): OrganisationListing[] {
  return collections.organisations.flatMap((group) =>
    paginate(group.documents, (n) => organisationPath(group.organisation.key, n), pageSize).map((page) => ({ ...page, group })),
  );
}

export function yearListings(collections: Collections, pageSize = LISTING_PAGE_SIZE): YearListing[] {
  return collections.years.flatMap((group) =>
    paginate(group.documents, (n) => yearPath(group.year, n), pageSize).map((page) => ({ ...page, group })),
  );
}

/** A page number to link, or a gap ("…") standing for the pages left out. */
export type PageLinkItem = { pageNumber: number } | "gap";

/**
 * Which page numbers the pagination shows: the first, the last and `around` on each side of the current
 * one. A listing of hundreds of pages must not give every page a link on every page.
 */
export function pageLinkItems(pageNumber: number, pageCount: number, around = 2): PageLinkItem[] {
  const items: PageLinkItem[] = [];
  let previous = -1;
  for (let n = 0; n < pageCount; n++) {
    if (n !== 0 && n !== pageCount - 1 && Math.abs(n - pageNumber) > around) continue;
    // A gap of one page would hide a page behind "…" that takes no less room than its number.
    if (n - previous === 2) items.push({ pageNumber: n - 1 });
    else if (n - previous > 2) items.push("gap");
    items.push({ pageNumber: n });
    previous = n;
  }
  return items;
}

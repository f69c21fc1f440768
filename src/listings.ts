// The per-type listing pages, as data: the listing template paginates over these and the sitemap lists them.
// Every type gets at least one page (an empty type still has its menu link); splitting a long list into
// several pages is a matter of passing a smaller pageSize.
import type { Collections } from "./content/collections.ts";
import type { AnyDocument } from "./content/document.ts";
import { TYPE_KEYS, type TypeKey } from "./content/types.ts";
import { typePath } from "./urls.ts";

/** Documents per listing page. One page per type for now. */
export const LISTING_PAGE_SIZE = Number.POSITIVE_INFINITY;

export interface TypeListing {
  type: TypeKey;
  /** 0-based, as Eleventy counts pages. */
  pageNumber: number;
  pageCount: number;
  /** Newest first. */
  documents: AnyDocument[];
  /** Site-relative path without the path prefix. */
  url: string;
}

export function typeListings(collections: Collections, pageSize = LISTING_PAGE_SIZE): TypeListing[] {
  return TYPE_KEYS.flatMap((type) => {
    const documents = collections.byType[type] as AnyDocument[];
    const pageCount = Math.max(1, Math.ceil(documents.length / pageSize));
    return Array.from({ length: pageCount }, (_, pageNumber) => ({
      type,
      pageNumber,
      pageCount,
      documents: Number.isFinite(pageSize) ? documents.slice(pageNumber * pageSize, (pageNumber + 1) * pageSize) : documents,
      url: typePath(type, pageNumber),
    }));
  });
}

// Every indexable HTML page the site has, with when its content last changed: what the sitemap lists and what a
// link may lead to (links.ts).
import type { SiteModel } from "./model.ts";
import type { AnyDocument } from "../content/document.ts";
import { organisationListings, tagListings, typeListings, yearListings, type ListingPage } from "./listings.ts";
import { PATHS } from "./urls.ts";
import type { Collections } from "./collections.ts";

export interface SitePage {
  /** Site-relative path without the path prefix. */
  path: string;
  /** When the page's content last changed, if it lists or is a document. */
  lastmod?: Date;
}

function changedAt(document: AnyDocument): Date {
  return document.data.updated ?? document.data.date;
}

/** The latest change among the documents a page shows; undefined for a page that shows none. */
export function lastChange(documents: readonly AnyDocument[]): Date | undefined {
  let latest: Date | undefined;
  for (const document of documents) {
    const changed = changedAt(document);
    if (!latest || changed.getTime() > latest.getTime()) latest = changed;
  }
  return latest;
}

function listingEntry(listing: ListingPage): SitePage {
  return { path: listing.url, lastmod: lastChange(listing.documents) };
}

/** Every HTML page the build writes, except the 404 page (which must not be indexed). */
export function sitePages(finsam: SiteModel): SitePage[] {
  return sitePagesOf(finsam.collections, finsam.accessibility.updatedOn);
}

/** sitePages from the collections alone: the link check knows them before there is a model. */
export function sitePagesOf(collections: Collections, statementUpdatedOn?: Date): SitePage[] {
  const { all } = collections;
  const everything = lastChange(all);
  return [
    { path: PATHS.home, lastmod: everything },
    ...typeListings(collections).map(listingEntry),
    { path: PATHS.archive, lastmod: everything },
    ...yearListings(collections).map(listingEntry),
    { path: PATHS.tags, lastmod: everything },
    ...tagListings(collections).map(listingEntry),
    { path: PATHS.organisations, lastmod: everything },
    ...organisationListings(collections).map(listingEntry),
    // The search page itself; its ?q= variants name it as their canonical URL.
    { path: PATHS.search },
    { path: PATHS.calendar },
    // What feeds are and every feed's address: the visible "Prenumerera" links lead here.
    { path: PATHS.subscribe },
    { path: PATHS.accessibility, ...(statementUpdatedOn ? { lastmod: statementUpdatedOn } : {}) },
    ...all.map((document) => ({ path: document.url, lastmod: changedAt(document) })),
    // Pages and events have no publication day: a page's lastmod is its `updated`, when the editor gave one.
    ...collections.pages.map((page) => ({ path: page.url, ...(page.data.updated ? { lastmod: page.data.updated } : {}) })),
    ...collections.events.map((event) => ({ path: event.url })),
  ];
}

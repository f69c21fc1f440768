// Sorted, mode-aware collections built from validated documents: what every page and feed lists.
import { slugify } from "../text/slug.ts";
import type { Organisation, Organisations } from "../content/data-files.ts";
import type { BuildMode } from "../site/site.ts";
import type { LoadResult } from "../content/load.ts";
import { ARTICLE_KEYS, type ArticleKey } from "../content/types.ts";
import { isArticle, type AnyDocument, type ContentDocument, type Document, type EventDocument, type PageDocument, type Status } from "../content/document.ts";
import { isPage } from "../content/pages.ts";

export interface TagGroup {
  name: string;
  slug: string;
  documents: AnyDocument[];
}

export interface OrganisationGroup {
  organisation: Organisation;
  documents: AnyDocument[];
}

export interface YearGroup {
  year: number;
  documents: AnyDocument[];
}

export interface Collections {
  /** Every article this build shows, newest first: what feeds, listings and the archive hold. */
  all: AnyDocument[];
  byType: { [K in ArticleKey]: Document<K>[] };
  /** The ordinary pages this build shows, by address: in no feed or listing, in the sitemap and the search. */
  pages: PageDocument[];
  /** The calendar events this build shows, each with its page (the kalendarium lists those to come). */
  events: EventDocument[];
  tags: TagGroup[];
  organisations: OrganisationGroup[];
  years: YearGroup[];
  status(document: ContentDocument): Status;
  neighbours(document: AnyDocument): { previous?: AnyDocument; next?: AnyDocument };
}

export function statusOf(document: ContentDocument, now: Date): Status {
  if (document.data.draft) return "draft";
  // Pages and events have no publication day: they are out as soon as they are no draft.
  if (isArticle(document) && document.data.date.getTime() > now.getTime()) return "scheduled";
  return "published";
}

/** Newest first; the same day falls back to title so the order never depends on the file system. */
export function newestFirst(a: AnyDocument, b: AnyDocument): number {
  return b.data.date.getTime() - a.data.date.getTime() || a.data.title.localeCompare(b.data.title, "sv") || a.url.localeCompare(b.url);
}

function groupBy<T>(documents: readonly AnyDocument[], keysOf: (document: AnyDocument) => T[]): Map<T, AnyDocument[]> {
  const groups = new Map<T, AnyDocument[]>();
  for (const document of documents) {
    for (const key of keysOf(document)) {
      const group = groups.get(key);
      if (group) group.push(document);
      else groups.set(key, [document]);
    }
  }
  return groups;
}

/**
 * One load's collections, each mode's built once: the link check (links.ts) and the site model ask for the same ones
 * (a dev server's reload built them twice). Asked for another moment or other organisations, it builds afresh.
 */
export class CollectionsOfLoad {
  private readonly built = new Map<BuildMode, Collections>();

  constructor(
    private readonly documents: readonly ContentDocument[],
    private readonly now: Date,
    private readonly organisations: Organisations,
  ) {}

  get(mode: BuildMode, now: Date, organisations: Organisations): Collections {
    if (now.getTime() !== this.now.getTime() || organisations !== this.organisations) return buildCollections(this.documents, mode, now, organisations);
    let collections = this.built.get(mode);
    if (!collections) this.built.set(mode, (collections = buildCollections(this.documents, mode, now, organisations)));
    return collections;
  }
}

/** A load of the whole site (site-checks.ts loadSite): the content's, and the collections the link check built. */
export interface SiteLoadResult extends LoadResult {
  collections?: CollectionsOfLoad;
}

/** `organisations`: this build's, which every document's key is in (read.ts checked it, or the build stopped). */
export function buildCollections(documents: readonly ContentDocument[], mode: BuildMode, now: Date, known: Organisations): Collections {
  const statuses = new Map(documents.map((document) => [document, statusOf(document, now)]));
  const shown = documents.filter((document) => mode === "preview" || statuses.get(document) === "published");
  const all = shown.filter(isArticle).sort(newestFirst);
  const pages = shown.filter(isPage).sort((a, b) => a.url.localeCompare(b.url));
  const events = shown.filter((document): document is EventDocument => !isArticle(document) && !isPage(document));

  const byType = Object.fromEntries(ARTICLE_KEYS.map((key) => [key, all.filter((document) => document.type === key)])) as Collections["byType"];

  // Tags that slug alike ("Älv & Kust", "älv och kust") are one tag: they would share a page anyway.
  const tagNames = new Map<string, string>();
  const tagGroups = groupBy(all, (document) =>
    [...new Set(document.data.tags.map((tag) => slugify(tag)).filter((slug) => slug !== ""))],
  );
  for (const document of all) {
    for (const tag of document.data.tags) if (!tagNames.has(slugify(tag))) tagNames.set(slugify(tag), tag);
  }
  const tags = [...tagGroups]
    .map(([slug, grouped]) => ({ slug, name: tagNames.get(slug) ?? slug, documents: grouped }))
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));

  const organisations = [...groupBy(all, (document) => [document.data.organisation])]
    .map(([key, grouped]) => ({ organisation: known.find(key) as Organisation, documents: grouped }))
    .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, "sv"));

  const years = [...groupBy(all, (document) => [document.year])]
    .map(([year, grouped]) => ({ year, documents: grouped }))
    .sort((a, b) => b.year - a.year);

  const positions = new Map<AnyDocument, { list: AnyDocument[]; index: number }>();
  for (const key of ARTICLE_KEYS) {
    const list = byType[key] as AnyDocument[];
    list.forEach((document, index) => positions.set(document, { list, index }));
  }

  return {
    all,
    byType,
    pages,
    events,
    tags,
    organisations,
    years,
    status: (document) => statuses.get(document) ?? statusOf(document, now),
    neighbours(document) {
      const position = positions.get(document);
      if (!position) return {};
      // Lists run newest first: "previous" is the older neighbour, "next" the newer.
      return { previous: position.list[position.index + 1], next: position.list[position.index - 1] };
    },
  };
}

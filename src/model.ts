// Everything a page or feed needs, computed once per build: options, validated documents, collections,
// and the two URL helpers that make SITE_URL and the path prefix apply everywhere alike.
import { SITE, type SiteOptions } from "./site.ts";
import { loadContent, type LoadOptions, type LoadResult } from "./content/load.ts";
import { buildCollections, type Collections } from "./content/collections.ts";
import { ContentError } from "./content/problems.ts";
import { relatedIndex, type RelatedLookup } from "./content/related.ts";
import type { AnyDocument } from "./content/document.ts";

export function withPrefix(pathPrefix: string, path: string): string {
  if (!path.startsWith("/")) return path;
  return pathPrefix === "/" ? path : `${pathPrefix.replace(/\/$/, "")}${path}`;
}

// A class, not a plain object: Eleventy deep-merges plain global data into every page, which would copy
// thousands of documents per page and break the identity the collections rely on.
export class SiteModel {
  readonly site = SITE;

  constructor(
    readonly options: SiteOptions,
    readonly collections: Collections,
    /** The moment this build decided what is published. */
    readonly now: Date,
  ) {}

  /** Root-relative link with the path prefix: "/nyheter/" → "/finsam/nyheter/". */
  href(path: string): string {
    return withPrefix(this.options.pathPrefix, path);
  }

  /** Absolute URL for canonical links, feeds and the sitemap. */
  absoluteUrl(path: string): string {
    return new URL(this.href(path), this.options.siteUrl).toString();
  }

  #related: RelatedLookup | undefined;

  /** Up to three documents to read next (src/content/related.ts); the index is built once per build, on first use. */
  related(document: AnyDocument): AnyDocument[] {
    this.#related ??= relatedIndex(this.collections);
    return this.#related(document);
  }
}

/** Loads and validates all content; throws one ContentError listing every problem, in Swedish. */
export function buildSiteModel(options: SiteOptions, loadOptions: LoadOptions = {}): SiteModel {
  const now = options.now ?? new Date();
  return siteModelFrom(options, loadContent(options.contentDir, now, loadOptions), now);
}

/**
 * The model from content loaded with the same `now`: `npm run build` validates before it builds, and loading
 * again would repeat the site-wide checks (links build the collections and the sitemap twice) for nothing.
 */
export function siteModelFrom(options: SiteOptions, { documents, problems }: LoadResult, now: Date = options.now ?? new Date()): SiteModel {
  if (problems.some((problem) => problem.severity === "fel")) throw new ContentError(problems);
  return new SiteModel(options, buildCollections(documents, options.mode, now), now);
}

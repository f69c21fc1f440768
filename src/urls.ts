// Site-relative paths of the generated pages, written once: page permalinks, links and the sitemap agree.
// These are paths without the path prefix; finsam.href() and finsam.absoluteUrl() add it.
import { DOCUMENT_TYPES, type TypeKey } from "./content/types.ts";

export const PATHS = {
  home: "/",
  archive: "/arkiv/",
  tags: "/taggar/",
  organisations: "/organisationer/",
  notFound: "/404.html",
  sitemap: "/sitemap.xml",
  atomFeed: "/feed.xml",
  jsonFeed: "/feed.json",
  stylesheet: "/assets/site.css",
  robots: "/robots.txt",
} as const;

/** "/nyheter/" for the first page; later pages (when listings are split) get "/nyheter/sida/2/". */
export function typePath(key: TypeKey, pageNumber = 0): string {
  const base = `/${DOCUMENT_TYPES[key].folder}/`;
  return pageNumber === 0 ? base : `${base}sida/${pageNumber + 1}/`;
}

export function typeFeedPath(key: TypeKey): string {
  return `/${DOCUMENT_TYPES[key].folder}/feed.xml`;
}

export function yearPath(year: number): string {
  return `${PATHS.archive}${year}/`;
}

/** Takes the TagGroup's slug (src/slug.ts), never the tag's display name. */
export function tagPath(slug: string): string {
  return `${PATHS.tags}${slug}/`;
}

export function organisationPath(key: string): string {
  return `${PATHS.organisations}${key}/`;
}

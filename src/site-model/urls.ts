// Site-relative paths of the generated pages, written once: page permalinks, links and the sitemap agree.
// These are paths without the path prefix; finsam.href() and finsam.absoluteUrl() add it.
import { DOCUMENT_TYPES, type TypeKey } from "../content/types.ts";

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
  /** XSLT that browsers apply to the Atom feeds, so a reader who opens one sees a page (layouts/assets/feed.xsl). */
  feedStylesheet: "/assets/feed.xsl",
  robots: "/robots.txt",
  accessibility: "/tillganglighet/",
  calendar: "/kalendarium/",
  calendarFeed: "/kalendarium.ics",
  search: "/sok/",
  searchScript: "/assets/search.js",
  /** The Swedish stemmer of the search index, copied from @orama/stemmers (src/outputs/search/stemmer-file.ts). */
  searchStemmer: "/assets/stemmer-sv.js",
  /** The search index's folder (manifest, term shards, document chunks), written by src/outputs/search/. */
  searchIndex: "/sok/index/",
  /** The CMS (Decap): its page, beside it its bundle (src/outputs/cms/bundle.ts), and the configuration generated from the schemas. */
  admin: "/admin/",
  adminConfig: "/admin/config.yml",
} as const;

/** The modules the search page's script imports (src/outputs/search/browser/, and the stemmer): preloaded by the page. */
export const SEARCH_MODULES = ["/assets/search-engine.js", "/assets/search-terms.js", PATHS.searchStemmer] as const;

/** A listing's page by 0-based number: the first page is the listing's own path, later ones "<base>sida/2/". */
export function pagedPath(base: string, pageNumber = 0): string {
  return pageNumber === 0 ? base : `${base}sida/${pageNumber + 1}/`;
}

/** "/nyheter/" for the first page; later pages get "/nyheter/sida/2/". */
export function typePath(key: TypeKey, pageNumber = 0): string {
  return pagedPath(`/${DOCUMENT_TYPES[key].folder}/`, pageNumber);
}

export function typeFeedPath(key: TypeKey): string {
  return `/${DOCUMENT_TYPES[key].folder}/feed.xml`;
}

export function yearPath(year: number, pageNumber = 0): string {
  return pagedPath(`${PATHS.archive}${year}/`, pageNumber);
}

/** Takes the TagGroup's slug (src/text/slug.ts), never the tag's display name. */
export function tagPath(slug: string, pageNumber = 0): string {
  return pagedPath(`${PATHS.tags}${slug}/`, pageNumber);
}

export function organisationPath(key: string, pageNumber = 0): string {
  return pagedPath(`${PATHS.organisations}${key}/`, pageNumber);
}

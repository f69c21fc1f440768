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
  /** The page that explains feeds in plain Swedish and lists every feed (layouts/pages/feeds.11ty.tsx). */
  subscribe: "/prenumerera/",
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

/**
 * The PNGs made of the settings' icon (src/outputs/images/icons.ts): a tab's icon, and the home-screen icon iOS asks
 * for (which it rounds itself, so no transparency).
 */
export const ICON_FILES = [
  { path: "/assets/ikon-32.png", size: 32, opaque: false },
  { path: "/assets/ikon-180.png", size: 180, opaque: true },
] as const;

/** The two formats every feed is written in, with the same entries (src/outputs/feeds/). */
export type FeedFormat = "atom" | "json";
export const FEED_FORMATS: readonly FeedFormat[] = ["atom", "json"];
const FEED_FILE: Record<FeedFormat, string> = { atom: "feed.xml", json: "feed.json" };

/** "/nyheter/feed.xml", "/nyheter/feed.json". */
export function typeFeedPath(key: TypeKey, format: FeedFormat = "atom"): string {
  return `/${DOCUMENT_TYPES[key].folder}/${FEED_FILE[format]}`;
}

/** "/organisationer/<nyckel>/feed.xml": beside the organisation's page, never in its paginated pages' way. */
export function organisationFeedPath(key: string, format: FeedFormat): string {
  return `${PATHS.organisations}${key}/${FEED_FILE[format]}`;
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

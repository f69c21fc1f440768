// Searches a built site in Node with the site's own search modules, as the search page does: the engine, the
// tokenizer and the stemmer are imported from the built assets folder (/assets/search-engine.js …), the index URL
// and the path prefix come from the built search page's form (data-index, data-prefix), and the engine's fetches
// are answered from the built folder, served at the site's path prefix as on a real host.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { load } from "cheerio";
import type { BuiltSite } from "./build.ts";
import type * as Engine from "../../src/outputs/search/browser/search-engine.js";

/** A built output folder and the options it was built with (a BuiltSite is one). */
export type SearchableSite = Pick<BuiltSite, "outDir" | "options">;

export interface SearchHit {
  /** The result's URL as the page links it (path prefix included). */
  url: string;
  title: string;
  /** The type label and the date, as the meta line shows them. */
  type: string;
  date: string;
  /** The summary with the matched words as <mark>…</mark> (text as it is; the page builds DOM nodes instead). */
  summary: string;
  /** The excerpt around the matched words, marked the same way; "" when the words are not in the excerpt text. */
  excerpt: string;
  /** How many of the query's words the document has exactly as typed. */
  exact: number;
}

/** Every file the engine asked for, site path by site path (tests check how much a search fetches). */
export interface Fetched {
  path: string;
  bytes: number;
}

const ORIGIN = "http://finsam.test";

/** Reads the site's file that `url` names, as a host serving the output folder at the path prefix would. */
function readSiteFile(site: SearchableSite, url: string, log: Fetched[]): unknown {
  const { pathname } = new URL(url);
  const prefix = site.options.pathPrefix;
  if (!pathname.startsWith(prefix)) throw new Error(`${url}: utanför ${prefix}`);
  const file = path.join(site.outDir, decodeURIComponent(pathname.slice(prefix.length)));
  if (!file.startsWith(site.outDir) || !fs.existsSync(file)) throw new Error(`${url}: 404`);
  const text = fs.readFileSync(file, "utf8");
  log.push({ path: pathname, bytes: Buffer.byteLength(text) });
  return JSON.parse(text);
}

export interface SearchOptions {
  prefix?: boolean;
  filters?: Engine.Filters;
}

/** Marked parts as text with <mark>…</mark>. */
function markup(parts: Engine.MarkedText): string {
  return parts.map((part) => (part.mark ? `<mark>${part.text}</mark>` : part.text)).join("");
}

export interface SiteSearch {
  engine: Engine.SearchIndex;
  /** Files fetched so far (cleared by the caller between searches to measure one). */
  fetched: Fetched[];
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
}

const searches = new Map<string, Promise<SiteSearch>>();

/** The search of a built site, loaded once per folder. */
export function siteSearch(site: SearchableSite): Promise<SiteSearch> {
  let loaded = searches.get(site.outDir);
  if (!loaded) {
    loaded = (async () => {
      const assets = path.join(site.outDir, "assets");
      const engine = (await import(pathToFileURL(path.join(assets, "search-engine.js")).href)) as typeof Engine;
      const { stemmer } = (await import(pathToFileURL(path.join(assets, "stemmer-sv.js")).href)) as { stemmer: (word: string) => string };
      const fetched: Fetched[] = [];
      const form = load(fs.readFileSync(path.join(site.outDir, "sok", "index.html"), "utf8"))("#search-form");
      const prefix = (form.attr("data-prefix") ?? "").replace(/\/$/, "");
      const index = new engine.SearchIndex(new URL(form.attr("data-index") ?? "", ORIGIN).href, stemmer, async (url) => readSiteFile(site, url, fetched));
      return {
        engine: index,
        fetched,
        async search(query, options) {
          const found = await index.search(query, options);
          const documents = await index.documents(found.ids, found.matches);
          return Promise.all(
            documents.map(async (document, at) => ({
              url: `${prefix}${document.url}`,
              title: document.title,
              type: document.type,
              date: document.date,
              summary: markup(await index.marked(document.summary, found.matches)),
              excerpt: document.excerpt ? markup(document.excerpt) : "",
              exact: found.exact[at] ?? 0,
            })),
          );
        },
      };
    })();
    searches.set(site.outDir, loaded);
  }
  return loaded;
}

/** Every hit for a query, best first. */
export async function search(site: SearchableSite, query: string, options?: SearchOptions): Promise<SearchHit[]> {
  return (await siteSearch(site)).search(query, options);
}

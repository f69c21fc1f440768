// Searches a built site's Pagefind bundle in Node with the bundle's own pagefind.js, as the search page does.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { BuiltSite } from "./build.ts";

/** A built output folder and the options it was built with (a BuiltSite is one). */
export type SearchableSite = Pick<BuiltSite, "outDir" | "options">;

export interface SearchHit {
  /** The result's URL as the page would link it (path prefix included). */
  url: string;
  title: string;
  excerpt: string;
}

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

interface PagefindBrowserApi {
  options(options: { basePath: string }): Promise<void>;
  init(language: string): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

// pagefind.js fetches its index over HTTP in a browser. Each built site gets a made-up origin, and fetch
// reads that origin's files from the site's output folder: no server, no network.
const SITES = new Map<string, SearchableSite>();
const originalFetch = globalThis.fetch;

function readSiteFile(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const site = SITES.get(url.origin);
  if (!site) return originalFetch(input, init);
  // The output folder is served at the path prefix, as on the real host.
  const { outDir, options } = site;
  const pathname = decodeURIComponent(url.pathname);
  const file = pathname.startsWith(options.pathPrefix) ? path.join(outDir, pathname.slice(options.pathPrefix.length)) : "";
  if (!file.startsWith(outDir) || !fs.existsSync(file)) return Promise.resolve(new Response(null, { status: 404 }));
  return Promise.resolve(new Response(fs.readFileSync(file)));
}

const apis = new Map<string, Promise<PagefindBrowserApi>>();

async function pagefindFor(site: SearchableSite): Promise<{ api: PagefindBrowserApi; origin: string }> {
  const origin = `http://site-${path.basename(site.outDir).toLowerCase()}.test`;
  let api = apis.get(site.outDir);
  if (!api) {
    SITES.set(origin, site);
    globalThis.fetch = readSiteFile;
    api = (async () => {
      const loaded = (await import(pathToFileURL(path.join(site.outDir, "pagefind", "pagefind.js")).href)) as PagefindBrowserApi;
      // The browser loads the bundle from <prefix>pagefind/; Pagefind takes the result URLs' prefix from there.
      await loaded.options({ basePath: `${origin}${site.options.pathPrefix}pagefind/` });
      // A browser reads the language from <html lang>; Node has no document.
      await loaded.init("sv");
      return loaded;
    })();
    apis.set(site.outDir, api);
  }
  return { api: await api, origin };
}

/** Every hit for a query, in Pagefind's ranking. The site's files are served from its folder as they are on disk. */
export async function search(site: SearchableSite, query: string): Promise<SearchHit[]> {
  const { api, origin } = await pagefindFor(site);
  const found = await api.search(query);
  const data = await Promise.all(found.results.map((result) => result.data()));
  return data.map((result) => ({
    url: result.url.startsWith(origin) ? result.url.slice(origin.length) : result.url,
    title: result.meta.title ?? "",
    excerpt: result.excerpt,
  }));
}

// Shared by the e2e test files: the served sites, their pages (data-driven from each build's sitemap plus
// the special pages no sitemap lists), what kind of page each is, and the shared browser.
import fs from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { expect, inject } from "vitest";
import { chromium, type Browser, type Page, type Response } from "playwright-core";
import { ARTICLE_KEYS, DOCUMENT_TYPES } from "../../src/content/types.ts";
import { PATHS } from "../../src/site-model/urls.ts";
import type { ServedSite, SiteName } from "./sites.ts";

export function servedSite(name: SiteName): ServedSite {
  return inject("e2e").sites[name];
}

export function connectBrowser(): Promise<Browser> {
  return chromium.connect(inject("e2e").wsEndpoint);
}

/**
 * Opens a URL in the page and fails unless the server answered `status` (200 unless said): every e2e test opens
 * its pages through this, for a test that ignored the answer would pass on the 404 page just as well.
 */
export async function visit(page: Page, url: string, { status = 200, ...options }: { status?: number } & NonNullable<Parameters<Page["goto"]>[1]> = {}): Promise<Response> {
  const response = await page.goto(url, options);
  if (!response) throw new Error(`${url}: ingen navigering, inget svar från servern`);
  expect(response.status(), url).toBe(status);
  return response;
}

/** The local URL of a site path ("/nyheter/" → "http://127.0.0.1:41234/finsam/nyheter/"). */
export function localUrl(site: ServedSite, sitePath: string): string {
  return new URL(sitePath.replace(/^\//, ""), site.baseUrl).toString();
}

/** The file a site path was built into. */
export function builtFile(site: ServedSite, sitePath: string): string {
  return path.join(site.outDir, sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath);
}

/** Every file the build wrote, as paths relative to its folder. */
export function builtFiles(site: ServedSite): string[] {
  return (fs.readdirSync(site.outDir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(site.outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/**
 * Pages that are no sitemap entry but must work all the same. `declaredBy` names the PATHS entry that makes the
 * page part of the product: once the code declares it, a build without the page is a failure; before that,
 * the page is reported as not there yet.
 */
export const SPECIAL_PAGES = [
  { path: PATHS.notFound, kind: "404", required: true },
  { path: "/sok/", kind: "sök", required: (Object.values(PATHS) as string[]).includes("/sok/") },
  { path: "/tillganglighet/", kind: "tillgänglighet", required: (Object.values(PATHS) as string[]).includes("/tillganglighet/") },
] as const;

/** Kinds of page every build with content of every type must have. */
export const REQUIRED_KINDS: readonly string[] = [
  "startsida",
  // Only articles have listings and dated addresses; pages and events are checked as the other pages they are.
  ...ARTICLE_KEYS.map((key) => `lista:${DOCUMENT_TYPES[key].folder}`),
  ...ARTICLE_KEYS.map((key) => `artikel:${DOCUMENT_TYPES[key].folder}`),
  "arkiv",
  "år",
  "ämnen",
  "ämne",
  "organisationer",
  "organisation",
  "404",
];

const FOLDERS = new Set<string>(ARTICLE_KEYS.map((key) => DOCUMENT_TYPES[key].folder));

/** What kind of page a site path is; pages nobody told this function about still get a kind of their own. */
export function pageKind(sitePath: string): string {
  if (sitePath === "/") return "startsida";
  for (const special of SPECIAL_PAGES) if (sitePath === special.path) return special.kind;
  const parts = sitePath.split("/").filter(Boolean);
  const [first = "", second, third] = parts;
  if (FOLDERS.has(first)) {
    if (parts.length === 1) return `lista:${first}`;
    if (second === "sida") return `lista, senare sida:${first}`;
    if (parts.length === 3 && /^\d{4}$/.test(second ?? "") && third) return `artikel:${first}`;
  }
  const index: Record<string, string> = { [PATHS.archive]: "arkiv", [PATHS.tags]: "ämnen", [PATHS.organisations]: "organisationer" };
  const single: Record<string, string> = { [PATHS.archive]: "år", [PATHS.tags]: "ämne", [PATHS.organisations]: "organisation" };
  const top = `/${first}/`;
  if (parts.length === 1 && index[top]) return index[top];
  if (parts.length === 2 && single[top]) return single[top];
  return `annan sida:/${first}/${parts.length > 1 ? "…" : ""}`;
}

export interface SitePage {
  /** Site path without the prefix: "/nyheter/". */
  path: string;
  kind: string;
}

/** The site's HTML pages: every sitemap entry plus the special pages the build wrote. */
export function sitePages(site: ServedSite): SitePage[] {
  const sitemap = new XMLParser().parse(fs.readFileSync(path.join(site.outDir, "sitemap.xml"), "utf8")) as {
    urlset?: { url?: { loc: string } | { loc: string }[] };
  };
  const entries = [sitemap.urlset?.url ?? []].flat();
  const root = new URL(site.pathPrefix, site.siteUrl).toString();
  const paths = entries.map(({ loc }) => {
    if (!loc.startsWith(root)) throw new Error(`sitemap.xml: ${loc} ligger inte under ${root}`);
    return `/${loc.slice(root.length)}`;
  });
  for (const special of SPECIAL_PAGES) if (fs.existsSync(builtFile(site, special.path))) paths.push(special.path);
  return [...new Set(paths)].map((sitePath) => ({ path: sitePath, kind: pageKind(sitePath) }));
}

/** The first page of each kind: one of everything, for the checks too slow to run on every page. */
export function onePerKind(pages: readonly SitePage[]): SitePage[] {
  const seen = new Map<string, SitePage>();
  for (const page of pages) if (!seen.has(page.kind)) seen.set(page.kind, page);
  return [...seen.values()];
}

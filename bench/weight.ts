// What a build weighs: output size, an article page's HTML and CSS, and which pages carry JavaScript.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { pathToFileURL } from "node:url";
import { ARTICLE_KEYS as TYPE_KEYS, DOCUMENT_TYPES } from "../src/content/types.ts";
import { PATHS, SEARCH_MODULES } from "../src/site-model/urls.ts";
import type * as Engine from "../src/outputs/search/browser/search-engine.js";
import { median } from "./measure.ts";

export interface PageWeight {
  files: number;
  totalBytes: number;
  htmlPages: number;
  htmlBytes: number;
  /** The median article page. */
  article: { path: string; htmlBytes: number; htmlGzip: number; cssBytes: number; cssGzip: number; jsBytes: number };
  /** Pages with a <script> that runs (JSON-LD is data, not script). */
  pagesWithJs: string[];
  /** What the search page loads up front (its own script and the modules it imports). */
  search: { scriptBytes: number; scriptGzip: number };
}

/** A file's size as written and gzipped (as a host compressing responses sends it). */
export interface Bytes {
  raw: number;
  gzip: number;
}

/** What one query, typed on a fresh search page, fetches of the index. */
export interface QueryWeight {
  label: string;
  query: string;
  hits: number;
  /** The manifest, its words' tables and shards, the chunks of the first 20 results. */
  fetched: Bytes & { files: number };
  /** With the page's scripts (search.js and the modules it imports, the stemmer included), gzip. */
  withScriptsGzip: number;
}

/** The search index (/sok/index/) and what queries fetch of it. */
export interface SearchWeight {
  files: number;
  total: Bytes;
  manifest: Bytes;
  largest: Bytes & { file: string };
  queries: QueryWeight[];
}

const ARTICLE = new RegExp(`^(${TYPE_KEYS.map((key) => DOCUMENT_TYPES[key].folder).join("|")})/\\d{4}/[^/]+/index\\.html$`);
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const STYLESHEET = /<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/gi;

function sizeOf(file: string): number {
  return fs.existsSync(file) ? fs.statSync(file).size : 0;
}

/** Bytes of script a page runs: external files it names plus inline code. */
function scriptBytes(html: string, outputDir: string): number {
  let bytes = 0;
  for (const [, attributes = "", inline = ""] of html.matchAll(SCRIPT)) {
    if (/type="application\/(ld\+)?json"/.test(attributes)) continue;
    const src = /src="([^"]+)"/.exec(attributes)?.[1];
    bytes += src ? sizeOf(path.join(outputDir, src)) : Buffer.byteLength(inline);
  }
  return bytes;
}

export function pageWeight(outputDir: string): PageWeight {
  const files = (fs.readdirSync(outputDir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(outputDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
  let totalBytes = 0;
  let htmlBytes = 0;
  const html = files.filter((file) => file.endsWith(".html"));
  const articles: { path: string; bytes: number }[] = [];
  const pagesWithJs: string[] = [];
  for (const file of files) totalBytes += sizeOf(path.join(outputDir, file));
  for (const file of html) {
    const text = fs.readFileSync(path.join(outputDir, file), "utf8");
    const bytes = Buffer.byteLength(text);
    htmlBytes += bytes;
    if (ARTICLE.test(file)) articles.push({ path: file, bytes });
    if (scriptBytes(text, outputDir) > 0) pagesWithJs.push(`/${file.replace(/index\.html$/, "")}`);
  }
  const middle = median(articles.map((article) => article.bytes));
  const chosen = articles.find((article) => article.bytes >= middle) ?? articles[0];
  if (!chosen) throw new Error(`no article pages in ${outputDir}`);
  const articleHtml = fs.readFileSync(path.join(outputDir, chosen.path));
  const css = [...articleHtml.toString("utf8").matchAll(STYLESHEET)].map(([, href = ""]) => fs.readFileSync(path.join(outputDir, href)));
  const searchHtml = path.join(outputDir, "sok", "index.html");
  const searchScripts = [PATHS.searchScript, ...SEARCH_MODULES].map((file) => path.join(outputDir, file)).filter((file) => fs.existsSync(file));
  return {
    files: files.length,
    totalBytes,
    htmlPages: html.length,
    htmlBytes,
    article: {
      path: `/${chosen.path.replace(/index\.html$/, "")}`,
      htmlBytes: articleHtml.length,
      htmlGzip: zlib.gzipSync(articleHtml).length,
      cssBytes: css.reduce((sum, file) => sum + file.length, 0),
      cssGzip: css.reduce((sum, file) => sum + zlib.gzipSync(file).length, 0),
      jsBytes: scriptBytes(articleHtml.toString("utf8"), outputDir),
    },
    pagesWithJs,
    search: {
      scriptBytes: fs.existsSync(searchHtml) ? searchScripts.reduce((sum, file) => sum + sizeOf(file), 0) : 0,
      scriptGzip: searchScripts.reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(file)).length, 0),
    },
  };
}

function bytesOf(data: Buffer): Bytes {
  return { raw: data.length, gzip: zlib.gzipSync(data).length };
}

/**
 * Weighs the search index and queries against it, with the site's own search modules (as tests/helpers/search.ts):
 * each query runs on a fresh index object, as on a freshly opened search page, and the files it fetches are read
 * from the output folder and counted.
 */
export async function searchWeight(outputDir: string, queries: readonly { label: string; query: string }[]): Promise<SearchWeight> {
  const dir = path.join(outputDir, PATHS.searchIndex);
  const files = fs.readdirSync(dir).map((name) => ({ name, ...bytesOf(fs.readFileSync(path.join(dir, name))) }));
  const largest = files.reduce((big, file) => (file.raw > big.raw ? file : big));
  const assets = path.join(outputDir, "assets");
  const engine = (await import(pathToFileURL(path.join(assets, "search-engine.js")).href)) as typeof Engine;
  const { stemmer } = (await import(pathToFileURL(path.join(assets, "stemmer-sv.js")).href)) as { stemmer: (word: string) => string };
  const scriptsGzip = [PATHS.searchScript, ...SEARCH_MODULES].reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.join(outputDir, file))).length, 0);
  const sum = (items: readonly Bytes[]): Bytes => ({ raw: items.reduce((total, item) => total + item.raw, 0), gzip: items.reduce((total, item) => total + item.gzip, 0) });
  const weighed: QueryWeight[] = [];
  for (const { label, query } of queries) {
    const fetched: Buffer[] = [];
    const index = new engine.SearchIndex(`http://bench.test${PATHS.searchIndex}`, stemmer, async (url) => {
      const data = fs.readFileSync(path.join(dir, new URL(url).pathname.slice(PATHS.searchIndex.length)));
      fetched.push(data);
      return JSON.parse(data.toString("utf8"));
    });
    const found = await index.search(query);
    // The first page of results as the search page shows it: each hit with its excerpt, whose text blocks are fetched.
    await index.documents(found.ids.slice(0, 20), found.matches);
    const bytes = sum(fetched.map(bytesOf));
    weighed.push({ label, query, hits: found.ids.length, fetched: { files: fetched.length, ...bytes }, withScriptsGzip: bytes.gzip + scriptsGzip });
  }
  return {
    files: files.length,
    total: sum(files),
    manifest: files.find((file) => file.name === "index.json") ?? { raw: 0, gzip: 0 },
    largest: { file: largest.name, raw: largest.raw, gzip: largest.gzip },
    queries: weighed,
  };
}

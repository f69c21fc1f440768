// What a build weighs: output size, an article page's HTML and CSS, and which pages carry JavaScript.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { DOCUMENT_TYPES, TYPE_KEYS } from "../src/content/types.ts";
import { SITE } from "../src/site.ts";
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
  /** What the search page loads up front (its own script); Pagefind's bundle comes on the first search. */
  search: { scriptBytes: number; pagefindJsBytes: number; pagefindWasmBytes: number };
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
  const pagefindDir = path.join(outputDir, "pagefind");
  const pagefindFiles = fs.existsSync(pagefindDir) ? fs.readdirSync(pagefindDir) : [];
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
      scriptBytes: fs.existsSync(searchHtml) ? scriptBytes(fs.readFileSync(searchHtml, "utf8"), outputDir) : 0,
      pagefindJsBytes: sizeOf(path.join(pagefindDir, "pagefind.js")),
      // The browser fetches the one for the page's language only.
      pagefindWasmBytes: pagefindFiles.filter((file) => file === `wasm.${SITE.lang}.pagefind`).reduce((sum, file) => sum + sizeOf(path.join(pagefindDir, file)), 0),
    },
  };
}

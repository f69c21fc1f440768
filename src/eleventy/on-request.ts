// The dev server (`npm start`) renders the pages that Eleventy would paginate over the site model (one per
// document, every listing page) when the browser asks for them, from the latest model. An Eleventy rebuild
// renders and writes every page on every save, about 10,000 at 10,000 documents (bench/RESULTS.md); this
// way a save costs a model update and the page being looked at.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { renderToStaticMarkup } from "preact-render-to-string";
import { isValidElement, type VNode } from "preact";
import type { SiteModel } from "../model.ts";

interface Pagination {
  data: string;
  size?: number;
  alias?: string;
  before?: (items: unknown[], data: unknown) => unknown[];
}

export interface PageModule {
  data?: { permalink?: string | ((data: unknown) => string); pagination?: Pagination } & Record<string, unknown>;
  render(data: unknown): unknown;
}

export interface PageTemplate {
  /** Path as Eleventy knows it: "layouts/pages/article.11ty.tsx". */
  inputPath: string;
  module: PageModule;
}

/** Page templates whose pagination runs over the site model: their number of pages grows with the content. */
export async function modelPaginatedTemplates(pagesDir: string): Promise<PageTemplate[]> {
  const templates: PageTemplate[] = [];
  for (const file of fs.readdirSync(pagesDir).filter((name) => /\.11ty\.tsx?$/.test(name)).sort()) {
    const inputPath = path.join(pagesDir, file);
    const module = (await import(pathToFileURL(path.resolve(inputPath)).href)) as PageModule;
    if (module.data?.pagination?.data.startsWith("finsam.")) templates.push({ inputPath, module });
  }
  return templates;
}

/** What a template's render returned, as the page's text: .11ty.tsx pages return a VNode, feeds a string. */
export function pageText(result: unknown): string {
  if (isValidElement(result)) return latin1Html(`<!doctype html>\n${renderToStaticMarkup(result as VNode)}`);
  return String(result);
}

// Any character beyond Latin-1: a surrogate pair (an astral character) as one match, else one UTF-16 unit.
// (Without the u flag: it scans a page three times as fast.)
const BEYOND_LATIN1 = /[\ud800-\udbff][\udc00-\udfff]|[^\0-\xff]/g;

function characterReference(char: string): string {
  const code = char.codePointAt(0) as number;
  // A lone surrogate has no UTF-8 form: written raw it became U+FFFD, and so it does here.
  return `&#${code >= 0xd800 && code <= 0xdfff ? 0xfffd : code};`;
}

/**
 * The page as Eleventy should keep it: flat, one byte a character. Eleventy renders every page before it
 * writes any (templateContent) and keeps them all until the build ends (the results of eleventy.after). As
 * preact-render-to-string returns it, a page is a rope of thousands of concatenated pieces (about 36 KB of
 * string objects for a 15 KB page) that stays one until written; flattened it is still two bytes a character
 * as soon as one character is beyond Latin-1 (the en dash in the site's name, an editor's ’). So every such
 * character is written as a numeric character reference ("–" → "&#8211;") and the page copied into a
 * one-byte string: at 10,000 documents Node's peak went from 1.43 GB to 0.6 GB (two-byte flat pages: 0.78 GB),
 * and the young generation's collections from 2.9 s to 0.7 s; on disk a page grows by a few bytes (0.07 %).
 * Readers get the same text: a reference means its character in text and attribute values. It means nothing
 * in a script or style element, so those must carry no character beyond Latin-1 (JSON-LD writes them as \u
 * escapes, src/json-ld.ts; a test checks every page of a build).
 */
export function latin1Html(html: string): string {
  // The pieces between the characters to replace go straight into one buffer: String#replace would make a
  // two-byte copy of the whole page first (370 MB more to collect at 10,000 documents).
  const pieces: string[] = [];
  let length = 0;
  let end = 0;
  BEYOND_LATIN1.lastIndex = 0;
  for (let match = BEYOND_LATIN1.exec(html); match !== null; match = BEYOND_LATIN1.exec(html)) {
    const reference = characterReference(match[0]);
    pieces.push(html.slice(end, match.index), reference);
    length += match.index - end + reference.length;
    end = match.index + match[0].length;
  }
  pieces.push(end === 0 ? html : html.slice(end));
  length += html.length - end;
  const bytes = Buffer.allocUnsafe(length);
  let at = 0;
  for (const piece of pieces) at += bytes.write(piece, at, "latin1");
  return bytes.toString("latin1", 0, at);
}

/** The whole page, as Eleventy writes it through the plugin. */
export async function renderPage(module: PageModule, data: unknown): Promise<string> {
  return pageText(await module.render(data));
}

function valueAt(data: Record<string, unknown>, dotted: string): unknown {
  return dotted.split(".").reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], data);
}

interface Route {
  template: PageTemplate;
  data: Record<string, unknown>;
}

/**
 * Every page of the templates, by site path, the way Eleventy paginates them: the data at `pagination.data`
 * (an object's keys), replaced by `before`, in chunks of `size`, each under `alias`; the permalink names the page.
 */
export function routes(templates: readonly PageTemplate[], finsam: SiteModel): Map<string, Route> {
  const table = new Map<string, Route>();
  for (const template of templates) {
    const { data = {} } = template.module;
    const pagination = data.pagination as Pagination;
    const base: Record<string, unknown> = { ...data, finsam };
    const source = valueAt(base, pagination.data);
    let items: unknown[] = Array.isArray(source) ? source : source && typeof source === "object" ? Object.keys(source) : [];
    if (pagination.before) items = pagination.before(items, base);
    const size = pagination.size ?? 1;
    for (let start = 0, pageNumber = 0; start < items.length; start += size, pageNumber++) {
      const chunk = items.slice(start, start + size);
      const pageData: Record<string, unknown> = { ...base, pagination: { ...pagination, items: chunk, pageNumber } };
      if (pagination.alias) pageData[pagination.alias] = size === 1 ? chunk[0] : chunk;
      const permalink = typeof data.permalink === "function" ? data.permalink(pageData) : data.permalink;
      if (typeof permalink !== "string") continue;
      pageData.page = { url: permalink, outputPath: false, inputPath: template.inputPath };
      table.set(permalink, { template, data: pageData });
    }
  }
  return table;
}

/** "/finsam/nyheter/2024/a/index.html" with prefix "/finsam/" → "/nyheter/2024/a/". */
export function sitePathOf(pathname: string, pathPrefix: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const prefix = pathPrefix.replace(/\/$/, "");
  if (prefix !== "" && !decoded.startsWith(`${prefix}/`)) return undefined;
  const sitePath = decoded.slice(prefix.length).replace(/\/index\.html$/, "/");
  return sitePath.endsWith("/") || /\.[a-z0-9]+$/i.test(sitePath) ? sitePath : `${sitePath}/`;
}

const CONTENT_TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".xml": "application/xml; charset=utf-8", ".json": "application/json; charset=utf-8" };

/** Renders on request from whatever model is current; the route table is worked out once per model. */
export class OnRequestPages {
  #model: SiteModel | undefined;
  #table: Map<string, Route> | undefined;

  constructor(readonly templates: readonly PageTemplate[]) {}

  async respond(finsam: SiteModel | undefined, pathname: string): Promise<{ status: number; headers: Record<string, string>; body: string } | undefined> {
    if (!finsam) return undefined;
    if (this.#model !== finsam) {
      this.#model = finsam;
      this.#table = routes(this.templates, finsam);
    }
    const sitePath = sitePathOf(pathname, finsam.options.pathPrefix);
    const route = sitePath === undefined ? undefined : this.#table?.get(sitePath);
    if (!route || sitePath === undefined) return undefined;
    const extension = path.extname(sitePath) || ".html";
    return {
      status: 200,
      headers: { "Content-Type": CONTENT_TYPES[extension] ?? "text/plain; charset=utf-8" },
      body: await renderPage(route.template.module, route.data),
    };
  }
}

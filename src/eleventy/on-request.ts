// The dev server (`npm start`) renders the pages that Eleventy would paginate over the site model (one per
// document, every listing page) when the browser asks for them, from the latest model. An Eleventy rebuild
// renders and writes every page on every save, about 10,000 at 10,000 documents (bench/RESULTS.md); this
// way a save costs a model update and the page being looked at. Our own, as Eleventy's dev server has no way to
// render one paginated page on demand.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { SiteModel } from "../site-model/model.ts";
import { pageText } from "../outputs/page-text.ts";

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

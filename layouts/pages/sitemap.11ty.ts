// /sitemap.xml: every indexable HTML page with its absolute URL (see src/outputs/sitemap.ts).
import { renderSitemap } from "#src/outputs/sitemap.ts";
import { PATHS } from "#src/site-model/urls.ts";
import { pageData, type PageData } from "../page-data.ts";

export const data = { permalink: PATHS.sitemap, eleventyExcludeFromCollections: true };

export function render(raw: unknown): string {
  return renderSitemap(pageData<PageData>(raw).finsam);
}

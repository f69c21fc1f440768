// /robots.txt: everything may be crawled; points crawlers at the sitemap.
import { renderRobots } from "#src/outputs/robots.ts";
import { PATHS } from "#src/site-model/urls.ts";
import { pageData, type PageData } from "../page-data.ts";

export const data = { permalink: PATHS.robots, eleventyExcludeFromCollections: true };

export function render(raw: unknown): string {
  return renderRobots(pageData<PageData>(raw).finsam);
}

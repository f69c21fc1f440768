// /robots.txt: everything may be crawled; points crawlers at the sitemap.
import { renderRobots } from "../../src/sitemap.ts";
import { PATHS } from "../../src/urls.ts";
import { pageData, type PageData } from "../page-data.ts";

export const data = { permalink: PATHS.robots, eleventyExcludeFromCollections: true };

export function render(raw: unknown): string {
  return renderRobots(pageData<PageData>(raw).finsam);
}

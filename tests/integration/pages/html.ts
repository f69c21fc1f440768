// Reading built pages for the page tests: cheerio for the HTML, the built file list for what exists.
import { load, type CheerioAPI } from "cheerio";
import type { BuiltSite } from "../../helpers/build.ts";
import { PATHS } from "../../../src/site-model/urls.ts";

export function page(site: BuiltSite, sitePath: string): CheerioAPI {
  return load(site.read(sitePath));
}

/**
 * Site path of every built HTML page: "/nyheter/" for /nyheter/index.html, "/404.html" as is. Not the CMS's page
 * (/admin/), which is Decap's frame rather than a page of the site (tests/integration/cms/).
 */
export function htmlPages(site: BuiltSite): string[] {
  return site
    .files()
    .filter((file) => !file.startsWith(PATHS.admin) && file.endsWith(".html"))
    .map((file) => file.replace(/index\.html$/, ""));
}

export function texts($: CheerioAPI, selector: string): string[] {
  return $(selector)
    .map((_, element) => $(element).text().trim())
    .get();
}

/** Titles of the document cards in <main>, in page order. */
export function listedTitles($: CheerioAPI): string[] {
  return texts($, "main .document-list .card-title a");
}

export function isInternal(href: string): boolean {
  return !/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(href);
}

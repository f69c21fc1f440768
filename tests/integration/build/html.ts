// Reading built pages with a real HTML parser: facts by label, all visible text and attribute values.
import { load, type CheerioAPI } from "cheerio";
import type { BuiltSite } from "../../helpers/build.ts";
import { PATHS } from "../../../src/site-model/urls.ts";

/** The CMS's folder (/admin/): Decap's bundle and its own page, with a policy of its own (tests/integration/cms/). */
function isSitePage(file: string): boolean {
  return !file.startsWith(PATHS.admin);
}

export function page(site: BuiltSite, sitePath: string): CheerioAPI {
  return load(site.read(sitePath));
}

/** The fact box as label → value text ("Vem" → "Magnus Simonsson"). */
export function facts($: CheerioAPI): Map<string, string> {
  const map = new Map<string, string>();
  $(".facts dl > div").each((_, row) => {
    map.set($(row).find("dt").text().trim(), $(row).find("dd").text().trim());
  });
  return map;
}

/** Every text node and every attribute value of a page: what a reader or a crawler can see. */
export function visibleStrings($: CheerioAPI): string[] {
  const strings = [$.root().text()];
  $("*").each((_, element) => {
    for (const value of Object.values((element as { attribs?: Record<string, string> }).attribs ?? {})) strings.push(value);
  });
  return strings;
}

/** Built text files (HTML, feeds, sitemap, robots) with their contents, the CMS's folder aside. */
export function textFiles(site: BuiltSite): { file: string; text: string }[] {
  return site
    .files()
    .filter((file) => isSitePage(file) && /\.(html|xml|json|txt)$/.test(file))
    .map((file) => ({ file, text: site.read(file) }));
}

/** The HTML pages of a build, parsed: the site's own, not the CMS's. */
export function htmlPages(site: BuiltSite): { file: string; $: CheerioAPI }[] {
  return site
    .files()
    .filter((file) => isSitePage(file) && file.endsWith(".html"))
    .map((file) => ({ file, $: load(site.read(file)) }));
}

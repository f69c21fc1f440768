// The whole site as an Atom feed at /feed.xml.
import { SITE_ATOM_PATH, siteFeed } from "../../src/feeds/feeds.ts";
import { renderAtom } from "../../src/feeds/atom.ts";
import { pageData, type PageData } from "../page-data.ts";

export const data = { permalink: SITE_ATOM_PATH, eleventyExcludeFromCollections: true };

export async function render(raw: unknown): Promise<string> {
  return renderAtom(await siteFeed(pageData<PageData>(raw).finsam, SITE_ATOM_PATH));
}

// The whole site as an Atom feed at /feed.xml.
import { siteFeed } from "#src/outputs/feeds/feeds.ts";
import { PATHS } from "#src/site-model/urls.ts";
import { renderAtom } from "#src/outputs/feeds/atom.ts";
import { pageData, type PageData } from "../page-data.ts";

export const data = { permalink: PATHS.atomFeed, eleventyExcludeFromCollections: true };

export async function render(raw: unknown): Promise<string> {
  return renderAtom(await siteFeed(pageData<PageData>(raw).finsam, PATHS.atomFeed));
}

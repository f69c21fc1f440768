// The whole site as a JSON Feed at /feed.json.
import { siteFeed } from "#src/outputs/feeds/feeds.ts";
import { PATHS } from "#src/site-model/urls.ts";
import { renderJsonFeed } from "#src/outputs/feeds/json-feed.ts";
import { pageData, type PageData } from "../page-data.ts";

export const data = { permalink: PATHS.jsonFeed, eleventyExcludeFromCollections: true };

export async function render(raw: unknown): Promise<string> {
  return renderJsonFeed(await siteFeed(pageData<PageData>(raw).finsam, PATHS.jsonFeed));
}

// The whole site as a JSON Feed at /feed.json.
import { SITE_JSON_PATH, siteFeed } from "../../src/feeds/feeds.ts";
import { renderJsonFeed } from "../../src/feeds/json-feed.ts";
import { pageData, type PageData } from "../page-data.ts";

export const data = { permalink: SITE_JSON_PATH, eleventyExcludeFromCollections: true };

export async function render(raw: unknown): Promise<string> {
  return renderJsonFeed(await siteFeed(pageData<PageData>(raw).finsam, SITE_JSON_PATH));
}

// Writes a Feed as JSON Feed 1.1 (https://jsonfeed.org/version/1.1).
import { dateToRfc3339 } from "@11ty/eleventy-plugin-rss";
import type { Feed } from "./feeds.ts";

export function renderJsonFeed(feed: Feed): string {
  const json = {
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.selfUrl,
    description: feed.subtitle,
    language: feed.lang,
    items: feed.entries.map((entry) => ({
      id: entry.id,
      url: entry.url,
      title: entry.title,
      content_html: entry.contentHtml,
      summary: entry.summary,
      // The same rendition as the item's image and as its banner: JSON Feed readers use either.
      ...(entry.image ? { image: entry.image.url, banner_image: entry.image.url } : {}),
      date_published: dateToRfc3339(entry.published),
      date_modified: dateToRfc3339(entry.updated),
      authors: entry.authors.map((name) => ({ name })),
      tags: entry.tags,
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

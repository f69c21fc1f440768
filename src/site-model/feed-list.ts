// Which feeds a build writes, and where: the site's, each article type's (also with nothing in it yet) and each
// organisation's that has published. One list for the feeds themselves (src/outputs/feeds/feeds.ts) and for the link
// check (links.ts), which must know every path a build writes and sits below the outputs.
import { ARTICLE_KEYS, type ArticleKey } from "../content/types.ts";
import type { Collections, OrganisationGroup } from "./collections.ts";
import { FEED_FORMATS, organisationFeedPath, PATHS, typeFeedPath, type FeedFormat } from "./urls.ts";

export type FeedPaths = Record<FeedFormat, string>;

export type PublishedFeed =
  | { kind: "site"; paths: FeedPaths }
  | { kind: "type"; key: ArticleKey; paths: FeedPaths }
  | { kind: "organisation"; group: OrganisationGroup; paths: FeedPaths };

export function publishedFeeds(collections: Pick<Collections, "organisations">): PublishedFeed[] {
  return [
    { kind: "site", paths: { atom: PATHS.atomFeed, json: PATHS.jsonFeed } },
    ...ARTICLE_KEYS.map((key): PublishedFeed => ({ kind: "type", key, paths: { atom: typeFeedPath(key, "atom"), json: typeFeedPath(key, "json") } })),
    ...collections.organisations.map((group): PublishedFeed => ({
      kind: "organisation",
      group,
      paths: { atom: organisationFeedPath(group.organisation.key, "atom"), json: organisationFeedPath(group.organisation.key, "json") },
    })),
  ];
}

/** Every feed file's path, in every format. */
export function publishedFeedPaths(collections: Pick<Collections, "organisations">): string[] {
  return publishedFeeds(collections).flatMap((feed) => FEED_FORMATS.map((format) => feed.paths[format]));
}

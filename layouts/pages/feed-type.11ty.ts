// One Atom feed per document type at /<folder>/feed.xml, paginated over the type registry.
import { ARTICLE_KEYS, type ArticleKey } from "#src/content/types.ts";
import { typeFeed } from "#src/outputs/feeds/feeds.ts";
import { typeFeedPath } from "#src/site-model/urls.ts";
import { renderAtom } from "#src/outputs/feeds/atom.ts";
import { pageData, type PageData } from "../page-data.ts";

interface TypeFeedData extends PageData {
  typeKey: ArticleKey;
}

export const data = {
  feedTypes: ARTICLE_KEYS,
  pagination: { data: "feedTypes", size: 1, alias: "typeKey", addAllPagesToCollections: false },
  permalink: (raw: unknown) => typeFeedPath(pageData<TypeFeedData>(raw).typeKey),
  eleventyExcludeFromCollections: true,
};

export async function render(raw: unknown): Promise<string> {
  const { finsam, typeKey } = pageData<TypeFeedData>(raw);
  return renderAtom(await typeFeed(finsam, typeKey));
}

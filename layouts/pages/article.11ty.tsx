// One page per document, at the URL the content model gave it.
import type { AnyDocument } from "#src/content/document.ts";
import { ArticlePage } from "../components/article.tsx";
import { pageData, type PageData } from "../page-data.ts";

interface ArticleData extends PageData {
  document: AnyDocument;
}

export const data = {
  pagination: { data: "finsam.collections.all", size: 1, alias: "document", addAllPagesToCollections: false },
  permalink: (raw: unknown) => pageData<ArticleData>(raw).document.url,
  eleventyExcludeFromCollections: true,
};

export function render(raw: unknown) {
  const { finsam, document } = pageData<ArticleData>(raw);
  return <ArticlePage finsam={finsam} document={document} />;
}

// One page per ordinary page (content/sidor/), at the address its place in the tree gives it (/om-oss/styrelse/).
import type { PageDocument } from "#src/content/document.ts";
import { ContentPage } from "../components/content-page.tsx";
import { pageData, type PageData } from "../page-data.ts";

interface ContentPageData extends PageData {
  document: PageDocument;
}

export const data = {
  pagination: { data: "finsam.collections.pages", size: 1, alias: "document", addAllPagesToCollections: false },
  permalink: (raw: unknown) => pageData<ContentPageData>(raw).document.url,
  eleventyExcludeFromCollections: true,
};

export function render(raw: unknown) {
  const { finsam, document } = pageData<ContentPageData>(raw);
  return <ContentPage finsam={finsam} document={document} />;
}

// Every feed file: the site's, each type's and each organisation's, as Atom and as JSON Feed (src/outputs/feeds/).
import { h } from "preact";
import { renderToStaticMarkup } from "preact-render-to-string";
import { buildFeed, feedFiles, type FeedFile, type RenderDocumentContent } from "#src/outputs/feeds/feeds.ts";
import { renderAtom } from "#src/outputs/feeds/atom.ts";
import { renderJsonFeed } from "#src/outputs/feeds/json-feed.ts";
import { DocumentContent } from "../components/document-content.tsx";
import { pageData, type PageData } from "../page-data.ts";

interface FeedFileData extends PageData {
  feedFile: FeedFile;
}

/** A feed entry says what the page says below its heading: the same component renders both. */
const renderContent: RenderDocumentContent = (finsam, document, bodyHtml) =>
  renderToStaticMarkup(h(DocumentContent, { finsam, document, bodyHtml }));

export const data = {
  // Not paginated over "finsam.…": the dev server renders only HTML pages on request (src/eleventy/on-request.ts).
  // The anchor is one placeholder; `before` swaps it for the build's feed files.
  feedAnchor: ["feeds"],
  pagination: {
    data: "feedAnchor",
    size: 1,
    alias: "feedFile",
    addAllPagesToCollections: false,
    before: (_anchor: unknown[], raw: unknown) => feedFiles(pageData<PageData>(raw).finsam),
  },
  permalink: (raw: unknown) => pageData<FeedFileData>(raw).feedFile.path,
  eleventyExcludeFromCollections: true,
};

export async function render(raw: unknown): Promise<string> {
  const { finsam, feedFile } = pageData<FeedFileData>(raw);
  const feed = await buildFeed(finsam, feedFile, renderContent);
  return feedFile.format === "atom" ? renderAtom(feed) : renderJsonFeed(feed);
}

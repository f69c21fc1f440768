// The Pagefind search index: built after Eleventy from the pages of published documents only.
import fs from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import type { SiteModel } from "./model.ts";
import { PATHS } from "./urls.ts";

/** What Eleventy reports per written page (the part we read). */
export interface BuiltPage {
  url: string | false;
  outputPath: string | false;
  content: string;
}

export interface SearchIndexResult {
  /** Site-relative URLs (without path prefix) that went into the index. */
  urls: string[];
}

const PAGES_IN_FLIGHT = 100;

function failIfErrors(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind (${step}): ${errors.join("; ")}`);
}

/**
 * Indexes the article pages of published documents and writes the bundle into <outputDir>/pagefind/.
 *
 * The list of pages comes from the site model, not from scanning the output folder: the decision what is
 * published is made once (src/content/collections.ts), so a preview build's drafts and scheduled documents
 * never reach the index, and stale files left in the folder by an earlier build are not picked up.
 * Within a page, only the element marked data-pagefind-body (the article) is indexed.
 */
export async function writeSearchIndex(finsam: SiteModel, pages: readonly BuiltPage[], outputDir: string): Promise<SearchIndexResult> {
  const published = finsam.collections.all.filter((document) => finsam.collections.status(document) === "published");
  const built = new Map<string, string>();
  for (const page of pages) {
    if (page.url && page.outputPath && page.outputPath.endsWith(".html")) built.set(page.url, page.content);
  }

  const { index, errors } = await pagefind.createIndex();
  failIfErrors("createIndex", errors);
  if (!index) throw new Error("Pagefind gav inget index.");
  try {
    // An incremental rebuild reports only the pages it rewrote; the others are unchanged on disk.
    const files = published.map((document) => ({
      url: document.url,
      content: built.get(document.url) ?? fs.readFileSync(path.join(outputDir, document.url, "index.html"), "utf8"),
    }));
    // A bounded number of pages in flight: sending all of them at once held every encoded message in memory
    // together (over 600 MB of buffers for 10,000 documents, bench/RESULTS.md).
    for (let start = 0; start < files.length; start += PAGES_IN_FLIGHT) {
      const added = await Promise.all(files.slice(start, start + PAGES_IN_FLIGHT).map((file) => index.addHTMLFile(file)));
      for (const response of added) failIfErrors("addHTMLFile", response.errors);
    }

    // Pagefind names its files by content hash: clear the old bundle so rebuilds do not pile them up.
    const bundleDir = path.join(outputDir, PATHS.searchBundle);
    fs.rmSync(bundleDir, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: bundleDir });
    failIfErrors("writeFiles", written.errors);
    return { urls: files.map((file) => file.url) };
  } finally {
    // The Pagefind service stays up (unreferenced, so Node can still exit) for the next rebuild of `npm start`.
    await index.deleteIndex();
  }
}

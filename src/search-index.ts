// The Pagefind search index: fed the pages of published documents only, each as soon as Eleventy renders it.
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
 * One build's search index. Pagefind runs as its own process, so pages are handed to it while Eleventy is still
 * rendering (`add`, from a transform: src/eleventy/plugin.ts) and it indexes on the other core; `finish`, after
 * Eleventy, adds what was not rendered this time and writes the bundle into <outputDir>/pagefind/.
 *
 * The list of pages comes from the site model, not from scanning the output folder: the decision what is
 * published is made once (src/content/collections.ts), so a preview build's drafts and scheduled documents
 * never reach the index, and stale files left in the folder by an earlier build are not picked up.
 * Within a page, only the element marked data-pagefind-body (the article) is indexed.
 */
export class SearchIndexBuild {
  private readonly added = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly failures: string[] = [];
  private published: Set<string> | undefined;
  private closed = false;

  private constructor(
    private readonly index: pagefind.PagefindIndex,
    private readonly model: () => SiteModel | undefined,
  ) {}

  /** `model` is read when the first page arrives (Eleventy computes its global data before rendering). */
  static async start(model: () => SiteModel | undefined): Promise<SearchIndexBuild> {
    const { index, errors } = await pagefind.createIndex();
    failIfErrors("createIndex", errors);
    if (!index) throw new Error("Pagefind gav inget index.");
    return new SearchIndexBuild(index, model);
  }

  private publishedUrls(finsam: SiteModel): Set<string> {
    this.published ??= new Set(
      finsam.collections.all.filter((document) => finsam.collections.status(document) === "published").map((document) => document.url),
    );
    return this.published;
  }

  /**
   * Hands a rendered page to Pagefind if it is a published document's page. Resolves once fewer than
   * PAGES_IN_FLIGHT pages are waiting for Pagefind: sending everything at once held every encoded message in
   * memory together (over 600 MB of buffers for 10,000 documents, bench/RESULTS.md). Pagefind's errors are kept
   * and thrown by `finish`, so they fail the build.
   */
  async add(url: string | false, outputPath: string | false, content: string): Promise<void> {
    const finsam = this.model();
    if (this.closed || !finsam || !url || !outputPath || !outputPath.endsWith(".html")) return;
    if (!this.publishedUrls(finsam).has(url) || this.added.has(url)) return;
    this.added.add(url);
    // Eleventy renders many pages at once: each waits for room before sending, so the bound holds for all of them.
    while (this.inFlight.size >= PAGES_IN_FLIGHT) await Promise.race(this.inFlight);
    if (this.closed) return;
    this.send(url, content);
  }

  private send(url: string, content: string): void {
    const sent: Promise<void> = this.index.addHTMLFile({ url, content }).then(
      (response) => {
        if (response.errors.length > 0) this.failures.push(`addHTMLFile: ${response.errors.join("; ")}`);
      },
      (error: unknown) => {
        this.failures.push(`addHTMLFile: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
    this.inFlight.add(sent);
    void sent.finally(() => this.inFlight.delete(sent));
  }

  /** Adds the published pages not seen yet (an incremental rebuild reports only what it rewrote), writes the bundle. */
  async finish(pages: readonly BuiltPage[], outputDir: string): Promise<SearchIndexResult> {
    const finsam = this.model();
    if (!finsam) throw new Error("Sökindexet fick ingen webbplatsmodell.");
    try {
      const built = new Map<string, string>();
      for (const page of pages) {
        if (page.url && page.outputPath && page.outputPath.endsWith(".html")) built.set(page.url, page.content);
      }
      const published = finsam.collections.all.filter((document) => finsam.collections.status(document) === "published");
      for (const document of published) {
        if (this.added.has(document.url)) continue;
        this.added.add(document.url);
        while (this.inFlight.size >= PAGES_IN_FLIGHT) await Promise.race(this.inFlight);
        this.send(document.url, built.get(document.url) ?? fs.readFileSync(path.join(outputDir, document.url, "index.html"), "utf8"));
      }
      await Promise.all(this.inFlight);
      if (this.failures.length > 0) throw new Error(`Pagefind (${this.failures.join("; ")})`);

      // Pagefind names its files by content hash: clear the old bundle so rebuilds do not pile them up.
      const bundleDir = path.join(outputDir, PATHS.searchBundle);
      fs.rmSync(bundleDir, { recursive: true, force: true });
      const written = await this.index.writeFiles({ outputPath: bundleDir });
      failIfErrors("writeFiles", written.errors);
      return { urls: published.map((document) => document.url) };
    } finally {
      await this.close();
    }
  }

  /** Drops the index (also when the build failed before `finish`). The Pagefind service stays up (unreferenced,
   * so Node can still exit) for the next rebuild of `npm start`. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled(this.inFlight);
    await this.index.deleteIndex();
  }
}

/** Indexes the article pages of published documents after the fact and writes the bundle into <outputDir>/pagefind/. */
export async function writeSearchIndex(finsam: SiteModel, pages: readonly BuiltPage[], outputDir: string): Promise<SearchIndexResult> {
  const build = await SearchIndexBuild.start(() => finsam);
  return build.finish(pages, outputDir);
}

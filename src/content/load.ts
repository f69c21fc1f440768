// Loading a content folder: the data files first (data-files.ts), then every document listed (files.ts), read, parsed
// and checked (read.ts) against them on the main thread and, for a large folder, worker threads (pool.ts). One path
// for every command; what a file gave is plain data. The
// site-wide checks (links, duplicate addresses) need the whole site and run after it (src/site-model/site-checks.ts).
import fs from "node:fs";
import path from "node:path";
import { listContent } from "./files.ts";
import { loadingWorkers, readFiles } from "./pool.ts";
import type { DocumentResult, FileReading, ReferenceKeys, RejectedFile, RenderOptions, RenderedBody } from "./read.ts";
import { readSiteData, type SiteData } from "./data-files.ts";
import type { BodyReference } from "./checks/body.ts";
import type { ContentProblem } from "./problems.ts";
import type { ContentDocument } from "./document.ts";
import { pageKeys, resolvePageUrls } from "./pages.ts";

export { fileSlugOf, type DocumentResult, type RenderOptions } from "./read.ts";

export interface LoadOptions {
  /** Render each body while reading it (`npm run build`): the site model hands that HTML to the pages. */
  render?: RenderOptions;
  /** Worker threads beside the main thread; by default as many as pay off (pool.ts loadingWorkers). */
  workers?: number;
  /**
   * An earlier load of the same folder in this process (the dev server's last build): a file with the same time and
   * size is not read again.
   */
  previous?: LoadResult;
  /** Tests: leave every file to the workers. */
  mainThreadReads?: boolean;
  /** Keep the documents' bodies (the default); read.ts ReadContext says why `npm run check` does not. */
  bodies?: boolean;
}

export interface LoadResult {
  root: string;
  /** What the data files hold (settings, organisations, …); left out when one has an error, which `problems` holds. */
  site?: SiteData;
  /** The keys the documents' reference fields were checked against: a later load reads all again when they change. */
  known: ReferenceKeys;
  documents: ContentDocument[];
  /** What each file and the folder's listing showed; the site-wide checks add theirs (site-checks.ts). */
  problems: ContentProblem[];
  /** Every Markdown file read (absolute paths, sorted), documents or not. */
  files: string[];
  /** The files the build copies (images, PDFs), as site paths ("/bilder/styrelsen.jpg"). */
  assets: string[];
  /** Each document's links and images, for the link check. */
  references: Map<ContentDocument, BodyReference[]>;
  /** Files that did not become documents, whose links and images are checked all the same. */
  rejected: RejectedFile[];
  /** Bodies rendered while loading (with `render`), by document. */
  rendered: Map<ContentDocument, RenderedBody>;
  /** What reading each file gave, by absolute path: the next load in this process starts from it. */
  readings: Map<string, FileReading>;
  /** Whether the documents hold their bodies (LoadOptions.bodies); a load without them is no start for one with them. */
  bodies: boolean;
}

/** Reads and checks every file of a content folder: each file's problems, in the files' order. */
export async function loadContent(contentDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const root = path.resolve(contentDir);
  const inventory = listContent(contentDir);
  const siteData = readSiteData(contentDir, inventory.data);
  const known: ReferenceKeys = {
    ...(siteData.organisations ? { organisation: { keys: siteData.organisations.list.keys(), file: siteData.organisations.file } } : {}),
    page: pageKeys(contentDir, inventory.documents),
  };
  // A document read against other organisations may have a different verdict: an edited data file reads all again.
  const bodies = options.bodies ?? true;
  const sameKnown = options.previous && JSON.stringify(options.previous.known) === JSON.stringify(known);
  const previous = sameKnown && (options.previous?.bodies || !bodies) ? options.previous : undefined;
  const files = inventory.documents.map((file) => path.resolve(file));
  const readings = new Map<string, FileReading>();
  const unread: string[] = [];
  for (const file of files) {
    const earlier = previous?.readings.get(file);
    const stat = earlier && fs.statSync(file);
    // Within one process time and size decide; a build starts afresh, so bytes copied with their old time never count.
    // Rendered bodies are not kept between loads (the model lets them go page by page): a rendering load reads anew.
    const same = earlier && stat && earlier.mtimeMs === stat.mtimeMs && earlier.size === stat.size && !options.render;
    if (same) readings.set(file, earlier);
    else unread.push(file);
  }
  const workers = options.workers ?? loadingWorkers(unread.length, options.render !== undefined);
  // Rendering while loading pays where loading workers spread it over cores. On the main thread alone it saves one
  // light parse per body but holds every body's HTML until its page takes it: the build's peak memory at 10,000
  // documents on two cores (bench/RESULTS.md, issue 11). The pages then render their bodies themselves.
  const render = workers > 0 ? options.render : undefined;
  const read = await readFiles(unread, { root, render, known, bodies, workers, mainThreadReads: options.mainThreadReads });
  for (const reading of read) readings.set(reading.file, reading);

  const result: LoadResult = {
    root,
    ...(siteData.data ? { site: siteData.data } : {}),
    known,
    documents: [],
    problems: [...inventory.problems, ...siteData.problems],
    files,
    assets: inventory.assets.map((asset) => asset.sitePath),
    references: new Map(),
    rejected: [],
    rendered: new Map(),
    readings,
    bodies,
  };
  for (const file of files) {
    const reading = readings.get(file) as FileReading;
    adopt(result, reading.result, reading.rendered);
    // The body's HTML goes to the model alone, which lets it go once the page has it.
    delete reading.rendered;
  }
  result.problems.push(...resolvePageUrls(result.documents));
  return result;
}

function adopt(into: LoadResult, { document, problems, references, rejected }: DocumentResult, rendered: RenderedBody | undefined): void {
  into.problems.push(...problems);
  if (rejected) into.rejected.push(rejected);
  if (!document) return;
  into.documents.push(document);
  if (references) into.references.set(document, references);
  if (rendered) into.rendered.set(document, rendered);
}

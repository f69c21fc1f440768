// Reads every Markdown file under the content folder, validates it against its type's schema and
// returns typed documents plus every problem found (never stopping at the first).
import fs from "node:fs";
import path from "node:path";
import { linkProblems, rememberReferences } from "./checks/links.ts";
import { readStore, writeStore, type StoredEntry } from "./disk-cache.ts";
import { bodyOf } from "./front-matter.ts";
import { primeRenderedBody } from "../markdown.ts";
import { loadingWorkers, mapInPool, stopPool, type Pool, type PoolWork } from "./load-parallel.ts";
import { listContent, listMarkdownFiles, type ContentInventory } from "./files.ts";
import { hashOf, readFile, type DocumentResult, type FileOutcome, type LoadJob, type LoadTask, type RenderOptions, type StoredFile } from "./read.ts";
import { asDraftProblems, type ContentProblem } from "./problems.ts";
import type { AnyDocument } from "./document.ts";

export { fileSlugOf, type DocumentResult, type RenderOptions } from "./read.ts";
export { listMarkdownFiles };

export interface LoadResult {
  documents: AnyDocument[];
  problems: ContentProblem[];
  /** Every Markdown file read (absolute paths, sorted), documents or not. */
  files: string[];
}

interface CacheEntry {
  mtimeMs: number;
  size: number;
  /** Of the file's bytes: what the cache on disk is checked against. */
  hash: string;
  result: DocumentResult;
}

// The dev server rebuilds on every save: re-read only the files that changed.
const cache = new Map<string, CacheEntry>();

/**
 * Takes what reading a file gave into this process: the in-memory cache, the link check's references, and the
 * rendered body for the page. A file unchanged since the cache on disk was written becomes its stored document.
 */
function adopt(file: string, outcome: FileOutcome, entry: StoredEntry | undefined, render?: RenderOptions): DocumentResult {
  let result: DocumentResult;
  if (outcome.result) {
    result = outcome.result;
    if (result.document && result.references) rememberReferences(result.document, result.references);
  } else if (entry) {
    result = revive(entry, file, outcome.body);
  } else {
    throw new Error(`${file}: reading gave no result and the cache on disk has none`);
  }
  if (render && result.document && outcome.rendered) {
    primeRenderedBody(result.document, render.pathPrefix, outcome.rendered.html, outcome.rendered.words);
  }
  cache.set(file, { mtimeMs: outcome.mtimeMs, size: outcome.size, hash: outcome.hash, result });
  return result;
}

/** The in-memory cache's result while the file keeps its time and size. */
function cachedResult(file: string, stat: fs.Stats): DocumentResult | undefined {
  const cached = cache.get(file);
  // Within one process (the dev server's rebuilds) time and size decide: reading every file on each save would not do.
  return cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size ? cached.result : undefined;
}

function storedFile(entry: StoredEntry | undefined): StoredFile | undefined {
  return entry && { hash: entry.hash, document: entry.document !== undefined };
}

/**
 * `stored`: what an earlier run found (src/content/disk-cache.ts). `fresh` is told when the file had to be read.
 */
export function loadDocument(file: string, contentDir: string, stored?: ReadonlyMap<string, StoredEntry>, fresh?: () => void): DocumentResult {
  const stat = fs.statSync(file);
  const cached = cachedResult(file, stat);
  if (cached) return cached;
  const entry = stored?.get(file);
  const outcome = readFile(file, contentDir, storedFile(entry), undefined, stat);
  if (outcome.result) fresh?.();
  return adopt(file, outcome, entry);
}

/**
 * A stored document with its body read from the file only when a page asks for it (`npm run check` never does),
 * unless it was read already (`body`: a build reads every body to render it).
 */
function revive(entry: StoredEntry, file: string, body?: string): DocumentResult {
  if (!entry.document) return { problems: entry.problems, ...(entry.rejected ? { rejected: entry.rejected } : {}) };
  const document = { ...entry.document } as AnyDocument;
  Object.defineProperty(document, "body", {
    enumerable: true,
    get: () => (body ??= bodyOf(fs.readFileSync(file, "utf8"))),
  });
  if (entry.references) rememberReferences(document, entry.references);
  return { document, problems: entry.problems, references: entry.references };
}

function storedEntry(entry: CacheEntry): StoredEntry {
  const { document, problems, references, rejected } = entry.result;
  if (!document) return { hash: entry.hash, problems, ...(rejected ? { rejected } : {}) };
  const { body: _body, ...rest } = document;
  return { hash: entry.hash, document: rest, problems, references };
}

/** Two documents may not share a URL: the second would silently replace the first. */
export function duplicateUrlProblems(documents: readonly AnyDocument[]): ContentProblem[] {
  const byUrl = new Map<string, AnyDocument[]>();
  for (const document of documents) byUrl.set(document.url, [...(byUrl.get(document.url) ?? []), document]);
  const problems: ContentProblem[] = [];
  for (const [url, sharing] of byUrl) {
    if (sharing.length < 2) continue;
    for (const document of sharing) {
      const others = sharing.filter((other) => other !== document).map((other) => other.sourcePath);
      problems.push({
        file: document.sourcePath,
        severity: "fel",
        message: `får samma adress ${url} som ${others.join(", ")}; byt filnamn på ett av dokumenten`,
      });
    }
  }
  return problems;
}

/**
 * Two entries with one feed id are one entry to a feed reader: the later one replaces the earlier for subscribers.
 * The message says where each id comes from, and only a file that has an `id` field is told to change it.
 */
export function duplicateIdProblems(documents: readonly AnyDocument[]): ContentProblem[] {
  const byId = new Map<string, AnyDocument[]>();
  for (const document of documents) byId.set(document.id, [...(byId.get(document.id) ?? []), document]);
  return [...byId].flatMap(([id, sharing]) =>
    sharing.length < 2 ? [] : sharing.map((document) => duplicateIdProblem(document, id, sharing.filter((other) => other !== document))),
  );
}

function duplicateIdProblem(document: AnyDocument, id: string, others: readonly AnyDocument[]): ContentProblem {
  const written = document.data.id !== undefined;
  const origin = (other: AnyDocument) =>
    other.data.id !== undefined ? `${other.sourcePath} (fältet id)` : `${other.sourcePath} (id från publiceringsdag och filnamn)`;
  const why = written
    ? `fältet id är ${id}, samma id som ${others.map(origin).join(" och ")} har, så flödesläsare ser bara ett av dokumenten`
    : `får flödes-id:t ${id} från sin publiceringsdag och sitt filnamn, samma id som ${others.map(origin).join(" och ")} har, så flödesläsare ser bara ett av dokumenten`;
  const fix = written
    ? "ge det här dokumentet ett eget id, eller ta bort fältet id om filen är en kopia som inte flyttats från en annan webbplats"
    : others.some((other) => other.data.id !== undefined)
      ? "rätta fältet id i den andra filen"
      : "byt filnamn eller publiceringsdag på ett av dokumenten";
  return { file: document.sourcePath, ...(written ? { field: "id" } : {}), severity: "fel", message: `${why}; ${fix}` };
}

const consulted = new Set<string>();

export interface LoadOptions {
  /**
   * Keep what was found per file on disk for the next run (src/content/disk-cache.ts): the commands pass it
   * (unless FINSAM_CACHE=0); library callers and tests load afresh.
   */
  persist?: boolean;
}

/** The store on disk for a folder, read once per process and folder (see loadContent). */
function consultStore(root: string, persist: boolean): Map<string, StoredEntry> | undefined {
  // Once per process and folder: a dev server's later rebuilds have every file in memory already, and reading
  // or rewriting the whole store on each save would cost more than the few files that changed.
  const stored = persist && !consulted.has(root) ? readStore(root) : undefined;
  consulted.add(root);
  return stored;
}

/**
 * The site-wide part of loading, once every file is read: what no single file can show. `listed`: what listing the
 * folder found besides documents (links, unknown files, clashing names), so both loaders report it.
 */
function finish(root: string, files: string[], inventory: ContentInventory, results: readonly DocumentResult[], stored: Map<string, StoredEntry> | undefined, changed: boolean, now: Date): LoadResult {
  const documents: AnyDocument[] = [];
  const problems: ContentProblem[] = [...inventory.problems];
  for (const result of results) {
    if (result.document) documents.push(result.document);
    problems.push(...result.problems);
  }
  if (stored && changed) {
    writeStore(root, new Map(files.map((file) => [file, storedEntry(cache.get(file) as CacheEntry)])));
  }
  // Site-wide: one address and one feed id per document; links and images must point at something, also those of
  // files with errors of their own. A draft's findings here are warnings too (asDraftProblems).
  const rejected = results.flatMap((result) => (result.rejected ? [result.rejected] : []));
  const drafts = new Set([...documents.filter((document) => document.data.draft).map((document) => document.sourcePath), ...rejected.filter((file) => file.draft).map((file) => file.file)]);
  for (const problem of [...duplicateUrlProblems(documents), ...duplicateIdProblems(documents), ...linkProblems(documents, root, now, { files, rejected, assets: inventory.assets.map((asset) => asset.sitePath) })]) {
    problems.push(...(drafts.has(problem.file) ? asDraftProblems([problem]) : [problem]));
  }
  return { documents, problems, files };
}

/** `now` decides which link targets count as published; builds with a fixed "now" pass theirs. */
export function loadContent(contentDir: string, now: Date = new Date(), { persist = false }: LoadOptions = {}): LoadResult {
  const root = path.resolve(contentDir);
  const inventory = listContent(contentDir);
  const files = inventory.documents.map((file) => path.resolve(file));
  const stored = consultStore(root, persist);
  let changed = stored !== undefined && stored.size !== files.length;
  const results = files.map((file) => loadDocument(file, root, stored, () => (changed = true)));
  return finish(root, files, inventory, results, stored, changed, now);
}

export interface ParallelLoadOptions extends LoadOptions {
  /** Render each body while loading it (`npm run build`): src/markdown.ts renderBody then returns that HTML. */
  render?: RenderOptions;
  /**
   * Loading workers beside the main thread (src/content/load-parallel.ts): by default loadingWorkers() (one per
   * further core) for as many files as pay off, FINSAM_LOAD_WORKERS if set; a number forces that many (tests).
   */
  workers?: number;
  /** Workers the command started before loading its own modules (startPool): used when there is enough to read. */
  pool?: Pool;
  /** Tests: the main thread leaves every file to the workers, so the workers' path is taken even for a few files. */
  mainThreadReads?: boolean;
}

/**
 * loadContent on every core: the main thread and loading workers take files from one queue, and the main thread
 * keeps what the serial path keeps (the caches, the link check's references) and runs the same site checks, so
 * the result is the same, in the same order. With `render`, each body's HTML comes from the same parse.
 */
export async function loadContentParallel(contentDir: string, now: Date = new Date(), options: ParallelLoadOptions = {}): Promise<LoadResult> {
  const { persist = false, render } = options;
  const root = path.resolve(contentDir);
  const inventory = listContent(contentDir);
  const files = inventory.documents.map((file) => path.resolve(file));
  const stored = consultStore(root, persist);
  let changed = stored !== undefined && stored.size !== files.length;
  const results: DocumentResult[] = new Array(files.length);

  // Files to read, by index. The in-memory cache (a second load in one process) goes by time and size; without a
  // rendering to do, a file unchanged since the store was written is known by its hash here, and only the others
  // are parsed in the pool. A build renders every document, so it sends them all there.
  let pending: number[] = files.map((_, index) => index);
  if (cache.size > 0) {
    pending = pending.filter((index) => {
      const file = files[index] as string;
      const cached = cachedResult(file, fs.statSync(file));
      if (cached) results[index] = cached;
      return !cached;
    });
  }
  if (stored && stored.size > 0 && !render) {
    pending = pending.filter((index) => {
      const file = files[index] as string;
      const stat = fs.statSync(file);
      const entry = stored.get(file);
      if (!entry || entry.hash !== hashOf(fs.readFileSync(file))) return true;
      results[index] = adopt(file, { mtimeMs: stat.mtimeMs, size: stat.size, hash: entry.hash }, entry);
      return false;
    });
  }

  const tasks = pending.map((index): LoadTask => {
    const file = files[index] as string;
    const known = storedFile(stored?.get(file));
    return known ? { file, stored: known } : { file };
  });
  const job: LoadJob = render ? { root, render } : { root };
  let pool = options.pool;
  // A pool that could not start a thread (load-parallel.ts warned) means none can be had.
  const workers = pool?.running.length === 0 ? 0 : (options.workers ?? loadingWorkers(tasks.length, render !== undefined));
  // Workers that started on other work than this (startLoadingPool guessed the files) are of no use.
  if (pool && (workers === 0 || (pool.work && !sameWork(pool.work, tasks, job)))) pool = (stopPool(pool), undefined);
  const read = (task: LoadTask): FileOutcome => readFile(task.file, root, task.stored, render);
  const outcomes = pool || workers > 0 ? await mapInPool(tasks, job, read, { pool, workers, mainThread: options.mainThreadReads ?? true }) : tasks.map(read);
  outcomes.forEach((outcome, position) => {
    const index = pending[position] as number;
    const file = files[index] as string;
    if (outcome.result) changed = true;
    results[index] = adopt(file, outcome, stored?.get(file), render);
  });
  return finish(root, files, inventory, results, stored, changed, now);
}

function sameWork(work: PoolWork, tasks: readonly LoadTask[], job: LoadJob): boolean {
  const sent = work.job as LoadJob;
  if (sent.root !== job.root || sent.render?.pathPrefix !== job.render?.pathPrefix || work.tasks.length !== tasks.length) return false;
  return (work.tasks as readonly LoadTask[]).every((task, index) => {
    const other = tasks[index] as LoadTask;
    return task.file === other.file && task.stored?.hash === other.stored?.hash && task.stored?.document === other.stored?.document;
  });
}

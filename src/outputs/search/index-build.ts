// One build's search index, made in a worker thread (src/outputs/search/worker.ts) while Eleventy renders on the main
// thread: the worker is started when the build starts, is handed the published documents as soon as the site
// model exists, and writes the index into the output folder when Eleventy is done (src/eleventy/plugin.ts).
//
// What is published is decided once, by the site model (src/site-model/collections.ts), the same decision the pages
// and feeds follow: a preview build's drafts and scheduled documents never reach the index, and nothing is read
// back from the output folder, so stale files of an earlier build cannot be picked up either.
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { AnyDocument, EventDocument, PageDocument } from "../../content/document.ts";
import { DOCUMENT_TYPES } from "../../content/types.ts";
import { formatIsoDay, formatLongDate, yearOf } from "../../text/dates.ts";
import type { SiteModel } from "../../site-model/model.ts";
import type { IndexFile } from "./index-builder.ts";
import { searchFacts } from "./facts.ts";
import type { DocumentInput, FromWorker, SearchIndexStats, ToWorker } from "./messages.ts";

export type { SearchIndexStats } from "./messages.ts";

/**
 * Documents per message: the worker starts on the first while the main thread copies the rest. All are sent at
 * once (a few megabytes without the bodies, which the worker reads from the files itself), so the worker never
 * waits for a main thread busy rendering. Handing it the bodies instead cost the main thread a copy of every body
 * (80 MB at 10,000 documents) and, for documents from the loader's cache, a read of each file.
 */
const BATCH = 1000;

/** The documents the index holds: the model's published articles, then its published pages and calendar events. */
export function publishedDocuments(model: SiteModel): (AnyDocument | PageDocument | EventDocument)[] {
  const { all, pages, events, status } = model.collections;
  return [...all, ...pages, ...events].filter((document) => status(document) === "published");
}

/** What the search page's filters know of a document: its type, organisation ("" for none) and year (0 for none). */
function facetsOf(document: AnyDocument | PageDocument | EventDocument): { typeKey: string; organisation: string; year: number } {
  if (document.type === "sida") return { typeKey: document.type, organisation: "", year: 0 };
  if (document.type === "evenemang") return { typeKey: document.type, organisation: document.data.organisation, year: yearOf(document.data.start.at) };
  return { typeKey: document.type, organisation: document.data.organisation, year: document.year };
}

function inputOf(model: SiteModel, document: AnyDocument | PageDocument | EventDocument): DocumentInput {
  const label = DOCUMENT_TYPES[document.type].label;
  const facts = searchFacts(document, (key) => model.organisations.find(key)?.name);
  const common = { url: document.url, type: label, title: document.data.title, facts, source: document.sourcePath, ...facetsOf(document) };
  if (document.type === "sida") {
    // A page has no day: the results show it without one, after dated documents that match as well.
    return { ...common, day: "", date: "", summary: document.data.summary, time: 0 };
  }
  if (document.type === "evenemang") {
    // An event is shown and filed by its start (its page has no summary: the place stands in for one).
    const start = document.data.start.at;
    return { ...common, day: formatIsoDay(start), date: formatLongDate(start), summary: document.data.place, time: start.getTime() };
  }
  return { ...common, day: formatIsoDay(document.data.date), date: formatLongDate(document.data.date), summary: document.data.summary, time: document.data.date.getTime() };
}

/** The search page's filter choices: the types, organisations and years the index has documents of. */
export interface SearchFilterOptions {
  types: { key: string; label: string }[];
  organisations: { key: string; name: string }[];
  years: number[];
}

export function searchFilterOptions(model: SiteModel): SearchFilterOptions {
  const inputs = publishedDocuments(model).map(facetsOf);
  const typeKeys = new Set(inputs.map((input) => input.typeKey));
  const organisationKeys = new Set(inputs.map((input) => input.organisation).filter((key) => key !== ""));
  return {
    types: Object.entries(DOCUMENT_TYPES)
      .filter(([key]) => typeKeys.has(key))
      .map(([key, type]) => ({ key, label: type.label })),
    organisations: [...organisationKeys]
      .map((key) => ({ key, name: model.organisations.find(key)?.name ?? key }))
      .sort((a, b) => a.name.localeCompare(b.name, "sv")),
    years: [...new Set(inputs.map((input) => input.year).filter((year) => year !== 0))].sort((a, b) => b - a),
  };
}

export interface FinishedIndex {
  stats: SearchIndexStats;
  /** The index's files, when it was not written into a folder (finish without one). */
  files?: IndexFile[];
  /** From the worker's start to the index written (ms). */
  totalMs: number;
  /** From the worker's start until it was loaded and listening (ms). */
  startMs: number;
}

export class SearchIndexBuild {
  private readonly worker: Worker;
  private readonly started = performance.now();
  private readonly result: Promise<{ stats: SearchIndexStats; files?: IndexFile[] }>;
  private startMs = Number.NaN;
  private fed = false;
  private finishSent = false;
  private closed = false;
  private stopping: Promise<void> | undefined;

  /** `dir`: where to write the index as soon as every document is indexed (see start). */
  private constructor(private readonly dir: string | undefined) {
    this.worker = new Worker(new URL("./worker-boot.mjs", import.meta.url), { workerData: { entry: new URL("./worker.ts", import.meta.url).href } });
    // Idle, the worker does not keep Node running (a build that failed before finish() simply ends); finish()
    // holds it while the build waits for it.
    this.worker.unref();
    this.result = new Promise((resolve, reject) => {
      this.worker.on("message", (message: FromWorker) => {
        if (message.kind === "ready") this.startMs = message.at - (performance.timeOrigin + this.started);
        else if (message.kind === "done") {
          resolve(message);
          // Written while Eleventy may still be rendering: the worker's memory (its heap, the postings) is let go
          // now rather than when the build ends, which is where the build's peak would otherwise fall.
          void this.stopWorker();
        }
        else reject(Object.assign(new Error(`Sökindexet: ${message.message}`), message.stack ? { stack: `Sökindexet: ${message.stack}` } : {}));
      });
      this.worker.on("error", (error) => reject(new Error(`Sökindexet: ${error.message}`, { cause: error })));
      this.worker.on("messageerror", (error) => reject(new Error(`Sökindexet: ${error.message}`, { cause: error })));
      // Settled already, this changes nothing; otherwise the worker ended without its index: never a silent success.
      this.worker.on("exit", (code) => reject(new Error(`Sökindexets tråd tog slut utan index (kod ${code}).`)));
    });
    // Failures are reported by finish(); until then a rejection must not count as unhandled.
    this.result.catch(() => undefined);
  }

  /**
   * Starts the worker (it loads while Eleventy reads its templates and data). Given `dir`, the worker writes the
   * index there as soon as it has indexed the documents, while Eleventy may still be rendering: finish() then only
   * waits for that. Without it, finish() says where (or, without a folder there either, gets the files back).
   */
  static start(dir?: string): SearchIndexBuild {
    return new SearchIndexBuild(dir);
  }

  /** Hands the worker the model's published documents (once; later calls do nothing). */
  feed(model: SiteModel): void {
    if (this.fed || this.closed) return;
    this.fed = true;
    const documents = publishedDocuments(model);
    for (let start = 0; start < documents.length; start += BATCH) {
      this.post({ kind: "documents", documents: documents.slice(start, start + BATCH).map((document) => inputOf(model, document)), ...(this.dir === undefined ? {} : { dir: this.dir }) });
    }
    if (this.dir !== undefined) this.sendFinish(this.dir);
  }

  private sendFinish(dir: string | undefined): void {
    if (this.finishSent) return;
    this.finishSent = true;
    this.post({ kind: "finish", dir });
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  /**
   * Waits for the index, written into the folder given to start() or else into `dir` (absolute or relative to
   * the working folder); with neither, the files come back in the result instead.
   */
  async finish(model: SiteModel, dir?: string): Promise<FinishedIndex> {
    if (this.closed) throw new Error("Sökindexet är redan stängt.");
    if (this.dir !== undefined && dir !== undefined && path.resolve(dir) !== path.resolve(this.dir)) {
      throw new Error(`Sökindexet skrivs till ${this.dir}, inte ${dir}.`);
    }
    this.feed(model);
    this.sendFinish(this.dir ?? dir);
    this.worker.ref();
    try {
      const { stats, files } = await this.result;
      return { stats, ...(files ? { files } : {}), totalMs: performance.now() - this.started, startMs: this.startMs };
    } finally {
      await this.close();
    }
  }

  /** Stops the worker (also when the build failed before finish). */
  async close(): Promise<void> {
    this.closed = true;
    await this.stopWorker();
  }

  private stopWorker(): Promise<void> {
    this.stopping ??= this.worker.terminate().then(() => undefined);
    return this.stopping;
  }
}

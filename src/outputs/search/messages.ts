// What the main thread and the search index's worker say to each other (src/outputs/search/index-build.ts, worker.ts).
import type { IndexFile } from "./index-builder.ts";
import type { Fact } from "./facts.ts";

/**
 * A published document as the worker receives it: plain data, cheap to copy between threads. The shown texts
 * (type label, dates) are made on the main thread with the functions the pages use (and cache).
 */
export interface DocumentInput {
  url: string;
  /** The type's Swedish label. */
  type: string;
  /** ISO day and the day written out in Swedish, as the listings show it. */
  day: string;
  date: string;
  title: string;
  summary: string;
  /** Tags, authors, the organisation's name and the type's facts, with their labels (src/outputs/search/facts.ts). */
  facts: Fact[];
  /** Publication time (ms since the epoch); an event's start. */
  time: number;
  /** The search page's filters: type key, organisation key ("" for none), year (0 for none). */
  typeKey: string;
  organisation: string;
  year: number;
  /** The document's file (relative to the working folder, as the loader has it): the worker reads the body there. */
  source: string;
}

export type ToWorker =
  /** `dir`: where the index will be written, when known from the start (its excerpt texts are written at once). */
  | { kind: "documents"; documents: DocumentInput[]; dir?: string }
  /** Every document has been sent: write the index into `dir` (replacing what is there), or without one, send it back. */
  | { kind: "finish"; dir?: string };

export interface SearchIndexStats {
  documents: number;
  terms: number;
  postings: number;
  files: number;
  bytes: number;
  largestFile: { name: string; bytes: number };
  /** Milliseconds the worker spent indexing documents (parsing bodies included) and building and writing the files. */
  indexMs: number;
  writeMs: number;
  /** The worker's largest JavaScript heap seen (MB, measured after each batch and at the end). */
  heapMb: number;
}

export type FromWorker =
  /** Loaded and listening, at this moment (performance.timeOrigin + performance.now(), comparable across threads). */
  | { kind: "ready"; at: number }
  | { kind: "done"; stats: SearchIndexStats; files?: IndexFile[] }
  | { kind: "failed"; message: string; stack?: string };

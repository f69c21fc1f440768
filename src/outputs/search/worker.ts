// The search index's worker thread: receives the published documents while Eleventy renders on the main thread,
// reads each body from its file, parses and indexes it, and writes the index when told the build is done
// (src/outputs/search/index-build.ts).
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { parentPort } from "node:worker_threads";
import { stemmer } from "@orama/stemmers/swedish";
import { createTerms } from "./browser/search-terms.js";
import { bodyOf } from "../../content/front-matter.ts";
import { bodyText } from "./body-text.ts";
import { IndexBuilder, type BuiltIndex } from "./index-builder.ts";
import { STOP_WORDS } from "./stop-words.ts";
import type { DocumentInput, FromWorker, SearchIndexStats, ToWorker } from "./messages.ts";

const port = parentPort;
if (!port) throw new Error("src/outputs/search/worker.ts körs bara som worker-tråd.");

const terms = createTerms(stemmer, STOP_WORDS);
let builder: IndexBuilder | undefined;
/** Where the index is being written (beside its folder), when the build said where from the start. */
let staging: string | undefined;
/** The files already written there: each as the builder made it (excerpt texts as documents are indexed). */
const written: { name: string; bytes: number }[] = [];
let indexMs = 0;
let heapMb = 0;

function measureHeap(): void {
  heapMb = Math.max(heapMb, v8.getHeapStatistics().used_heap_size / 1e6);
}

/** A fresh folder beside `dir`, for writing the index before it is put in place. */
function freshFolder(dir: string): string {
  const fresh = `${dir.replace(/\/+$/, "")}.tmp-${process.pid}`;
  fs.rmSync(fresh, { recursive: true, force: true });
  fs.mkdirSync(fresh, { recursive: true });
  return fresh;
}

/**
 * The builder, made with the first documents. Told the folder, its files go straight into the fresh one as they are
 * made: the excerpt texts, the largest part of the index, as each document is indexed (their writing is spread over
 * the time Eleventy renders instead of added after it), the shards as each letter's are made. The index is never
 * all held in memory.
 */
function builderFor(dir: string | undefined): IndexBuilder {
  if (builder) return builder;
  if (dir === undefined) return (builder = new IndexBuilder(terms));
  const folder = (staging = freshFolder(dir));
  return (builder = new IndexBuilder(terms, (file) => {
    const data = Buffer.from(file.text, "utf8");
    fs.writeFileSync(path.join(folder, file.name), data);
    written.push({ name: file.name, bytes: data.length });
  }));
}

/** Indexes one document; its body is read from its file, as the loader reads the body of a cached document. */
function add(into: IndexBuilder, { source, ...document }: DocumentInput): void {
  into.add({ ...document, body: bodyText(bodyOf(fs.readFileSync(source, "utf8"))) });
}

function statsOf(built: BuiltIndex, sizes: readonly { name: string; bytes: number }[]): SearchIndexStats {
  let bytes = 0;
  let largestFile = { name: "", bytes: 0 };
  for (const file of sizes) {
    bytes += file.bytes;
    if (file.bytes > largestFile.bytes) largestFile = file;
  }
  measureHeap();
  return { documents: built.documents, terms: built.terms, postings: built.postings, files: sizes.length, bytes, largestFile, indexMs, writeMs: 0, heapMb };
}

/**
 * Writes the files left into the fresh folder beside `dir` (the one the sink wrote into already, if any), then puts it in
 * place: `dir` is never half written.
 */
function write(built: BuiltIndex, dir: string): SearchIndexStats {
  if (staging !== undefined && staging !== `${dir.replace(/\/+$/, "")}.tmp-${process.pid}`) throw new Error(`utdragen skrevs till ${staging}, inte bredvid ${dir}`);
  const fresh = staging ?? freshFolder(dir);
  const sizes = built.files.map((file) => {
    const data = Buffer.from(file.text, "utf8");
    fs.writeFileSync(path.join(fresh, file.name), data);
    return { name: file.name, bytes: data.length };
  });
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(fresh, dir);
  return statsOf(built, [...written, ...sizes]);
}

function send(message: FromWorker): void {
  port!.postMessage(message);
}

port.on("message", (message: ToWorker) => {
  try {
    const started = performance.now();
    if (message.kind === "documents") {
      const into = builderFor(message.dir);
      for (const document of message.documents) add(into, document);
      indexMs += performance.now() - started;
      measureHeap();
    } else {
      const built = builderFor(message.dir).build(STOP_WORDS);
      if (message.dir !== undefined) {
        const stats = write(built, message.dir);
        send({ kind: "done", stats: { ...stats, writeMs: performance.now() - started } });
      } else {
        // The dev server keeps the index in memory and serves it from there (src/eleventy/dev-search.ts).
        const stats = statsOf(built, built.files.map((file) => ({ name: file.name, bytes: Buffer.byteLength(file.text) })));
        send({ kind: "done", stats: { ...stats, writeMs: performance.now() - started }, files: built.files });
      }
    }
  } catch (error) {
    send({ kind: "failed", message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
  }
});

send({ kind: "ready", at: performance.timeOrigin + performance.now() });

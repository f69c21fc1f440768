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

const builder = new IndexBuilder(createTerms(stemmer, STOP_WORDS));
let indexMs = 0;
let heapMb = 0;

function measureHeap(): void {
  heapMb = Math.max(heapMb, v8.getHeapStatistics().used_heap_size / 1e6);
}

/** Indexes one document; its body is read from its file, as the loader reads the body of a cached document. */
function add({ source, ...document }: DocumentInput): void {
  builder.add({ ...document, body: bodyText(bodyOf(fs.readFileSync(source, "utf8"))) });
}

function statsOf(built: BuiltIndex, sizes: readonly { name: string; bytes: number }[]): SearchIndexStats {
  let bytes = 0;
  let largestFile = { name: "", bytes: 0 };
  for (const file of sizes) {
    bytes += file.bytes;
    if (file.bytes > largestFile.bytes) largestFile = file;
  }
  measureHeap();
  return { documents: built.documents, terms: built.terms, postings: built.postings, files: built.files.length, bytes, largestFile, indexMs, writeMs: 0, heapMb };
}

/** Writes the files into a fresh folder beside `dir`, then puts it in place: `dir` is never half written. */
function write(built: BuiltIndex, dir: string): SearchIndexStats {
  const fresh = `${dir.replace(/\/+$/, "")}.tmp-${process.pid}`;
  fs.rmSync(fresh, { recursive: true, force: true });
  fs.mkdirSync(fresh, { recursive: true });
  const sizes = built.files.map((file) => {
    const data = Buffer.from(file.text, "utf8");
    fs.writeFileSync(path.join(fresh, file.name), data);
    return { name: file.name, bytes: data.length };
  });
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(fresh, dir);
  return statsOf(built, sizes);
}

function send(message: FromWorker): void {
  port!.postMessage(message);
}

port.on("message", (message: ToWorker) => {
  try {
    const started = performance.now();
    if (message.kind === "documents") {
      for (const document of message.documents) add(document);
      indexMs += performance.now() - started;
      measureHeap();
    } else {
      const built = builder.build(STOP_WORDS);
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

// The search index's worker thread: receives the published documents while Eleventy renders on the main thread,
// parses each body and indexes it, and writes the index when told the build is done (src/search/index-build.ts).
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { parentPort } from "node:worker_threads";
import { stemmer } from "@orama/stemmers/swedish";
import { createTerms } from "../../layouts/assets/search-terms.js";
import { bodyText } from "./body-text.ts";
import { IndexBuilder } from "./index-builder.ts";
import { STOP_WORDS } from "./stop-words.ts";
import type { DocumentInput, FromWorker, SearchIndexStats, ToWorker } from "./messages.ts";

const port = parentPort;
if (!port) throw new Error("src/search/worker.ts körs bara som worker-tråd.");

const builder = new IndexBuilder(createTerms(stemmer, STOP_WORDS));
let indexMs = 0;
let heapMb = 0;

function measureHeap(): void {
  heapMb = Math.max(heapMb, v8.getHeapStatistics().used_heap_size / 1e6);
}

function add(document: DocumentInput): void {
  builder.add({ ...document, body: bodyText(document.body) });
}

/** Writes the files into a fresh folder beside `dir`, then puts it in place: `dir` is never half written. */
function write(dir: string): SearchIndexStats {
  const built = builder.build(STOP_WORDS);
  const fresh = `${dir.replace(/\/+$/, "")}.tmp-${process.pid}`;
  fs.rmSync(fresh, { recursive: true, force: true });
  fs.mkdirSync(fresh, { recursive: true });
  let bytes = 0;
  let largestFile = { name: "", bytes: 0 };
  for (const file of built.files) {
    const data = Buffer.from(file.text, "utf8");
    fs.writeFileSync(path.join(fresh, file.name), data);
    bytes += data.length;
    if (data.length > largestFile.bytes) largestFile = { name: file.name, bytes: data.length };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(fresh, dir);
  measureHeap();
  return { documents: built.documents, terms: built.terms, postings: built.postings, files: built.files.length, bytes, largestFile, indexMs, writeMs: 0, heapMb };
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
      send({ kind: "next" });
    } else {
      const stats = write(message.dir);
      send({ kind: "done", stats: { ...stats, writeMs: performance.now() - started } });
    }
  } catch (error) {
    send({ kind: "failed", message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
  }
});

send({ kind: "ready", at: performance.timeOrigin + performance.now() });

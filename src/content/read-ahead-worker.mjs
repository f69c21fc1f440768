// The read-ahead thread (src/content/read-ahead.ts): stats and reads content files as text, in order, a batch at a
// time as the main thread grants them. Plain JavaScript with Node's own modules, source-text.mjs and checks/privacy-patterns.mjs alone, so it
// starts in milliseconds without tsx. A file it cannot read is handed back unread: the main thread then reads it itself and meets the error
// (or the file) exactly as it would have without this thread.
import fs from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { needsNormalising } from "./source-text.mjs";
import { candidatesIn } from "./checks/privacy-patterns.mjs";

const { files, batch } = workerData;
const batches = Math.ceil(files.length / batch);
let next = 0;

parentPort.on("message", (granted) => {
  for (; next < Math.min(granted, batches); next += 1) {
    const readings = [];
    for (const file of files.slice(next * batch, (next + 1) * batch)) {
      try {
        const stat = fs.statSync(file);
        const source = fs.readFileSync(file, "utf8");
        // Whole-text scans made here rather than on the main thread: what normalising would change and, for a text
        // that needs none (the text the privacy guard reads), which of the guard's patterns can match at all.
        const normalised = !needsNormalising(source);
        readings.push({ mtimeMs: stat.mtimeMs, size: stat.size, source, normalised, ...(normalised ? { candidates: candidatesIn(source) } : {}) });
      } catch {
        readings.push(null);
      }
    }
    parentPort.postMessage({ index: next, readings });
  }
  if (next >= batches) parentPort.close();
});

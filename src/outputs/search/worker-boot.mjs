// The search index worker's entry (src/outputs/search/index-build.ts): runs the module named in workerData from its
// compiled copy, or through tsx where none can be made (src/runtime/compiled-modules.mjs): tsx's hooks cost the
// worker most of its start, beside the pages Eleventy renders on the other core.
// Plain JavaScript, because Node 20 does not apply `--import tsx` (nor vitest's hooks) to a worker's entry module.
import { fileURLToPath } from "node:url";
import { workerData } from "node:worker_threads";
import { load } from "../../runtime/compiled-modules.mjs";

await load(fileURLToPath(workerData.entry));

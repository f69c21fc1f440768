// The search index worker's entry (src/outputs/search/index-build.ts): registers tsx, then runs the module named in
// workerData.
// Plain JavaScript, because Node 20 does not apply `--import tsx` (nor vitest's hooks) to a worker's entry module.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);

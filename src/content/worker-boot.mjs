// A worker thread's entry (src/content/load-parallel.ts): registers tsx, then runs the TypeScript module the
// pool names. Plain JavaScript, because Node 20 does not apply `--import tsx` to a worker's entry module.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);

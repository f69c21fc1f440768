// A loading worker that takes a batch of tasks and then fails as the job says (tests/content/load-parallel.test.ts):
// throws, exits with an error code, or exits quietly without sending what it took.
import { workerData } from "node:worker_threads";
import type { PoolWork, PoolWorkerData } from "../../src/content/load-parallel.ts";

const { next, port } = workerData as PoolWorkerData;
port.once("message", ({ job, batch }: PoolWork<number, { mode: "throw" | "exit" | "quiet-exit" }>) => {
  Atomics.add(new Int32Array(next), 0, batch);
  if (job.mode === "throw") throw new Error("trasig inläsning");
  process.exit(job.mode === "exit" ? 3 : 0);
});

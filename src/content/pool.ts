// Loading on every core: the main thread and piscina's worker threads read batches of files from one queue
// (read.ts readBatch in both), and the results come back in the files' order. Small folders stay on the main thread:
// a worker costs its start (a thread and the loading modules) before it reads a file.
import os from "node:os";
import { readBatch, readContentFile, readContentText, type FileReading, type ReadContext } from "./read.ts";
import { ReadAhead } from "./read-ahead.ts";

const WORKER = new URL("./read-worker.mjs", import.meta.url);
/** Files per batch: few messages, yet nobody waits long for the last batch. */
const BATCH = 32;
/** More workers than this only add start-up time and memory for what loading does. */
const MAX_WORKERS = 3;

/**
 * Files from which a worker pays off: checking, about 4,000; building renders each body too, about twice the work per
 * file, measured when a worker started through tsx (it now starts from a compiled copy, src/runtime/). On two cores
 * none does (bench/RESULTS.md, issue 10; a compiled worker did not pay either, issue 11), and the search index's
 * worker has the second core while the pages render.
 */
const PARALLEL_FROM = 4000;
const CORES_FOR_WORKERS = 4;
/** Files from which the main thread has a second thread read ahead for it (read-ahead.ts): its start costs little. */
const READ_AHEAD_FROM = 200;

/** Workers beside the main thread: none where they do not pay off, else one per further core; FINSAM_LOAD_WORKERS decides. */
export function loadingWorkers(files: number, render: boolean, env: NodeJS.ProcessEnv = process.env, cores = os.availableParallelism()): number {
  const set = env.FINSAM_LOAD_WORKERS;
  if (set !== undefined && /^\d+$/.test(set)) return Number(set);
  if (cores < CORES_FOR_WORKERS || files * (render ? 2 : 1) < PARALLEL_FROM) return 0;
  return Math.min(MAX_WORKERS, cores - 1);
}

/**
 * The options a worker may take from this process: Node refuses a worker any process-wide option
 * (--max-old-space-size, --trace-gc, …), and loading TypeScript is the worker module's own job.
 */
function workerExecArgv(): string[] {
  const perThread = /^--(cpu-prof|heap-prof|enable-source-maps|no-warnings|no-deprecation|trace-warnings|trace-uncaught|conditions=)/;
  return process.execArgv.filter((arg) => perThread.test(arg));
}

export interface ReadOptions extends ReadContext {
  /** Worker threads beside the main thread (0: the main thread reads everything). */
  workers: number;
  /** Tests: leave every batch to the workers, so their path is taken even for a few files. */
  mainThreadReads?: boolean;
}

/** Every file read (read.ts), on the main thread and `workers` worker threads; results in the files' order. */
export async function readFiles(files: readonly string[], { workers, mainThreadReads = true, ...context }: ReadOptions): Promise<FileReading[]> {
  const batches: string[][] = [];
  for (let start = 0; start < files.length; start += BATCH) batches.push(files.slice(start, start + BATCH));
  const results: FileReading[][] = new Array(batches.length);
  if (workers === 0 && files.length < READ_AHEAD_FROM) {
    batches.forEach((batch, index) => (results[index] = readBatch({ files: batch, ...context })));
    return results.flat();
  }
  if (workers === 0) {
    const ahead = new ReadAhead(files, BATCH);
    try {
      for (const [index, batch] of batches.entries()) {
        const texts = await ahead.take(index);
        results[index] = batch.map((file, at) => {
          const text = texts?.[at];
          return text ? readContentText(file, text, context) : readContentFile(file, context);
        });
      }
    } finally {
      await ahead.close();
    }
    return results.flat();
  }
  // Imported here: a folder loaded on the main thread (every one on two cores) never starts piscina.
  const { Piscina } = await import("piscina");
  const pool = new Piscina({ filename: WORKER.href, minThreads: workers, maxThreads: workers, execArgv: workerExecArgv(), idleTimeout: 100 });
  let next = 0;
  const take = (): number | undefined => (next < batches.length ? next++ : undefined);
  const worker = async (): Promise<void> => {
    for (let index = take(); index !== undefined; index = take()) {
      results[index] = (await pool.run({ files: batches[index], ...context })) as FileReading[];
    }
  };
  const mainThread = async (): Promise<void> => {
    for (let index = take(); index !== undefined; index = take()) {
      results[index] = readBatch({ files: batches[index] as string[], ...context });
      // Let the workers' results in and their next batches out between two of ours.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  try {
    // Two requests per worker in flight: a worker starts its next batch while its last result travels back.
    await Promise.all([...Array.from({ length: workers * 2 }, worker), ...(mainThreadReads ? [mainThread()] : [])]);
  } finally {
    await pool.destroy();
  }
  return results.flat();
}

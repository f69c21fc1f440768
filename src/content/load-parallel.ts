// Loading on every core: the main thread and worker threads take tasks from one shared queue (a counter in shared
// memory, so nobody waits for a message to get the next batch), each worker sends its results back as plain data,
// and the main thread puts them in order. The main thread starts at once; a worker joins when it has started (Node,
// tsx and the loading modules: about 0.3 s), so small loads are left to the main thread alone (load.ts), and a
// command can start its workers before it has loaded its own modules (startPool).
//
// A worker that throws, exits or cannot start rejects the whole load with the worker's error: the commands report
// it as an internal error. Nothing is dropped: the load completes only when every task has its result.
//
// A worker runs its module bundled (bundle.ts): loaded through tsx, module by module, it took about 0.55 s of CPU
// to start, bundled 0.2 s.
//
// Only Node's own modules here (and bundle.ts, disk-cache.ts and files.ts, which have no others): the commands
// import this before anything else.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MessageChannel, Worker, receiveMessageOnPort, workerData, type MessagePort } from "node:worker_threads";
import { bundled } from "./bundle.ts";
import { storeFileOf } from "./disk-cache.ts";
import { listMarkdownFiles } from "./files.ts";
import type { LoadJob, LoadTask, RenderOptions } from "./read.ts";

/** What a worker gets when it starts. */
export interface PoolWorkerData {
  /** The TypeScript module it runs (bundled, or loaded through tsx by worker-boot.mjs). */
  entry: string;
  /** One Int32: the index of the next task nobody has taken. */
  next: SharedArrayBuffer;
  /** Tasks come in one message once they are known (PoolWork); results go out as PoolMessage. */
  port: MessagePort;
}

/** The work, sent to each worker once. */
export interface PoolWork<T = unknown, J = unknown> {
  tasks: readonly T[];
  job: J;
  batch: number;
}

/** Worker to main thread. */
export type PoolMessage<R = unknown> = { start: number; results: R[] } | { done: true };

const BOOT = new URL("../worker-boot.mjs", import.meta.url);
const LOAD_WORKER = new URL("./load-worker.ts", import.meta.url);
/** Tasks taken at a time: small enough that nobody waits long for the last batch, large enough to post few messages. */
const DEFAULT_BATCH = 16;
/** More workers than this only add start-up time and memory for what loading does. */
const MAX_WORKERS = 3;

/**
 * Files to read from which a worker pays off, measured on two cores (generated corpora, issue 5): checking, at 4,000
 * documents one thread and two take the same time (at 1,000 two take 0.1 s longer: the worker's start, and every
 * thread compiling the same code anew), at 10,000 two save 0.5 s; building, which renders each body while loading
 * and so does about twice the work per file, the two meet at 2,000 (at 10,000 two save 1.3 s).
 */
const PARALLEL_FROM = 4000;

/**
 * Workers beside the main thread for loading `files` files (rendering their bodies or not): none below what pays
 * off, else one per further core. FINSAM_LOAD_WORKERS sets the number whatever the files (0: the main thread alone).
 */
export function loadingWorkers(files: number, render: boolean, env: NodeJS.ProcessEnv = process.env): number {
  const set = env.FINSAM_LOAD_WORKERS;
  if (set !== undefined && /^\d+$/.test(set)) return Number(set);
  if (files * (render ? 2 : 1) < PARALLEL_FROM) return 0;
  return Math.max(0, Math.min(MAX_WORKERS, os.availableParallelism() - 1));
}

/**
 * The options a worker gets: those of this process that work per thread (profiling, package conditions, preloads,
 * warnings). Node refuses a worker any process-wide option (--max-old-space-size, --trace-gc, …; V8's flags apply
 * to every thread anyway), so only known ones are passed on. Not `--import tsx`: a bundle needs no tsx, and
 * worker-boot.mjs registers it itself (Node 20 does not apply `--import tsx` to a worker's own entry module).
 */
function workerExecArgv(): string[] {
  const argv: string[] = [];
  const perThread = /^(--cpu-prof|--heap-prof|--conditions$|-C$|--enable-source-maps$|--no-warnings$|--no-deprecation$|--trace-warnings$|--trace-uncaught$|--unhandled-rejections$|--experimental-|--no-experimental-)/;
  const loaders = new Set(["--import", "--require", "-r", "--loader", "--experimental-loader"]);
  const takesValue = new Set([...loaders, "--conditions", "-C", "--cpu-prof-dir", "--cpu-prof-name", "--cpu-prof-interval", "--heap-prof-dir", "--heap-prof-name", "--heap-prof-interval", "--unhandled-rejections"]);
  for (let index = 0; index < process.execArgv.length; index++) {
    const arg = process.execArgv[index] as string;
    const equals = arg.indexOf("=");
    const flag = equals >= 0 ? arg.slice(0, equals) : arg;
    const value = equals >= 0 ? arg.slice(equals + 1) : takesValue.has(flag) ? (process.execArgv[++index] ?? "") : undefined;
    const keep = loaders.has(flag) ? !/^tsx(\/|$)/.test(value ?? "") : perThread.test(flag);
    if (keep) argv.push(...(value === undefined ? [flag] : [flag, value]));
  }
  return argv;
}

interface Running {
  worker: Worker;
  port: MessagePort;
  exited: boolean;
  /** Its error, when it failed. */
  failure?: Error;
}

/** Started workers, waiting for their tasks or already at them. */
export interface Pool {
  readonly running: readonly Running[];
  readonly next: Int32Array;
  /** The work sent at the start (a command that knows its files before it has loaded its modules), if any. */
  readonly work?: PoolWork;
  /** Used by a load, or stopped: a pool serves once. */
  used: boolean;
}

/**
 * Starts `count` workers running `entry` (default load-worker.ts). With `work`, they start on it at once, and the
 * main thread joins in when it calls mapInPool with the same tasks; else they wait for mapInPool's. They do not
 * keep the process alive until mapInPool uses them, and stopPool stops them when it does not.
 */
export async function startPool(count: number, entry: URL = LOAD_WORKER, work?: Omit<PoolWork, "batch">, { bundle: useBundle = true } = {}): Promise<Pool> {
  const next = new Int32Array(new SharedArrayBuffer(4));
  const running: Running[] = [];
  // Without a bundle (none could be made; tests) the worker loads `entry` through tsx (worker-boot.mjs).
  const bundle = count > 0 && useBundle ? await bundled(entry, { packages: "external" }) : undefined;
  for (let n = 0; n < count; n++) {
    const { port1, port2 } = new MessageChannel();
    const data: PoolWorkerData = { entry: entry.href, next: next.buffer as SharedArrayBuffer, port: port2 };
    let worker: Worker;
    try {
      worker = new Worker(bundle ?? BOOT, { workerData: data, transferList: [port2], execArgv: workerExecArgv() });
    } catch (error) {
      // No thread to be had (options, limits): the main thread reads what the workers would have.
      process.emitWarning(`inläsningstrådar kunde inte startas, huvudtråden läser allt: ${error instanceof Error ? error.message : String(error)}`);
      port1.close();
      break;
    }
    const state: Running = { worker, port: port1, exited: false };
    worker.unref();
    port1.unref();
    // Until mapInPool listens, a failure is kept for it.
    worker.on("error", (error) => (state.failure ??= new Error(`en inläsningstråd kraschade: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)));
    worker.on("messageerror", (error) => (state.failure ??= new Error(`en inläsningstråds svar gick inte att läsa: ${error.message}`)));
    worker.on("exit", (code) => {
      state.exited = true;
      if (code !== 0) state.failure ??= new Error(`en inläsningstråd avslutades med kod ${code}`);
    });
    running.push(state);
  }
  const sent = work && running.length > 0 ? { ...work, batch: DEFAULT_BATCH } : undefined;
  if (sent) for (const state of running) state.port.postMessage(sent);
  return { running, next, work: sent, used: false };
}

/** Stops a pool's workers (a load that needed none, or one that is over). */
export function stopPool(pool: Pool): void {
  pool.used = true;
  for (const state of pool.running) {
    state.port.close();
    if (!state.exited) void state.worker.terminate();
  }
}

/**
 * A command's loading workers, started before it loads the rest of its modules (about 0.5 s through tsx), for a
 * content folder large enough (loadingWorkers). When no store on disk can spare a file (none yet, or FINSAM_CACHE=0)
 * every file is read, so the workers start on them at once; loadContentParallel joins in with the same tasks.
 */
export async function startLoadingPool(contentDir: string, { persist, render }: { persist: boolean; render?: RenderOptions }): Promise<Pool | undefined> {
  const files = listMarkdownFiles(contentDir);
  const workers = loadingWorkers(files.length, render !== undefined);
  if (workers === 0) return undefined;
  const root = path.resolve(contentDir);
  const stored = persist && fs.existsSync(storeFileOf(root));
  const job: LoadJob = render ? { root, render } : { root };
  return startPool(workers, LOAD_WORKER, stored ? undefined : { tasks: files.map((file): LoadTask => ({ file: path.resolve(file) })), job });
}

export interface PoolOptions {
  /** Workers beside the main thread, started now (or pass `pool`). */
  workers?: number;
  /** Workers started earlier (startPool), as a command does before loading its own modules. */
  pool?: Pool;
  /** Whether the main thread takes tasks too (tests turn it off so the workers take every task). */
  mainThread?: boolean;
  batch?: number;
  /** The workers' module when mapInPool starts them (tests pass their own). */
  entry?: URL;
}

/**
 * `runHere` over every task, on the main thread and the pool's workers, results in the tasks' order. The workers'
 * module (load-worker.ts) must compute for a task what `runHere` does.
 */
export async function mapInPool<T, J, R>(tasks: readonly T[], job: J, runHere: (task: T) => R, options: PoolOptions): Promise<R[]> {
  const { mainThread = true } = options;
  const pool = options.pool ?? (await startPool(options.workers ?? 0, options.entry));
  if (pool.used) throw new Error("en inläsningspool används bara en gång");
  pool.used = true;
  // Work sent at the start must be these tasks (load.ts checks): the workers may have done part of it already.
  if (pool.work && pool.work.tasks.length !== tasks.length) throw new Error("inläsningstrådarna fick andra filer än huvudtråden");
  const batch = pool.work?.batch ?? options.batch ?? DEFAULT_BATCH;
  const { running, next } = pool;
  const results: R[] = new Array(tasks.length);
  let finished = 0;
  let failure: Error | undefined;
  let settle: (() => void) | undefined;

  const receive = (message: PoolMessage<R>): void => {
    if ("done" in message) return;
    message.results.forEach((result, offset) => (results[message.start + offset] = result));
    finished += message.results.length;
  };
  const drain = (state: Running): void => {
    for (let message = receiveMessageOnPort(state.port); message; message = receiveMessageOnPort(state.port)) {
      receive(message.message as PoolMessage<R>);
    }
  };
  const check = (state: Running): void => {
    // What it sent before it failed or stopped counts; whatever it had taken and not sent is missing, and settle sees it.
    drain(state);
    failure ??= state.failure;
    settle?.();
  };

  try {
    const work: PoolWork<T, J> = { tasks, job, batch };
    for (const state of running) {
      state.worker.ref();
      state.port.ref();
      state.worker.on("error", () => check(state));
      state.worker.on("messageerror", () => check(state));
      state.worker.on("exit", () => check(state));
      if (!pool.work) state.port.postMessage(work);
    }

    if (mainThread) {
      for (;;) {
        const start = Atomics.add(next, 0, batch);
        if (start >= tasks.length) break;
        const end = Math.min(tasks.length, start + batch);
        for (let index = start; index < end; index++) results[index] = runHere(tasks[index] as T);
        finished += end - start;
        // Take in what the workers sent meanwhile: the main thread copies it in between its own batches, not at the end.
        for (const state of running) drain(state);
      }
    }

    // The rest is in the workers' hands: wait for all of it, or for a worker to fail.
    await new Promise<void>((resolve, reject) => {
      settle = () => {
        if (failure) return reject(failure);
        if (finished === tasks.length) return resolve();
        if (running.every((state) => state.exited)) {
          reject(new Error(`inläsningstrådarna slutade med ${tasks.length - finished} av ${tasks.length} filer olästa`));
        }
      };
      for (const state of running) {
        state.port.on("message", (message: PoolMessage<R>) => {
          receive(message);
          settle?.();
        });
        check(state);
      }
      settle();
    });
    return results;
  } finally {
    // Done (or failed): a worker still starting, or still busy after a failure, is stopped.
    stopPool(pool);
  }
}

/** In a worker: takes batches of tasks until none are left, sending each batch's results to the main thread. */
export function serveTasks<T, J, R>(run: (task: T, job: J) => R): void {
  const { next: shared, port } = workerData as PoolWorkerData;
  const next = new Int32Array(shared);
  port.once("message", ({ tasks, job, batch }: PoolWork<T, J>) => {
    for (;;) {
      const start = Atomics.add(next, 0, batch);
      if (start >= tasks.length) break;
      const end = Math.min(tasks.length, start + batch);
      const results: R[] = [];
      for (let index = start; index < end; index++) results.push(run(tasks[index] as T, job));
      port.postMessage({ start, results } satisfies PoolMessage<R>);
    }
    port.postMessage({ done: true } satisfies PoolMessage<R>);
    port.close();
  });
}

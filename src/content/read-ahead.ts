// Reading a large folder's files on a second thread while the main thread parses and checks the ones already read:
// decoding UTF-8 and the file system calls were a sixth of a check on one thread (bench/RESULTS.md). Only the bytes
// come from that thread; parsing and checking stay on the main thread (read.ts), in the files' order.
import { Worker } from "node:worker_threads";

/** A file as read: its text, with the time and size from the stat made just before reading it. */
export interface SourceText {
  source: string;
  mtimeMs: number;
  size: number;
  /** The reading thread found nothing to normalise (source-text.mjs needsNormalising). */
  normalised?: boolean;
  /** Which privacy patterns can match in the text (checks/privacy-patterns.mjs candidatesIn). */
  candidates?: { personnummer: boolean; phone: boolean };
}

const WORKER = new URL("./read-ahead-worker.mjs", import.meta.url);

/** Batches read but not yet taken, at most: the thread stays ahead without holding the folder in memory. */
const AHEAD = 8;

interface Waiter {
  resolve: (readings: (SourceText | null)[] | undefined) => void;
}

/**
 * The files' texts, batch by batch, from a thread of their own. A batch comes back undefined, and a file null, when
 * the thread could not read it: the caller reads those itself, so an error is the one reading on the main thread gives.
 */
export class ReadAhead {
  private readonly worker: Worker;
  private readonly arrived = new Map<number, (SourceText | null)[]>();
  private readonly waiting = new Map<number, Waiter>();
  private granted = AHEAD;
  private ended = false;

  constructor(files: readonly string[], readonly batch: number) {
    this.worker = new Worker(WORKER, { workerData: { files, batch }, execArgv: [], stdout: false, stderr: false });
    this.worker.on("message", ({ index, readings }: { index: number; readings: (SourceText | null)[] }) => {
      const waiter = this.waiting.get(index);
      if (!waiter) {
        this.arrived.set(index, readings);
        return;
      }
      this.waiting.delete(index);
      waiter.resolve(readings);
    });
    // A thread that failed or ended early has read nothing more: whoever waits reads for themselves.
    const end = (): void => {
      this.ended = true;
      for (const waiter of this.waiting.values()) waiter.resolve(undefined);
      this.waiting.clear();
    };
    this.worker.on("error", end);
    this.worker.on("exit", end);
    this.worker.postMessage(this.granted);
  }

  /** Batch `index` (asked in order, each once). */
  take(index: number): Promise<(SourceText | null)[] | undefined> {
    // Granted half a window at a time: a message per batch kept both threads busier with messages than with files.
    if (index + AHEAD / 2 >= this.granted) this.worker.postMessage((this.granted = index + 1 + AHEAD));
    const readings = this.arrived.get(index);
    if (readings) {
      this.arrived.delete(index);
      return Promise.resolve(readings);
    }
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiting.set(index, { resolve }));
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

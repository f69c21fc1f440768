// Runs one command as a child process and measures what the person waiting for it sees: wall time, CPU time
// and peak memory (GNU time's report when /usr/bin/time is installed, else the Node child's own rusage).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const ELEVENTY_CLI = path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs");
const GNU_TIME = "/usr/bin/time";
const RUSAGE_PRELOAD = path.join(ROOT, "bench/rusage.cjs");

/** GNU time reports the largest process of the tree (the build's worker threads are in its process); the fallback only the Node process. */
export const MEMORY_SOURCE = fs.existsSync(GNU_TIME) ? "/usr/bin/time -v (largest process of the tree)" : "process.resourceUsage() of the Node child";

export interface Sample {
  wallMs: number;
  /** User + system CPU time of the child (and its children, with GNU time). */
  cpuMs: number;
  maxRssMb: number;
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Called with each line of stdout and stderr as it comes (the dev-server bench reacts to them). */
  onLine?: (line: string, at: number) => void;
  timeoutMs?: number;
}

export interface Running {
  child: ChildProcess;
  /** The measured Node process: the child itself, or GNU time's child. */
  nodePid(): number | undefined;
  done: Promise<Sample>;
}

/** Starts `node <args>` measured; `done` resolves when it exits. */
export function startNode(args: readonly string[], options: RunOptions = {}): Running {
  const reportFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "finsam-rusage-")), "report");
  const useTime = fs.existsSync(GNU_TIME);
  const command = useTime ? GNU_TIME : process.execPath;
  const fullArgs = useTime
    ? ["-v", "-o", reportFile, process.execPath, ...args]
    : ["--require", RUSAGE_PRELOAD, ...args];
  const env = { ...process.env, ...options.env, ...(useTime ? {} : { BENCH_RUSAGE_FILE: reportFile }) };
  const started = performance.now();
  const child = spawn(command, fullArgs, { cwd: options.cwd ?? ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const lines = (stream: NodeJS.ReadableStream, append: (text: string) => void) => {
    let pending = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      const at = performance.now();
      append(chunk);
      pending += chunk;
      const parts = pending.split("\n");
      pending = parts.pop() ?? "";
      for (const line of parts) options.onLine?.(line, at);
    });
  };
  lines(child.stdout as NodeJS.ReadableStream, (text) => (stdout += text));
  lines(child.stderr as NodeJS.ReadableStream, (text) => (stderr += text));
  const timer = options.timeoutMs ? setTimeout(() => child.kill("SIGKILL"), options.timeoutMs) : undefined;

  const done = new Promise<Sample>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = performance.now() - started;
      if (timer) clearTimeout(timer);
      try {
        const report = fs.existsSync(reportFile) ? fs.readFileSync(reportFile, "utf8") : "";
        fs.rmSync(path.dirname(reportFile), { recursive: true, force: true });
        resolve({ wallMs, exitCode: code ?? -1, stdout, stderr, ...(useTime ? parseGnuTime(report) : parseRusage(report)) });
      } catch (error) {
        reject(error);
      }
    });
  });

  return {
    child,
    nodePid() {
      if (!useTime) return child.pid;
      // GNU time forks the real command; its only child is the Node process.
      try {
        const children = fs.readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, "utf8").trim().split(/\s+/);
        return children[0] ? Number(children[0]) : undefined;
      } catch {
        return undefined;
      }
    },
    done,
  };
}

export function runNode(args: readonly string[], options: RunOptions = {}): Promise<Sample> {
  return startNode(args, options).done;
}

function parseGnuTime(report: string): { cpuMs: number; maxRssMb: number } {
  const field = (name: string): number => {
    const match = new RegExp(`${name}[^:]*:\\s*([\\d.]+)`).exec(report);
    return match ? Number(match[1]) : Number.NaN;
  };
  return {
    cpuMs: (field("User time") + field("System time")) * 1000,
    maxRssMb: field("Maximum resident set size") / 1024,
  };
}

function parseRusage(report: string): { cpuMs: number; maxRssMb: number } {
  if (report === "") return { cpuMs: Number.NaN, maxRssMb: Number.NaN };
  const usage = JSON.parse(report) as NodeJS.ResourceUsage;
  return { cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMb: usage.maxRSS / 1024 };
}

export function median(values: readonly number[]): number {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** A child that failed is a broken benchmark, not a slow one. */
export function mustSucceed(what: string, sample: Sample): Sample {
  if (sample.exitCode !== 0) {
    throw new Error(`${what} failed (exit ${sample.exitCode}):\n${sample.stderr.slice(-4000)}\n${sample.stdout.slice(-2000)}`);
  }
  return sample;
}

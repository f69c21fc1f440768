// The dev server (`npm start`: Eleventy --serve with our config, preview mode) on a corpus: the first build,
// then one document edited at a time, timed from the save until the rebuilt page holds the edit.
import fs from "node:fs";
import path from "node:path";
import { ELEVENTY_CLI, ROOT, startNode, type Sample } from "./measure.ts";

export interface Rebuild {
  /** From the save until the edited page on disk holds the edit: what an editor waits for. */
  totalMs: number;
  /** From the save until Eleventy's watcher reports the change (chokidar waits for the write to settle). */
  noticedMs: number;
  /** From the reported change until Eleventy logs "Wrote …" (the rebuild, search index included). */
  rebuildMs: number;
}

export interface DevResult {
  firstBuildMs: number;
  rebuilds: Rebuild[];
  /** Peak memory and CPU of the whole dev-server session. */
  session: Sample;
}

const TIMEOUT_MS = 3_600_000;

/** Waits until `test` holds, polling; rejects after `timeoutMs`. */
async function until(test: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = performance.now();
  while (!test()) {
    if (performance.now() - started > timeoutMs) throw new Error(`dev server: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The built page of a content file: content/<folder>/<day>-<slug>.md → <out>/<folder>/<year>/<slug>/index.html. */
function outputPageOf(file: string, outputDir: string): string {
  const folder = path.basename(path.dirname(file));
  const name = path.basename(file, ".md");
  const [year] = name.split("-");
  return path.join(outputDir, folder, year as string, name.replace(/^\d{4}-\d{2}-\d{2}-/, ""), "index.html");
}

export async function devRebuilds(corpusDir: string, outputDir: string, edits: number, port: number): Promise<DevResult> {
  fs.rmSync(outputDir, { recursive: true, force: true });
  const events: { line: string; at: number }[] = [];
  const started = performance.now();
  const running = startNode(["--import", "tsx", ELEVENTY_CLI, "--config=.eleventy.ts", "--serve", `--port=${port}`, `--output=${outputDir}`], {
    cwd: ROOT,
    env: { FINSAM_MODE: "preview", FINSAM_CONTENT_DIR: corpusDir },
    onLine: (line, at) => events.push({ line, at }),
    timeoutMs: TIMEOUT_MS,
  });
  let exited = false;
  void running.done.then(() => (exited = true), () => (exited = true));
  const wrote = (from: number) => events.findIndex((event, index) => index >= from && /Wrote \d+ files?/.test(event.line));
  const watching = () => events.some((event) => event.line.includes("Watching"));

  try {
    await until(() => exited || (wrote(0) >= 0 && watching()), TIMEOUT_MS, "the first build");
    if (exited) throw new Error(`dev server exited before its first build:\n${events.map((event) => event.line).join("\n").slice(-4000)}`);
    const firstBuildMs = (events[wrote(0)] as { at: number }).at - started;

    // Documents spread over the corpus: the newest (on the start page and in every feed) and older ones.
    const files = (fs.readdirSync(corpusDir, { recursive: true }) as string[]).filter((file) => file.endsWith(".md")).sort();
    const rebuilds: Rebuild[] = [];
    for (let edit = 0; edit < edits; edit++) {
      const file = path.join(corpusDir, files[files.length - 1 - Math.floor((edit * files.length) / Math.max(edits, 1))] as string);
      const marker = `Benchmarkändring ${edit + 1} ${Date.now()}`;
      const page = outputPageOf(file, outputDir);
      const from = events.length;
      const saved = performance.now();
      fs.appendFileSync(file, `\n${marker}.\n`);
      await until(() => exited || (fs.existsSync(page) && fs.readFileSync(page, "utf8").includes(marker)), TIMEOUT_MS, `the rebuilt ${page}`);
      const totalMs = performance.now() - saved;
      await until(() => exited || wrote(from) >= 0, TIMEOUT_MS, "Eleventy's Wrote line");
      if (exited) throw new Error("dev server exited during a rebuild");
      const noticed = events.slice(from).find((event) => event.line.includes("File changed"));
      const done = events[wrote(from)] as { at: number };
      rebuilds.push({
        totalMs,
        noticedMs: noticed ? noticed.at - saved : Number.NaN,
        rebuildMs: noticed ? done.at - noticed.at : Number.NaN,
      });
      // Let the server settle (live reload, the watcher's queue) before the next save.
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const pid = running.nodePid();
    if (pid) process.kill(pid, "SIGINT");
    const session = await running.done;
    return { firstBuildMs, rebuilds, session };
  } finally {
    if (!exited) {
      const pid = running.nodePid();
      if (pid) process.kill(pid, "SIGKILL");
      running.child.kill("SIGKILL");
    }
  }
}

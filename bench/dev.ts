// The dev server (`npm start`: Eleventy --serve with our config, preview mode) on a corpus: the first build,
// then one document edited at a time, timed from the save until the server's page holds the edit (asked over
// HTTP, as the browser does: the dev server renders article pages on request, src/eleventy/on-request.ts).
import fs from "node:fs";
import path from "node:path";
import { ELEVENTY_CLI, ROOT, startNode, type Sample } from "./measure.ts";

export interface Rebuild {
  /** From the save until the dev server's page holds the edit: what an editor waits for. */
  totalMs: number;
  /** From the save until Eleventy's watcher reports the change (chokidar waits for the write to settle). */
  noticedMs: number;
  /** From the reported change until Eleventy logs "Wrote …" (its rebuild; the search index too where it runs). */
  rebuildMs: number;
}

export interface DevResult {
  firstBuildMs: number;
  rebuilds: Rebuild[];
  /** Peak memory and CPU of the whole dev-server session. */
  session: Sample;
}

const TIMEOUT_MS = 3_600_000;

/** Waits until `test` holds, polling every `everyMs`; rejects after `timeoutMs`. */
async function until(test: () => boolean | Promise<boolean>, timeoutMs: number, what: string, everyMs = 5): Promise<void> {
  const started = performance.now();
  while (!(await test())) {
    if (performance.now() - started > timeoutMs) throw new Error(`dev server: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** The page of a content file: content/<folder>/<day>-<slug>.md → /<folder>/<year>/<slug>/. */
function sitePathOf(file: string): string {
  const folder = path.basename(path.dirname(file));
  const name = path.basename(file, ".md");
  const [year] = name.split("-");
  return `/${folder}/${year}/${name.replace(/^\d{4}-\d{2}-\d{2}-/, "")}/`;
}

async function pageHolds(url: string, text: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    return response.ok && (await response.text()).includes(text);
  } catch {
    return false;
  }
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
    // The server's start message is ours and Swedish (src/eleventy/network.ts): ask the server itself instead.
    const serving = async (): Promise<boolean> => {
      try {
        return (await fetch(`http://127.0.0.1:${port}/`)).ok;
      } catch {
        return false;
      }
    };
    await until(async () => exited || (wrote(0) >= 0 && watching() && (await serving())), TIMEOUT_MS, "the first build", 50);
    if (exited) throw new Error(`dev server exited before its first build:\n${events.map((event) => event.line).join("\n").slice(-4000)}`);
    const firstBuildMs = (events[wrote(0)] as { at: number }).at - started;

    // Documents spread over the corpus: the newest (on the start page and in every feed) and older ones.
    const files = (fs.readdirSync(corpusDir, { recursive: true }) as string[]).filter((file) => file.endsWith(".md")).sort();
    const rebuilds: Rebuild[] = [];
    for (let edit = 0; edit < edits; edit++) {
      const file = path.join(corpusDir, files[files.length - 1 - Math.floor((edit * files.length) / Math.max(edits, 1))] as string);
      const marker = `Benchmarkändring ${edit + 1} ${Date.now()}`;
      const page = `http://127.0.0.1:${port}${sitePathOf(file)}`;
      // The editor has the page open before saving.
      await until(async () => exited || (await pageHolds(page, "</html>")), TIMEOUT_MS, `the page ${page}`, 20);
      const from = events.length;
      const saved = performance.now();
      fs.appendFileSync(file, `\n${marker}.\n`);
      // Every 20 ms: each request renders the page, and the server should not spend its time on the bench.
      await until(async () => exited || (await pageHolds(page, marker)), TIMEOUT_MS, `the edit on ${page}`, 20);
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

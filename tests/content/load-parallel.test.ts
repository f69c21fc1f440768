// Loading on every core (src/content/load-parallel.ts) gives what loading on one thread gives: the same documents,
// problems and messages in the same order, the link check included; a build's bodies rendered while loading are
// the pages' HTML; a worker that fails stops the load with an error instead of dropping files or hanging.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { writeCorpus } from "../../bench/corpus.ts";
import { storeFileOf } from "../../src/content/disk-cache.ts";
import { mapInPool } from "../../src/content/load-parallel.ts";
import type { LoadResult, ParallelLoadOptions } from "../../src/content/load.ts";
import { FIXED_NOW, markdownFile, writeContent } from "../helpers/build.ts";
import { MIXED } from "../helpers/mixed-fixture.ts";

const BROKEN = "tests/fixtures/broken";

function news(fields: Record<string, unknown>, body = "Text."): string {
  return markdownFile({ title: "En nyhet", date: "2024-01-15", summary: "Kort.", organisation: "nns", ...fields }, body);
}

let dir: string;

beforeAll(() => {
  // Valid, broken and warned-about files of every kind the loader and its checks report, among a generated corpus.
  dir = writeContent({
    "nyheter/2024-01-10-datum.md": news({ title: "Datum", date: "10 januari 2024" }),
    "nyheter/2024-01-11-organisation.md": news({ title: "Organisation", date: "2024-01-11", organisation: "okand" }),
    "nyheter/2024-01-12-dubblett.md": news({ title: "Dubblett A", date: "2024-01-12" }),
    "nyheter/2024-03-12-dubblett.md": news({ title: "Dubblett B", date: "2024-03-12" }),
    "nyheter/2024-01-13-lankar.md": news(
      { title: "Länkar", date: "2024-01-13" },
      "Se [kontakt](/kontakt/), [saknas](/nyheter/2023/finns-inte/) och [utkastet](/brev/2024/utkast/).\n\n![Karta](/bilder/karta.png)",
    ),
    "nyheter/2024-01-14-alt.md": news({ title: "Alt", date: "2024-01-14" }, "Text.\n\n![](/bilder/styrelsen.jpg)"),
    "nyheter/2024-01-15-rubriker.md": news({ title: "Rubriker", date: "2024-01-15" }, "# Huvudrubrik\n\n## Del\n\n#### Detalj\n\n[ref]: /nyheter/2022/ref/\n\nSe [ref]."),
    "nyheter/2024-01-16-personnummer.md": news({ title: "Personnummer", date: "2024-01-16" }, "Ring 070-123 45 67 eller skriv till anna@example.se, pnr 19121212-1212."),
    "nyheter/2024-01-17-crlf.md": `\uFEFF${news({ title: "Radslut", date: "2024-01-17" }, "## Rubrik\r\n\r\nText med [länk](/nyheter/).\r\n")}`.replace(/\n/g, "\r\n"),
    "nyheter/2024-01-18-.md": news({ title: "Inget namn", date: "2024-01-18" }),
    "nyheter/2024-01-19-utan-front-matter.md": "Bara text.\n",
    "okand/2024-01-20-fel-mapp.md": news({ title: "Fel mapp", date: "2024-01-20" }),
    "brev/2024-02-01-utkast.md": markdownFile({
      title: "Utkast till styrelsen",
      date: "2024-02-01",
      summary: "Inte klart.",
      organisation: "blekinge",
      draft: true,
      sender: "Anna Andersson",
      recipient: "Styrelsen",
    }),
  });
  for (const fixture of [MIXED, BROKEN]) fs.cpSync(fixture, dir, { recursive: true });
  writeCorpus(dir, { documents: 80 });
});

afterAll(() => {
  fs.rmSync(storeFileOf(dir), { force: true });
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A new process as far as the loader knows: its caches start empty. */
async function freshModules() {
  vi.resetModules();
  const load = await import("../../src/content/load.ts");
  const markdown = await import("../../src/markdown.ts");
  return { ...load, ...markdown };
}

async function serial(options: { persist?: boolean } = {}): Promise<LoadResult> {
  const { loadContent } = await freshModules();
  return loadContent(dir, FIXED_NOW, options);
}

async function parallel(options: ParallelLoadOptions): Promise<LoadResult> {
  const { loadContentParallel } = await freshModules();
  return loadContentParallel(dir, FIXED_NOW, options);
}

describe("loading on every core", () => {
  let expected: LoadResult;

  beforeAll(async () => {
    expected = await serial();
    // The tree has what it is meant to have: documents, errors, warnings and link-check findings.
    expect(expected.documents.length).toBeGreaterThan(80);
    const messages = expected.problems.map((problem) => `${problem.severity}: ${problem.message}`);
    for (const part of ["fel: fältet \"date\"", "varning: rubriken", "saknar alt-text", "finns-inte", "samma adress", "dokumentmapparna", "front matter"]) {
      expect(messages.some((message) => message.includes(part)), part).toBe(true);
    }
  });

  it.each([
    ["one worker, the main thread reading nothing", { workers: 1, mainThreadReads: false }],
    ["two workers, the main thread reading nothing", { workers: 2, mainThreadReads: false }],
    ["one worker beside the main thread", { workers: 1 }],
    ["no worker", { workers: 0 }],
    ["rendering the bodies on the way", { workers: 1, mainThreadReads: false, render: { pathPrefix: "/finsam/" } }],
  ] satisfies [string, ParallelLoadOptions][])("gives the serial result with %s", async (_name, options) => {
    const result = await parallel(options);
    expect(result.documents).toStrictEqual(expected.documents);
    expect(result.problems).toStrictEqual(expected.problems);
    expect(result.files).toStrictEqual(expected.files);
  });

  it("gives the serial result with workers started on the files before the loader was loaded (as the commands do)", async () => {
    const { loadContentParallel, listMarkdownFiles } = await freshModules();
    const { startPool } = await import("../../src/content/load-parallel.ts");
    const root = path.resolve(dir);
    const tasks = listMarkdownFiles(dir).map((file) => ({ file: path.resolve(file) }));
    const pool = await startPool(1, undefined, { tasks, job: { root } });
    const result = await loadContentParallel(dir, FIXED_NOW, { pool, mainThreadReads: false });
    expect(result.documents).toStrictEqual(expected.documents);
    expect(result.problems).toStrictEqual(expected.problems);
    expect(pool.used).toBe(true);
  });

  it("gives the serial result with a worker that loads its TypeScript through tsx (when no bundle can be made)", async () => {
    const { loadContentParallel } = await freshModules();
    const { startPool } = await import("../../src/content/load-parallel.ts");
    const pool = await startPool(1, undefined, undefined, { bundle: false });
    const result = await loadContentParallel(dir, FIXED_NOW, { pool, workers: 1, mainThreadReads: false });
    expect(result.documents).toStrictEqual(expected.documents);
    expect(result.problems).toStrictEqual(expected.problems);
  });

  it("leaves workers started on other files (or another rendering) aside and still gives the serial result", async () => {
    const { loadContentParallel, listMarkdownFiles } = await freshModules();
    const { startPool } = await import("../../src/content/load-parallel.ts");
    const root = path.resolve(dir);
    const tasks = listMarkdownFiles(dir).map((file) => ({ file: path.resolve(file) }));
    for (const work of [
      { tasks: tasks.slice(1), job: { root } },
      { tasks, job: { root, render: { pathPrefix: "/" } } },
    ]) {
      const pool = await startPool(1, undefined, work);
      const result = await loadContentParallel(dir, FIXED_NOW, { pool, workers: 1, mainThreadReads: false });
      expect(result.documents).toStrictEqual(expected.documents);
      expect(result.problems).toStrictEqual(expected.problems);
    }
  });

  it("renders each body while loading as the page would, with the path prefix, and counts the same words", async () => {
    const { loadContentParallel, renderBody, bodyWordCount } = await freshModules();
    const { documents } = await loadContentParallel(dir, FIXED_NOW, { workers: 1, mainThreadReads: false, render: { pathPrefix: "/finsam/" } });
    const linked = documents.find((document) => document.fileSlug === "lankar");
    for (const document of documents) {
      // A copy is not primed: renderBody parses and renders it on the spot.
      const copy = { ...document };
      expect(renderBody(document, "/finsam/")).toBe(renderBody(copy, "/finsam/"));
      expect(bodyWordCount(document)).toBe(bodyWordCount(copy));
    }
    expect(linked && renderBody(linked, "/finsam/")).toContain('href="/finsam/kontakt/"');
    // Another prefix is rendered afresh, not taken from the primed HTML.
    expect(linked && renderBody(linked, "/")).toContain('href="/kontakt/"');
  });

  it("keeps and reuses the cache on disk as the serial path does", async () => {
    fs.rmSync(storeFileOf(dir), { force: true });
    const written = await parallel({ workers: 1, mainThreadReads: false, persist: true });
    expect(fs.existsSync(storeFileOf(dir))).toBe(true);
    const comparable = (result: LoadResult) =>
      JSON.parse(JSON.stringify({ documents: result.documents.map((document) => ({ ...document, body: document.body })), problems: result.problems }));
    expect(comparable(written)).toEqual(comparable(expected));
    // Read back by the serial path, by the parallel one (checking, then building: stored documents rendered anew).
    expect(comparable(await serial({ persist: true }))).toEqual(comparable(expected));
    expect(comparable(await parallel({ workers: 1, mainThreadReads: false, persist: true }))).toEqual(comparable(expected));
    const { loadContentParallel, renderBody } = await freshModules();
    const built = await loadContentParallel(dir, FIXED_NOW, { workers: 1, mainThreadReads: false, persist: true, render: { pathPrefix: "/" } });
    expect(comparable(built)).toEqual(comparable(expected));
    for (const [index, document] of built.documents.entries()) {
      expect(renderBody(document)).toBe(renderBody({ ...(expected.documents[index] as (typeof built.documents)[number]) }));
    }
  });
});

describe("npm run check with a loading worker (FINSAM_LOAD_WORKERS=1: one whatever the number of files)", () => {
  let large: string;

  beforeAll(() => {
    large = writeContent({});
    fs.cpSync(dir, large, { recursive: true });
    writeCorpus(large, { documents: 400 });
  });

  afterAll(() => fs.rmSync(large, { recursive: true, force: true }));

  function check(workers: string, nodeOptions: readonly string[] = []) {
    const result = spawnSync(process.execPath, [...nodeOptions, "--import", "tsx", "src/cli/check.ts", "--content", large, "--json"], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      encoding: "utf8",
      env: { ...process.env, FINSAM_CACHE: "0", FINSAM_LOAD_WORKERS: workers },
    });
    const report = JSON.parse(result.stdout) as { summary: { seconds: number } };
    report.summary.seconds = 0;
    return { code: result.status, report, stderr: result.stderr };
  }

  it("reports what the main thread alone reports, also under Node options a worker thread may not take", () => {
    const alone = check("0");
    expect(alone.code).toBe(1);
    const parallel = check("1", ["--max-old-space-size=2048", "--heap-growing-percent=30"]);
    expect(parallel.stderr).toBe("");
    expect(parallel.code).toBe(alone.code);
    expect(parallel.report).toEqual(alone.report);
  });
});

describe("a loading worker that fails", () => {
  const tasks = Array.from({ length: 40 }, (_, index) => index);
  const failing = new URL("../helpers/failing-load-worker.ts", import.meta.url);

  it.each(["throw", "exit", "quiet-exit"])("rejects the load (%s) instead of hanging or dropping files", async (mode) => {
    await expect(mapInPool(tasks, { mode }, (task) => task, { workers: 1, mainThread: false, entry: failing })).rejects.toThrow(/inläsningstråd/);
  });

  it("rejects the load with the worker's error when reading a file throws there", async () => {
    const { readFile } = await import("../../src/content/read.ts");
    const missing = [{ file: path.join(dir, "nyheter/finns-inte.md") }];
    await expect(mapInPool(missing, { root: dir }, (task) => readFile(task.file, dir), { workers: 1, mainThread: false })).rejects.toThrow(/ENOENT/);
  });
});

// Loading on every core (src/content/pool.ts) gives what loading on the main thread alone gives: the same documents,
// problems and messages in the same order, the site-wide checks included; bodies rendered while loading are the HTML
// a page would render itself; a file that cannot be read in a worker fails the load instead of dropping it. A large
// folder read on the main thread, with a second thread reading ahead, gives what reading file by file gives.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../../bench/corpus.ts";
import { loadingWorkers, readFiles } from "../../../src/content/pool.ts";
import { readBatch } from "../../../src/content/read.ts";
import { listMarkdownFiles } from "../../../src/content/files.ts";
import { renderMarkdown } from "../../../src/text/markdown.ts";
import { siteModelFrom } from "../../../src/site-model/model.ts";
import { loadSite, type SiteLoadOptions } from "../../../src/site-model/site-checks.ts";
import type { LoadResult } from "../../../src/content/load.ts";
import { FIXED_NOW, markdownFile, writeContent } from "../../helpers/build.ts";
import { MIXED } from "../../helpers/mixed-fixture.ts";

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
    "nyheter/2024-01-21-skript.md": news({ title: "Skript", date: "2024-01-21" }, "[klicka](javascript:alert(1))"),
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

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const load = (options: Omit<SiteLoadOptions, "now"> = {}): Promise<LoadResult> => loadSite(dir, { now: FIXED_NOW, ...options });

describe("loading on every core", () => {
  let expected: LoadResult;

  beforeAll(async () => {
    expected = await load({ workers: 0 });
    // The tree has what it is meant to have: documents, errors, warnings and site-wide findings.
    expect(expected.documents.length).toBeGreaterThan(80);
    const messages = expected.problems.map((problem) => `${problem.severity}: ${problem.message}`);
    for (const part of ["fel: fältet \"date\"", "varning: rubriken", "saknar alt-text", "finns-inte", "samma adress", "dokumentmapparna", "front matter", "javascript:"]) {
      expect(messages.some((message) => message.includes(part)), part).toBe(true);
    }
  });

  it.each([
    ["one worker, the main thread reading nothing", { workers: 1, mainThreadReads: false }],
    ["two workers, the main thread reading nothing", { workers: 2, mainThreadReads: false }],
    ["one worker beside the main thread", { workers: 1 }],
    ["rendering the bodies on the way", { workers: 1, mainThreadReads: false, render: { pathPrefix: "/finsam/" } }],
  ] satisfies [string, Omit<SiteLoadOptions, "now">][])("gives the main thread's result with %s", async (_name, options) => {
    const result = await load(options);
    expect(result.documents).toStrictEqual(expected.documents);
    expect(result.problems).toStrictEqual(expected.problems);
    expect(result.files).toStrictEqual(expected.files);
    expect([...result.references.values()]).toStrictEqual([...expected.references.values()]);
    expect(result.rejected).toStrictEqual(expected.rejected);
  });

  it("renders each body while loading as the page would, with the path prefix, and counts the same words", async () => {
    const options = { contentDir: dir, siteUrl: "https://finsam.example", pathPrefix: "/finsam/", mode: "production" as const, now: FIXED_NOW };
    const rendered = await load({ workers: 1, render: { pathPrefix: "/finsam/" } });
    expect(rendered.rendered.size).toBe(rendered.documents.length);
    const withBodies = siteModelFrom(options, { ...rendered, problems: [] }, FIXED_NOW);
    // A model without the loaded bodies renders each page's body itself.
    const without = siteModelFrom(options, { ...rendered, problems: [], rendered: new Map() }, FIXED_NOW);
    for (const document of rendered.documents) {
      expect(withBodies.wordCount(document)).toBe(without.wordCount(document));
      expect(withBodies.bodyHtml(document)).toBe(without.bodyHtml(document));
      expect(renderMarkdown(document.body, "/finsam/")).toBe(without.bodyHtml(document));
    }
    const linked = rendered.documents.find((document) => document.body.includes("[länk](/nyheter/)"));
    expect(linked && withBodies.bodyHtml(linked)).toContain('href="/finsam/nyheter/"');
  });

  it.each([
    ["on the main thread", { workers: 0 }],
    ["on a worker", { workers: 1, mainThreadReads: false }],
  ] satisfies [string, Omit<SiteLoadOptions, "now">][])("finds the same without the bodies (npm run check) %s", async (_name, options) => {
    const result = await load({ ...options, bodies: false });
    expect(result.bodies).toBe(false);
    expect(result.documents).toStrictEqual(expected.documents.map((document) => ({ ...document, body: "" })));
    expect(result.problems).toStrictEqual(expected.problems);
    expect([...result.references.values()]).toStrictEqual([...expected.references.values()]);
    expect(result.rejected).toStrictEqual(expected.rejected);
  });

  it("reads every file again after a load without bodies when the next one keeps them", async () => {
    const bodiless = await load({ workers: 0, bodies: false });
    const next = await load({ workers: 0, previous: bodiless });
    expect(next.documents).toStrictEqual(expected.documents);
    for (const file of next.files) expect(next.readings.get(file), file).not.toBe(bodiless.readings.get(file));
  });

  it("reads again only the files that changed since the previous load (the dev server)", async () => {
    const first = await load({ workers: 0 });
    const file = first.files.find((candidate) => candidate.endsWith("2024-01-14-alt.md")) as string;
    const later = new Date(Date.now() + 5_000);
    fs.writeFileSync(file, news({ title: "Alt ändrad", date: "2024-01-14" }, "Text.\n\n![Styrelsen](/bilder/styrelsen.jpg)"));
    fs.utimesSync(file, later, later);
    const second = await load({ workers: 0, previous: first });
    for (const candidate of first.files) {
      const same = second.readings.get(candidate) === first.readings.get(candidate);
      expect(same, candidate).toBe(candidate !== file);
    }
    expect(second.documents.find((document) => document.sourcePath.endsWith("2024-01-14-alt.md"))?.data.title).toBe("Alt ändrad");
  });
});

describe("npm run check on every core", () => {
  function check(workers: string, nodeOptions: string[] = []) {
    const result = spawnSync(process.execPath, [...nodeOptions, "src/cli/compiled.mjs", "check", "--content", dir, "--json"], {
      encoding: "utf8",
      env: { ...process.env, FINSAM_LOAD_WORKERS: workers },
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
  it("rejects the load with the worker's error instead of dropping the file", async () => {
    const files = [path.join(dir, "nyheter/2024-01-10-datum.md"), path.join(dir, "nyheter/finns-inte.md")];
    await expect(readFiles(files, { root: dir, workers: 1, mainThreadReads: false })).rejects.toThrow(/ENOENT/);
  });
});

describe("reading ahead on a second thread (a large folder on the main thread)", () => {
  let large: string;
  let files: string[];

  beforeAll(() => {
    large = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-read-ahead-"));
    writeCorpus(large, { documents: 300 });
    fs.cpSync(BROKEN, large, { recursive: true });
    // What the reading thread scans for: personal numbers and addresses, in a text that needs normalising and one that does not.
    const personal = "Ring 070-123 45 67 eller +46 8 123 456 78, skriv till anna@example.se, pnr 19121212-1212 och 121212 1212.";
    fs.writeFileSync(path.join(large, "nyheter/2024-01-16-personligt.md"), news({ title: "Personligt", date: "2024-01-16" }, personal));
    fs.writeFileSync(path.join(large, "nyheter/2024-01-17-crlf.md"), `\uFEFF${news({ title: "Radslut", date: "2024-01-17", summary: "Ring 070-123 45 67." }, personal)}`.replace(/\n/g, "\r\n"));
    files = listMarkdownFiles(large);
  });

  afterAll(() => fs.rmSync(large, { recursive: true, force: true }));

  it("gives what reading each file in turn gives, in the files' order", async () => {
    expect(files.length).toBeGreaterThan(300);
    const ahead = await readFiles(files, { root: large, workers: 0 });
    expect(ahead).toStrictEqual(readBatch({ files, root: large }));
    const messages = ahead.flatMap((reading) => reading.result.problems.map((problem) => problem.message)).join("\n");
    for (const kind of ["personnummer", "telefonnummer", "e-postadressen"]) expect(messages).toContain(kind);
  });

  it("rejects the load with the error reading on the main thread gives, for a file the thread could not read", async () => {
    const missing = [...files.slice(0, 250), path.join(large, "nyheter/finns-inte.md"), ...files.slice(250)];
    await expect(readFiles(missing, { root: large, workers: 0 })).rejects.toThrow(/ENOENT: no such file or directory, stat/);
  });
});

describe("how many loading workers", () => {
  it("starts none on two cores, where they do not pay off, and one per further core from four, for a large folder", () => {
    expect(loadingWorkers(10_000, true, {}, 2)).toBe(0);
    expect(loadingWorkers(10_000, false, {}, 4)).toBe(3);
    expect(loadingWorkers(3_000, false, {}, 8)).toBe(0);
    expect(loadingWorkers(2_000, true, {}, 8)).toBe(3);
  });

  it("takes FINSAM_LOAD_WORKERS whatever the folder and the cores", () => {
    expect(loadingWorkers(5, false, { FINSAM_LOAD_WORKERS: "2" }, 2)).toBe(2);
    expect(loadingWorkers(50_000, true, { FINSAM_LOAD_WORKERS: "0" }, 16)).toBe(0);
  });
});

// `npm run bench`: on generated corpora of N documents, measures side by side in one run this project's
// production build, the bare-Eleventy floor, `npm run check` and a one-document dev-server rebuild (median of
// several runs, wall time, CPU time and peak memory), plus output size and page weight; writes bench/RESULTS.md.
//   npm run bench -- --n 1000 --runs 3 [--only build,bare,check,dev,weight,images] [--photos 500] [--no-write] [--keep]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { writeCorpus, type CorpusStats, type Vocabulary } from "./corpus.ts";
import { bareBuild, check, compileCheck, prepareBareProject, productionBuild, type BuildSample, type CheckSample } from "./builds.ts";
import { devRebuilds, type DevResult } from "./dev.ts";
import { pageWeight, searchWeight, type PageWeight, type SearchWeight } from "./weight.ts";
import { measurePhotos, type PhotoResult } from "./photos.ts";
import { processContentImages } from "../src/outputs/images/renditions.ts";
import { MEMORY_SOURCE, ROOT, median, type Sample } from "./measure.ts";

const STEPS = ["build", "bare", "check", "dev", "weight", "images"] as const;
type Step = (typeof STEPS)[number];

const HELP = `npm run bench -- [--n 1000,10000] [--vocabulary bench,real] [--runs 3] [--only ${STEPS.join(",")}] [--photos 500] [--no-write] [--keep]

  --n       corpus sizes (documents), comma-separated or repeated; default 1000,10000
  --vocabulary  bench (about 100 words), real (dictionary-sv, Zipf: the targets are judged on it), or both (default)
  --runs    runs per measurement (median reported); the dev server gets as many one-document edits; default 3
  --only    measure only these
  --photos  photos for the images step (default 500), measured on the largest corpus with the real vocabulary:
            the first build encodes them all, the next ones find them in the image cache
  --no-write  print the results without updating bench/RESULTS.md
  --keep    keep the temporary corpora and outputs (their folder is printed)`;

/** The issue's targets, at 10,000 documents. */
const TARGET_N = 10_000;
const BUILD_VS_FLOOR = 1.5;
const MEMORY_LIMIT_MB = 1024;
const CHECK_LIMIT_MS = 3000;
const DEV_REBUILD_LIMIT_MS = 1000;
const INDEX_WAIT_LIMIT_MS = 1000;
const MANIFEST_LIMIT_GZIP = 8 * 1024;
const QUERY_LIMIT_GZIP = 60 * 1024;
/** A build with its photos' renditions already in the image cache, against the same corpus without photos (issue 13). */
const WARM_PHOTOS_VS_NONE = 1.1;

interface SizeResult {
  n: number;
  corpus: CorpusStats;
  vocabulary: Vocabulary;
  /** Every file read and checked, like the bare build. */
  builds: BuildSample[];
  bare: Sample[];
  checks: CheckSample[];
  dev?: DevResult;
  weight?: PageWeight;
  search?: SearchWeight;
  photos?: PhotoResult;
}

const seconds = (ms: number): string => (Number.isNaN(ms) ? "–" : ms < 1000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`);
const megabytes = (mb: number): string => (Number.isNaN(mb) ? "–" : `${Math.round(mb)} MB`);
const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const maxOf = (values: readonly number[]): number => (values.length === 0 ? Number.NaN : Math.max(...values));
const runsOf = (values: readonly number[]): string => values.map((value) => (value / 1000).toFixed(1)).join(" / ");

function log(message: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

async function measureSize(n: number, vocabulary: Vocabulary, runs: number, only: Set<Step>, keep: boolean, port: number, photos = 0): Promise<SizeResult> {
  // Inside the project, as content/ is: with a corpus elsewhere (/tmp) Eleventy's watcher takes a common root
  // of all watched paths, and the dev server took over a minute to notice the first save even at 200 documents.
  const workRoot = path.join(ROOT, "bench", ".work");
  fs.mkdirSync(workRoot, { recursive: true });
  fs.writeFileSync(path.join(workRoot, ".gitignore"), "*\n");
  const work = fs.mkdtempSync(path.join(workRoot, `n${n}-`));
  if (keep) log(`files for N = ${n} in ${work}`);
  try {
    const corpusDir = path.join(work, "content");
    const corpus = writeCorpus(corpusDir, { documents: n, vocabulary });
    log(`N = ${n} (${vocabulary}): corpus written (${corpus.words.toLocaleString("en")} words, ${(corpus.bytes / 1024 / 1024).toFixed(1)} MB)`);
    const bareDir = path.join(work, "bare");
    prepareBareProject(corpusDir, bareDir);
    const siteDir = path.join(work, "site");
    const result: SizeResult = { n, vocabulary, corpus, builds: [], bare: [], checks: [] };
    // The corpus's few images encoded once before any timed build: a site's builds find their renditions in the
    // image cache (kept by the pages workflow); what encoding costs is the images step's to measure.
    await processContentImages(corpusDir);

    // Interleaved, so a change in the machine's load touches every measurement alike.
    for (let run = 1; run <= runs; run++) {
      if (only.has("build") || (only.has("weight") && run === 1)) {
        const sample = await productionBuild(corpusDir, siteDir);
        result.builds.push(sample);
        log(`N = ${n} run ${run}: build ${seconds(sample.wallMs)}, ${megabytes(sample.maxRssMb)} ${JSON.stringify(sample.steps)}`);
      }
      if (only.has("bare")) {
        const sample = await bareBuild(bareDir, path.join(work, "bare-site"));
        result.bare.push(sample);
        log(`N = ${n} run ${run}: bare Eleventy ${seconds(sample.wallMs)}, ${megabytes(sample.maxRssMb)}`);
      }
      if (only.has("check")) {
        const sample = await check(corpusDir);
        if (sample.errors > 0 || sample.warnings > 0) throw new Error(`the corpus should be clean, but check found ${sample.errors} errors and ${sample.warnings} warnings`);
        result.checks.push(sample);
        log(`N = ${n} run ${run}: check ${seconds(sample.wallMs)}, ${megabytes(sample.maxRssMb)}`);
      }
    }
    if (only.has("weight") && result.builds.length > 0) {
      result.weight = pageWeight(siteDir);
      const { common, twoWords, rare } = result.corpus.queries;
      // The bench vocabulary's hundred words leave no word in one document only.
      const queries = [
        { label: "one word", query: common },
        { label: "two words", query: twoWords },
        { label: "rare word", query: rare },
      ];
      result.search = await searchWeight(siteDir, queries.filter(({ query }) => query !== ""));
    }
    fs.rmSync(path.join(work, "bare-site"), { recursive: true, force: true });
    fs.rmSync(siteDir, { recursive: true, force: true });

    // Last: these edit corpus files.
    if (photos > 0) {
      log(`N = ${n}: ${photos} photos…`);
      result.photos = await measurePhotos(corpusDir, siteDir, photos, runs, log);
      fs.rmSync(siteDir, { recursive: true, force: true });
    }
    if (only.has("dev")) {
      log(`N = ${n}: dev server…`);
      result.dev = await devRebuilds(corpusDir, path.join(work, "dev-site"), runs, port);
      log(
        `N = ${n}: dev first build ${seconds(result.dev.firstBuildMs)}, rebuilds ${result.dev.rebuilds.map((rebuild) => seconds(rebuild.totalMs)).join(", ")}, ${megabytes(result.dev.session.maxRssMb)}`,
      );
    }
    return result;
  } finally {
    if (!keep) fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The photo variant: its first build, its builds with the cache warm against the build without photos, the bytes. */
function photoRows(result: SizeResult, photos: PhotoResult): Row[] {
  const without = median(result.builds.map((sample) => sample.wallMs));
  const warm = median(photos.warm.map((sample) => sample.wallMs));
  const limit = without * WARM_PHOTOS_VS_NONE;
  const gigabytes = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  const share = ((photos.publishedBytes / photos.originalBytes) * 100).toFixed(1);
  return [
    {
      n: result.n,
      measurement: `with ${photos.photos} photos (${gigabytes(photos.originalBytes)} of originals), first build: every rendition encoded; publishes ${gigabytes(photos.publishedBytes)} of images (${share} % of the originals)`,
      wallMs: photos.cold.wallMs,
      runs: "",
      cpuMs: photos.cold.cpuMs,
      rssMb: photos.cold.maxRssMb,
      target: "",
    },
    {
      n: result.n,
      measurement: `with ${photos.photos} photos, the image cache warm${Number.isNaN(without) ? "" : `: ${(warm / without).toFixed(2)} × the build without photos`}`,
      wallMs: warm,
      runs: runsOf(photos.warm.map((sample) => sample.wallMs)),
      cpuMs: median(photos.warm.map((sample) => sample.cpuMs)),
      rssMb: maxOf(photos.warm.map((sample) => sample.maxRssMb)),
      target: Number.isNaN(without) ? "" : `< ${WARM_PHOTOS_VS_NONE} × (${seconds(limit)})`,
      pass: Number.isNaN(without) ? undefined : warm < limit,
    },
  ];
}

interface Row {
  n: number;
  measurement: string;
  wallMs: number;
  runs: string;
  cpuMs: number;
  rssMb: number;
  target: string;
  pass?: boolean;
}

function rowsFor(result: SizeResult): Row[] {
  const rows: Row[] = [];
  // The targets are judged on the real vocabulary (issue 11); the bench corpus is kept beside it for comparison.
  const targeted = result.n === TARGET_N && result.vocabulary === "real";
  const floor = median(result.bare.map((sample) => sample.wallMs));
  /** A part of the row above: wall times only. */
  const partRow = (text: string, values: readonly number[]): void => {
    if (values.length > 0) rows.push({ n: result.n, measurement: `  └ ${text}`, wallMs: median(values), runs: runsOf(values), cpuMs: Number.NaN, rssMb: Number.NaN, target: "" });
  };
  const buildRows = (samples: readonly BuildSample[], label: string): void => {
    if (samples.length === 0) return;
    const wall = median(samples.map((sample) => sample.wallMs));
    const rss = maxOf(samples.map((sample) => sample.maxRssMb));
    const limit = floor * BUILD_VS_FLOOR;
    const ratio = (ms: number) => (Number.isNaN(floor) ? "" : `: ${(ms / floor).toFixed(2)} × floor`);
    rows.push({
      n: result.n,
      measurement: `${label}${ratio(wall)}`,
      wallMs: wall,
      runs: runsOf(samples.map((sample) => sample.wallMs)),
      cpuMs: median(samples.map((sample) => sample.cpuMs)),
      rssMb: rss,
      target: targeted ? `≤ ${BUILD_VS_FLOOR} × floor (${seconds(limit)}), < 1 GiB` : "",
      pass: targeted ? wall <= limit && rss < MEMORY_LIMIT_MB : undefined,
    });
    const step = (name: string, text: string) => {
      partRow(text, samples.map((sample) => sample.steps[name]).filter((value): value is number => value !== undefined));
    };
    step("load", "load and validate content");
    step("eleventy", "Eleventy: render and write pages, copy assets (search index included)");
    step("search-index-total", "search index in its worker thread, from its start to written (beside the rendering)");
    const waits = samples.map((sample) => sample.steps["search-index"]).filter((value): value is number => value !== undefined);
    if (waits.length > 0) {
      const wait = median(waits);
      rows.push({
        n: result.n,
        measurement: "… of that, what the build waits for after rendering (eleventy.after)",
        wallMs: wait,
        runs: runsOf(waits),
        cpuMs: Number.NaN,
        rssMb: Number.NaN,
        target: targeted ? `≤ ${seconds(INDEX_WAIT_LIMIT_MS)}` : "",
        pass: targeted ? wait <= INDEX_WAIT_LIMIT_MS : undefined,
      });
    }
  };
  buildRows(result.builds, "production build (`npm run build`)");
  if (result.bare.length > 0) {
    rows.push({
      n: result.n,
      measurement: "bare Eleventy, same Markdown, one layout (floor)",
      wallMs: floor,
      runs: runsOf(result.bare.map((sample) => sample.wallMs)),
      cpuMs: median(result.bare.map((sample) => sample.cpuMs)),
      rssMb: maxOf(result.bare.map((sample) => sample.maxRssMb)),
      target: "",
    });
  }
  const checkRow = (samples: readonly CheckSample[], label: string): void => {
    if (samples.length === 0) return;
    const wall = median(samples.map((sample) => sample.wallMs));
    rows.push({
      n: result.n,
      measurement: label,
      wallMs: wall,
      runs: runsOf(samples.map((sample) => sample.wallMs)),
      cpuMs: median(samples.map((sample) => sample.cpuMs)),
      rssMb: maxOf(samples.map((sample) => sample.maxRssMb)),
      target: targeted ? `< ${seconds(CHECK_LIMIT_MS)}` : "",
      pass: targeted ? wall < CHECK_LIMIT_MS : undefined,
    });
  };
  checkRow(result.checks, "`npm run check`, whole process");
  if (result.dev) {
    const { dev } = result;
    rows.push({
      n: result.n,
      measurement: "dev server (`npm start`): first build",
      wallMs: dev.firstBuildMs,
      runs: "",
      cpuMs: dev.session.cpuMs,
      rssMb: dev.session.maxRssMb,
      target: "",
    });
    const total = median(dev.rebuilds.map((rebuild) => rebuild.totalMs));
    rows.push({
      n: result.n,
      measurement: "dev server: one document edited, save → page rewritten",
      wallMs: total,
      runs: runsOf(dev.rebuilds.map((rebuild) => rebuild.totalMs)),
      cpuMs: Number.NaN,
      rssMb: Number.NaN,
      target: targeted ? `< ${seconds(DEV_REBUILD_LIMIT_MS)}` : "",
      pass: targeted ? total < DEV_REBUILD_LIMIT_MS : undefined,
    });
    partRow("save → Eleventy notices (chokidar waits 150 ms for the write to settle)", dev.rebuilds.map((rebuild) => rebuild.noticedMs));
    partRow("noticed → Eleventy's “Wrote …” (new model; the few pages not rendered on request)", dev.rebuilds.map((rebuild) => rebuild.rebuildMs));
  }
  if (result.photos) rows.push(...photoRows(result, result.photos));
  return rows;
}

function machineFacts(loadBefore: number[], loadAfter: number[], started: Date): string[] {
  const cpus = os.cpus();
  const eleventy = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/@11ty/eleventy/package.json"), "utf8")) as { version: string };
  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(", ");
  return [
    `- Date: ${started.toISOString().replace("T", " ").slice(0, 16)} UTC`,
    `- Machine: ${cpus.length} cores (${cpus[0]?.model ?? "unknown"}), ${Math.round(os.totalmem() / 1024 ** 3)} GiB memory, ${os.platform()} ${os.release()}`,
    `- Node ${process.version}, Eleventy ${eleventy.version}`,
    `- Load average (1, 5, 15 min) at the start: ${load(loadBefore)}; at the end: ${load(loadAfter)}. Other work on the machine inflates wall times; CPU time (user + system, children included) is the steadier figure.`,
    `- Peak memory: ${MEMORY_SOURCE}; the build row shows the highest of its runs.`,
  ];
}

function renderResults(results: SizeResult[], runs: number, facts: string[]): string {
  const lines: string[] = [];
  lines.push(`Median of ${runs} run${runs === 1 ? "" : "s"} per measurement; each run is a fresh process into a fresh output folder.`, "");
  lines.push(...facts, "");
  lines.push("| N | corpus | measurement | median wall | runs (s) | CPU | peak RSS | target | pass/fail |");
  lines.push("| ---: | --- | --- | ---: | --- | ---: | ---: | --- | --- |");
  for (const result of results) {
    for (const row of rowsFor(result)) {
      const verdict = row.pass === undefined ? "" : row.pass ? "pass" : "**fail**";
      lines.push(
        `| ${row.n.toLocaleString("en")} | ${result.vocabulary} | ${row.measurement} | ${seconds(row.wallMs)} | ${row.runs} | ${seconds(row.cpuMs)} | ${megabytes(row.rssMb)} | ${row.target} | ${verdict} |`,
      );
    }
  }
  lines.push("");
  const corpora = results.map(
    (result) =>
      `- N = ${result.n.toLocaleString("en")}, ${result.vocabulary === "real" ? "real vocabulary (dictionary-sv, Zipf)" : "bench vocabulary (about 100 words)"}: ${Object.entries(result.corpus.byType).map(([type, count]) => `${count} ${type}`).join(", ")}; ` +
      `${Math.round(result.corpus.words / result.n)} words a document on average, ${(result.corpus.bytes / 1024 / 1024).toFixed(1)} MB of Markdown (bench/corpus.ts, seed 20261124)`,
  );
  lines.push("Corpora:", "", ...corpora, "");

  const weighed = results.filter((result) => result.weight);
  if (weighed.length > 0) {
    lines.push("### Output and page weight", "");
    lines.push("| N | files | output | HTML pages | HTML total | article page HTML (gzip) | CSS (gzip) | JS on the article page | pages with JS |");
    lines.push("| ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | --- |");
    for (const { n, weight } of weighed) {
      if (!weight) continue;
      const { article } = weight;
      lines.push(
        `| ${n.toLocaleString("en")} | ${weight.files.toLocaleString("en")} | ${(weight.totalBytes / 1024 / 1024).toFixed(1)} MB | ${weight.htmlPages.toLocaleString("en")} | ${(weight.htmlBytes / 1024 / 1024).toFixed(1)} MB | ` +
          `${kilobytes(article.htmlBytes)} (${kilobytes(article.htmlGzip)}) | ${kilobytes(article.cssBytes)} (${kilobytes(article.cssGzip)}) | ${article.jsBytes} B | ` +
          `${weight.pagesWithJs.length === 0 ? "none" : weight.pagesWithJs.slice(0, 5).join(", ")}${weight.pagesWithJs.length > 5 ? ` and ${weight.pagesWithJs.length - 5} more` : ""} |`,
      );
    }
    const last = weighed[weighed.length - 1]?.weight;
    if (last) {
      lines.push(
        "",
        `The article page measured is the median-sized one (${last.article.path} at N = ${weighed[weighed.length - 1]?.n.toLocaleString("en")}). ` +
          `The search page loads ${kilobytes(last.search.scriptBytes)} (${kilobytes(last.search.scriptGzip)} gzipped) of script: search.js and the modules it imports, the stemmer included.`,
      );
    }
    const indexed = results.filter((result) => result.search);
    if (indexed.length > 0) {
      lines.push(
        "",
        "Search index (/sok/index/), raw (gzip): every file, the manifest every search loads first (target at 10,000: ≤ 8 KB gzip), and the largest single file.",
        "",
        "| N | corpus | files | total | manifest | largest file | manifest target |",
        "| ---: | --- | ---: | ---: | ---: | ---: | --- |",
      );
      const both = (bytes: { raw: number; gzip: number }) => `${kilobytes(bytes.raw)} (${kilobytes(bytes.gzip)})`;
      const verdict = (n: number, pass: boolean) => (n === TARGET_N ? (pass ? "pass" : "**fail**") : "");
      for (const { n, vocabulary, search } of indexed) {
        if (!search) continue;
        lines.push(
          `| ${n.toLocaleString("en")} | ${vocabulary} | ${search.files.toLocaleString("en")} | ${both(search.total)} | ${both(search.manifest)} | ${both(search.largest)} | ` +
            `${verdict(n, search.manifest.gzip <= MANIFEST_LIMIT_GZIP)} |`,
        );
      }
      lines.push(
        "",
        "What a query fetches on a freshly opened search page (manifest, its words' shard tables and shards, the document chunks of the first 20 results), " +
          "and that with the page's scripts (target at 10,000: ≤ 60 KB gzip). The words come from the corpus: the word in the most documents, the two in the " +
          "most documents, and a long word in one document only.",
        "",
        "| N | corpus | query | words | hits | files fetched | fetched, raw (gzip) | with the scripts, gzip | target |",
        "| ---: | --- | --- | --- | ---: | ---: | ---: | ---: | --- |",
      );
      for (const { n, vocabulary, search } of indexed) {
        for (const query of search?.queries ?? []) {
          lines.push(
            `| ${n.toLocaleString("en")} | ${vocabulary} | ${query.label} | “${query.query}” | ${query.hits.toLocaleString("en")} | ${query.fetched.files} | ` +
              `${both(query.fetched)} | ${kilobytes(query.withScriptsGzip)} | ${verdict(n, query.withScriptsGzip <= QUERY_LIMIT_GZIP)} |`,
          );
        }
      }
    }
    lines.push("");
  }
  return lines.join("\n");
}

const START = "<!-- bench:results:start -->";
const END = "<!-- bench:results:end -->";

function writeResults(file: string, generated: string): void {
  const existing = fs.existsSync(file)
    ? fs.readFileSync(file, "utf8")
    : `# Benchmark results\n\n\`npm run bench\` writes the part between the markers; the rest is written by hand.\n\n${START}\n${END}\n\n## Findings\n`;
  const start = existing.indexOf(START);
  const end = existing.indexOf(END);
  const updated =
    start >= 0 && end > start
      ? `${existing.slice(0, start + START.length)}\n${generated}\n${existing.slice(end)}`
      : `${existing.trimEnd()}\n\n${START}\n${generated}\n${END}\n`;
  fs.writeFileSync(file, updated);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      n: { type: "string", multiple: true },
      runs: { type: "string" },
      only: { type: "string" },
      vocabulary: { type: "string" },
      "no-write": { type: "boolean" },
      keep: { type: "boolean" },
      port: { type: "string" },
      photos: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const sizes = (values.n ?? ["1000,10000"]).flatMap((value) => value.split(",")).map((value) => Number(value.trim()));
  const vocabularies = (values.vocabulary ?? "bench,real").split(",").map((value) => value.trim()) as Vocabulary[];
  const runs = Number(values.runs ?? 3);
  const only = new Set((values.only ?? STEPS.join(",")).split(",").map((value) => value.trim()) as Step[]);
  if (vocabularies.some((vocabulary) => vocabulary !== "bench" && vocabulary !== "real") || sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(runs) || runs < 1 || [...only].some((step) => !STEPS.includes(step))) {
    console.error(HELP);
    return 2;
  }

  const started = new Date();
  const loadBefore = os.loadavg();
  const results: SizeResult[] = [];
  // Photos once: among the largest corpus's documents, with the vocabulary the targets are judged on.
  const photoN = Math.max(...sizes);
  const photoVocabulary = vocabularies.includes("real") ? "real" : vocabularies[0];
  const photos = only.has("images") ? Number(values.photos ?? 500) : 0;
  if (only.has("check")) await compileCheck();
  for (const n of sizes) {
    for (const vocabulary of vocabularies) {
      const here = n === photoN && vocabulary === photoVocabulary ? photos : 0;
      results.push(await measureSize(n, vocabulary, runs, only, values.keep ?? false, Number(values.port ?? 8765), here));
    }
  }
  const generated = renderResults(results, runs, machineFacts(loadBefore, os.loadavg(), started));
  console.log(`\n${generated}`);
  if (!values["no-write"]) {
    const file = path.join(ROOT, "bench", "RESULTS.md");
    writeResults(file, generated);
    log(`written to ${path.relative(process.cwd(), file)}`);
  }
  return 0;
}

process.exitCode = await main();

// `npm run build`: validate all content first (every problem, in Swedish, no stack trace), then build
// into a temporary folder and swap it into place, so a failed build never leaves a half-written site.
import { spawn } from "node:child_process";
import v8 from "node:v8";
import fs from "node:fs";
import path from "node:path";
import { outputDirFromEnv, siteOptionsFromEnv } from "../site/site.ts";
import { ContentError, formatProblem, formatReport } from "../content/problems.ts";
import { loadSite } from "../site-model/site-checks.ts";
import { siteModelFrom } from "../site-model/model.ts";
import { writeSite } from "../eleventy/run.ts";
import { addFocusedCards, processContentImages } from "../outputs/images/renditions.ts";

/** The staging folder while a build writes into it: removed again on every way out but success. */
let staging: string | undefined;
let settled = false;

async function main(): Promise<number> {
  // A build's live data only grows until it ends, so the room V8 leaves above it before its next full collection
  // (up to 4 times the live data when collecting looks cheap) is all peak memory. 30 % keeps the peak of a
  // 10,000-document build under 1 GiB at about the same CPU (bench/RESULTS.md, issue 11). Read at every collection,
  // so setting it here, before the content is loaded, takes effect for this process and its worker.
  v8.setFlagsFromString("--heap-growing-percent=30");
  const started = performance.now();
  // One "now" for the whole build: validation and pages agree on what is published.
  const options = { ...siteOptionsFromEnv(), now: new Date() };
  // A preview build shows drafts: it goes to the preview's folder, never where an upload takes the site from.
  const outputDir = outputDirFromEnv(options.mode);

  // FINSAM_TIMINGS=1: one "FINSAM_TIMING <step> <ms>" line per step on stderr, for bench/.
  const timing = process.env.FINSAM_TIMINGS ? (step: string, ms: number) => console.error(`FINSAM_TIMING ${step} ${Math.round(ms)}`) : undefined;
  // Images first: a body rendered while loading shows its images' renditions. Only new or changed originals are
  // encoded (src/outputs/images/renditions.ts); one sharp cannot read is left out here and reported by the check below.
  const { catalogue: images } = await processContentImages(options.contentDir);
  timing?.("images", performance.now() - started);
  // Each body rendered from the parse its checks make where loading workers spread it over cores (src/content/load.ts).
  const loadStarted = performance.now();
  // One moment for the whole build: the link check and the pages agree on what is published, and share collections.
  const now = options.now ?? new Date();
  const loaded = await loadSite(options.contentDir, { now, render: { pathPrefix: options.pathPrefix, images } });
  timing?.("load", performance.now() - loadStarted);
  const { documents, problems } = loaded;
  if (problems.some((problem) => problem.severity === "fel")) {
    console.error(formatReport(problems));
    return 1;
  }
  for (const warning of problems) console.warn(formatProblem(warning));
  await addFocusedCards(options.contentDir, images, documents);

  const stagingDir = `${outputDir.replace(/\/+$/, "")}.tmp-${process.pid}`;
  staging = stagingDir;
  fs.rmSync(stagingDir, { recursive: true, force: true });
  try {
    const eleventyStarted = performance.now();
    await writeSite(options, stagingDir, siteModelFrom(options, loaded, now, { images }), timing);
    timing?.("eleventy", performance.now() - eleventyStarted);
  } catch (error) {
    fs.rmSync(stagingDir, { recursive: true, force: true });
    // The copy of images and attachments lists the folder again: a link that appeared after loading stops it here.
    if (error instanceof ContentError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }

  const retiredDir = `${outputDir.replace(/\/+$/, "")}.old-${process.pid}`;
  if (fs.existsSync(outputDir)) fs.renameSync(outputDir, retiredDir);
  fs.renameSync(stagingDir, outputDir);
  staging = undefined;
  removeInBackground(retiredDir);

  const seconds = ((performance.now() - started) / 1000).toFixed(1).replace(".", ",");
  const pages = (fs.readdirSync(outputDir, { recursive: true }) as string[]).filter((file) => file.endsWith(".html")).length;
  console.log(
    `Klart: ${documents.length} dokument, ${pages} HTML-sidor i ${path.relative(process.cwd(), path.resolve(outputDir)) || "."}/ på ${seconds} s (${options.mode === "preview" ? "förhandsvisning" : "publicering"}, ${options.siteUrl}${options.pathPrefix}).`,
  );
  return 0;
}

/**
 * The new site is in place; the old one is only garbage. Deleting a site of 10,000 pages file by file took
 * seconds (far longer on a busy disk), so a detached process does it and the build returns at once.
 */
function removeInBackground(dir: string): void {
  if (!fs.existsSync(dir)) return;
  try {
    const remover = spawn(process.execPath, ["-e", "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })", dir], {
      detached: true,
      stdio: "ignore",
    });
    remover.on("error", () => fs.rmSync(dir, { recursive: true, force: true }));
    remover.unref();
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// A helper process that dies without a word (the search indexer's, say) can leave a promise that never
// settles; Node then runs out of work and would exit with code 0 in the middle of the build. That is a failure.
process.on("beforeExit", () => {
  if (settled) return;
  settled = true;
  if (staging) fs.rmSync(staging, { recursive: true, force: true });
  console.error("Bygget misslyckades av ett internt fel (inte i innehållet):");
  console.error("bygget tog slut innan sidorna var skrivna: en del av bygget (t.ex. sökindexeringen) svarade aldrig.");
  process.exitCode = 2;
});

main().then(
  (code) => {
    settled = true;
    process.exitCode = code;
  },
  (error: unknown) => {
    settled = true;
    // Content problems are caught above; anything here is a fault in the generator itself.
    console.error("Bygget misslyckades av ett internt fel (inte i innehållet):");
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 2;
  },
);

// `npm run build`: validate all content first (every problem, in Swedish, no stack trace), then build
// into a temporary folder and swap it into place, so a failed build never leaves a half-written site.
import fs from "node:fs";
import path from "node:path";
import { siteOptionsFromEnv } from "../site.ts";
import { loadContent } from "../content/load.ts";
import { formatProblem, formatReport } from "../content/problems.ts";
import { writeSite } from "../eleventy/run.ts";

async function main(): Promise<number> {
  const started = performance.now();
  // One "now" for the whole build: validation and pages agree on what is published.
  const options = { ...siteOptionsFromEnv(), now: new Date() };
  const outputDir = process.env.FINSAM_OUTPUT_DIR ?? "_site";

  const { documents, problems } = loadContent(options.contentDir, options.now);
  if (problems.some((problem) => problem.severity === "fel")) {
    console.error(formatReport(problems));
    return 1;
  }
  for (const warning of problems) console.warn(formatProblem(warning));

  const stagingDir = `${outputDir.replace(/\/+$/, "")}.tmp-${process.pid}`;
  fs.rmSync(stagingDir, { recursive: true, force: true });
  try {
    await writeSite(options, stagingDir);
  } catch (error) {
    fs.rmSync(stagingDir, { recursive: true, force: true });
    throw error;
  }

  const retiredDir = `${outputDir.replace(/\/+$/, "")}.old-${process.pid}`;
  if (fs.existsSync(outputDir)) fs.renameSync(outputDir, retiredDir);
  fs.renameSync(stagingDir, outputDir);
  fs.rmSync(retiredDir, { recursive: true, force: true });

  const seconds = ((performance.now() - started) / 1000).toFixed(1).replace(".", ",");
  const pages = (fs.readdirSync(outputDir, { recursive: true }) as string[]).filter((file) => file.endsWith(".html")).length;
  console.log(
    `Klart: ${documents.length} dokument, ${pages} HTML-sidor i ${path.relative(process.cwd(), path.resolve(outputDir)) || "."}/ på ${seconds} s (${options.mode === "preview" ? "förhandsvisning" : "publicering"}, ${options.siteUrl}${options.pathPrefix}).`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Content problems are caught above; anything here is a fault in the generator itself.
    console.error("Bygget misslyckades av ett internt fel (inte i innehållet):");
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 2;
  },
);

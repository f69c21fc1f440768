// The three one-shot measurements on a corpus: this project's production build (`npm run build`), the bare
// Eleventy floor (same Markdown, one minimal layout, no plugins, the same Eleventy) and `npm run check`.
import fs from "node:fs";
import path from "node:path";
import { ELEVENTY_CLI, ROOT, mustSucceed, runNode, type Sample } from "./measure.ts";
import { PROJECT, compiled } from "../src/runtime/compiled-modules.mjs";

const HOUR = 3_600_000;

export interface BuildSample extends Sample {
  /** Steps the build reported with FINSAM_TIMINGS (load, eleventy, search-index), in milliseconds. */
  steps: Record<string, number>;
}

/** `npm run build` as a separate process, into a fresh output folder. */
export async function productionBuild(corpusDir: string, outputDir: string, env: Record<string, string> = {}): Promise<BuildSample> {
  fs.rmSync(outputDir, { recursive: true, force: true });
  const sample = mustSucceed(
    "npm run build",
    await runNode(["--import", "tsx", "src/cli/build.ts"], {
      env: { FINSAM_CONTENT_DIR: corpusDir, FINSAM_OUTPUT_DIR: outputDir, FINSAM_MODE: "production", FINSAM_TIMINGS: "1", ...env },
      timeoutMs: HOUR,
    }),
  );
  const steps: Record<string, number> = {};
  for (const match of sample.stderr.matchAll(/^FINSAM_TIMING (\S+) (\d+)$/gm)) steps[match[1] as string] = Number(match[2]);
  return { ...sample, steps };
}

const BARE_CONFIG = `// The engine's floor: Markdown files with one layout, no plugins. Liquid is off for Markdown as in the real site.
module.exports = function (eleventyConfig) {
  eleventyConfig.addGlobalData("layout", "base.njk");
  return { dir: { input: "content", includes: "../_includes" }, markdownTemplateEngine: false, templateFormats: ["md"] };
};
`;

const BARE_LAYOUT = `<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ title }}</title></head>
<body><main><h1>{{ title }}</h1>{{ content | safe }}</main></body>
</html>
`;

/** A temporary Eleventy project whose input is the corpus itself (a symlink): front matter as is. */
export function prepareBareProject(corpusDir: string, projectDir: string): void {
  fs.mkdirSync(path.join(projectDir, "_includes"), { recursive: true });
  fs.writeFileSync(path.join(projectDir, "eleventy.config.cjs"), BARE_CONFIG);
  fs.writeFileSync(path.join(projectDir, "_includes", "base.njk"), BARE_LAYOUT);
  fs.rmSync(path.join(projectDir, "content"), { force: true });
  fs.symlinkSync(path.resolve(corpusDir), path.join(projectDir, "content"), "dir");
}

export async function bareBuild(projectDir: string, outputDir: string): Promise<Sample> {
  fs.rmSync(outputDir, { recursive: true, force: true });
  return mustSucceed(
    "bare Eleventy",
    await runNode([ELEVENTY_CLI, "--config=eleventy.config.cjs", `--output=${outputDir}`], { cwd: projectDir, timeoutMs: HOUR }),
  );
}

export interface CheckSample extends Sample {
  errors: number;
  warnings: number;
}

/**
 * The compiled command `npm run check` runs (src/runtime/compiled-modules.mjs), made before the first timed check: it is made
 * once after a change of the sources, not on every check, so a "cold" check is cold for the content, not the code.
 * Where it cannot be made the check would run through tsx, and be timed so without a word: that stops the bench.
 */
export async function compileCheck(): Promise<void> {
  if (!(await compiled(path.join(ROOT, "src/cli/check.ts"), PROJECT))) throw new Error("npm run check could not be compiled (src/runtime/compiled-modules.mjs): it would run through tsx");
}

/** `npm run check` on the corpus (JSON output, so the findings can be counted: the corpus must be clean). */
export async function check(corpusDir: string): Promise<CheckSample> {
  const sample = mustSucceed(
    "npm run check",
    await runNode(["src/cli/compiled.mjs", "check", "--content", corpusDir, "--json"], { cwd: ROOT, timeoutMs: HOUR }),
  );
  const { summary } = JSON.parse(sample.stdout) as { summary: { errors: number; warnings: number } };
  return { ...sample, errors: summary.errors, warnings: summary.warnings };
}

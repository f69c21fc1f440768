// `npm run build` renders each body while loading it, on the main thread and a loading worker, and the pages take
// that HTML (src/text/markdown.ts primeRenderedBody). The site it writes must be the one Eleventy writes when every page
// renders its body itself (an in-process build: its pages are not primed), page for page, with a path prefix.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../../bench/corpus.ts";
import { buildSite, writeContent, type BuiltSite } from "../../helpers/build.ts";
import { MIXED } from "../../helpers/mixed-fixture.ts";

const ROOT = path.resolve(import.meta.dirname, "../../..");

let contentDir: string;
let outputDir: string;
let command: ReturnType<typeof spawnSync>;
let reference: BuiltSite;

beforeAll(async () => {
  contentDir = writeContent({});
  fs.cpSync(MIXED, contentDir, { recursive: true });
  writeCorpus(contentDir, { documents: 300 });
  outputDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "finsam-site-")), "site");
  const now = new Date();
  command = spawnSync(process.execPath, ["--import", "tsx", "src/cli/build.ts"], {
    cwd: ROOT,
    encoding: "utf8",
    env: {
      ...process.env,
      FINSAM_CONTENT_DIR: contentDir,
      FINSAM_OUTPUT_DIR: outputDir,
      FINSAM_CACHE: "0",
      FINSAM_LOAD_WORKERS: "1",
      PATH_PREFIX: "/finsam/",
      SITE_URL: "https://finsam.example",
    },
  });
  reference = await buildSite(contentDir, { pathPrefix: "/finsam/", siteUrl: "https://finsam.example", now });
});

afterAll(() => {
  fs.rmSync(contentDir, { recursive: true, force: true });
  fs.rmSync(path.dirname(outputDir), { recursive: true, force: true });
  fs.rmSync(reference.outDir, { recursive: true, force: true });
});

describe("a build whose bodies were rendered while loading", () => {
  it("writes every page as a build whose pages render their bodies themselves", () => {
    expect(command.stderr).toBe("");
    expect(command.status).toBe(0);
    const pages = reference.files().filter((file) => file.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(300);
    for (const page of pages) expect(fs.readFileSync(path.join(outputDir, page), "utf8"), page).toBe(reference.read(page));
    // The prefix reached the bodies' own links.
    const article = pages.find((page) => page.startsWith("/nyheter/2026/"));
    expect(article && reference.read(article)).toMatch(/href="\/finsam\//);
  });
});

// Runs a real Eleventy build of a content tree into a temporary folder and reads what it wrote.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeSite } from "../../src/eleventy/run.ts";
import type { SiteOptions } from "../../src/site/site.ts";
import { DATA_FILE_NAMES, DATA_FOLDER, readSiteData, type SiteData } from "../../src/content/data-files.ts";
import { listContent } from "../../src/content/files.ts";
import { loadSite } from "../../src/site-model/site-checks.ts";
import { siteModelFrom, type SiteModel } from "../../src/site-model/model.ts";
import { processContentImages } from "../../src/outputs/images/renditions.ts";

/**
 * The data files every test content tree gets (settings, organisations, member agencies, accessibility statement):
 * the mixed fixture's, the one place they are written for tests. A test that needs others writes its own data/.
 */
export const FIXTURE_DATA = "tests/fixtures/mixed/data";

/** The fixture's data files as writeContent entries ("data/organisationer.yml" → text), to change one of them. */
export function fixtureDataFiles(): Record<string, string> {
  return Object.fromEntries(DATA_FILE_NAMES.map((name) => [`${DATA_FOLDER}/${name}`, fs.readFileSync(path.join(FIXTURE_DATA, name), "utf8")]));
}

/** Writes the fixture's data files into a content folder (made if need be), for a command run on it; returns the folder. */
export function writeFixtureData(contentDir: string): string {
  for (const [relative, text] of Object.entries(fixtureDataFiles())) {
    fs.mkdirSync(path.dirname(path.join(contentDir, relative)), { recursive: true });
    fs.writeFileSync(path.join(contentDir, relative), text);
  }
  return contentDir;
}

/**
 * The site model a build of these options makes (src/cli/build.ts): the folder loaded and checked, then modelled;
 * with `images`, the folder's images' renditions first, as a build makes them.
 */
export async function siteModelOf(options: SiteOptions, { images = false } = {}): Promise<SiteModel> {
  const now = options.now ?? new Date();
  const catalogue = images ? (await processContentImages(options.contentDir)).catalogue : undefined;
  return siteModelFrom(options, await loadSite(options.contentDir, { now }), now, catalogue ? { images: catalogue } : {});
}

/** The fixture's data, read and checked as a build reads it: for tests that make a model or events by hand. */
export function fixtureSiteData(): SiteData {
  const { data, problems } = readSiteData(path.dirname(FIXTURE_DATA), listContent(path.dirname(FIXTURE_DATA)).data);
  if (!data) throw new Error(`the fixture's data files have problems: ${JSON.stringify(problems)}`);
  return data;
}

export interface BuiltSite {
  outDir: string;
  options: SiteOptions;
  /** Contents of a built file by site path ("/nyheter/" reads nyheter/index.html). */
  read(sitePath: string): string;
  exists(sitePath: string): boolean;
  /** Every file written, as site paths ("/index.html"). */
  files(): string[];
}

export const FIXED_NOW = new Date("2026-11-24T12:00:00Z");

function fileFor(outDir: string, sitePath: string): string {
  const relative = sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath;
  return path.join(outDir, relative);
}

export async function buildSite(contentDir: string, overrides: Partial<SiteOptions> = {}): Promise<BuiltSite> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-build-"));
  const options: SiteOptions = {
    contentDir,
    siteUrl: "https://finsam.example",
    pathPrefix: "/",
    mode: "production",
    now: FIXED_NOW,
    ...overrides,
  };
  await writeSite(options, outDir);
  return {
    outDir,
    options,
    read: (sitePath) => fs.readFileSync(fileFor(outDir, sitePath), "utf8"),
    exists: (sitePath) => fs.existsSync(fileFor(outDir, sitePath)),
    files: () =>
      (fs.readdirSync(outDir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
        .filter((entry) => entry.isFile())
        .map((entry) => `/${path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`)
        .sort(),
  };
}

/**
 * Writes a content tree from { "nyheter/a.md": "…" } into a fresh temporary folder, with the fixture's data files
 * unless the tree names a data file of its own (or `data: false` leaves them out). Images are bytes
 * (tests/helpers/images.ts): the check reads what an image file really is.
 */
export function writeContent(files: Record<string, string | Uint8Array>, { data = true }: { data?: boolean } = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-content-"));
  const ownData = Object.keys(files).some((relative) => relative.startsWith(`${DATA_FOLDER}/`));
  for (const [relative, text] of Object.entries({ ...(data && !ownData ? fixtureDataFiles() : {}), ...files })) {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return dir;
}

/** Front matter from an object, for fixtures: keeps tests readable and YAML-correct. */
export function markdownFile(frontMatter: Record<string, unknown>, body = "Brödtext."): string {
  const yaml = Object.entries(frontMatter)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join("\n");
  return `---\n${yaml}\n---\n${body}\n`;
}

// Runs a real Eleventy build of a content tree into a temporary folder and reads what it wrote.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeSite } from "../../src/eleventy/run.ts";
import type { SiteOptions } from "../../src/site/site.ts";

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

/** Writes a content tree from { "nyheter/a.md": "…" } into a fresh temporary folder. */
export function writeContent(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-content-"));
  for (const [relative, text] of Object.entries(files)) {
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

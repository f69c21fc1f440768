// A build never publishes a symbolic link or what one points at: links in the content folder stop it, images and
// attachments are copied as regular files only, and nothing in the output is a link.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeSite } from "../../../src/eleventy/run.ts";
import { ContentError, displayPath } from "../../../src/content/problems.ts";
import { FIXED_NOW, buildSite, markdownFile, siteModelOf, writeContent } from "../../helpers/build.ts";
import { TEST_JPEG, TEST_PNG, TEST_WEBP } from "../../helpers/images.ts";
import type { SiteOptions } from "../../../src/site/site.ts";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const made: string[] = [];

afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function tree(files: Record<string, string | Uint8Array>): string {
  const dir = writeContent({
    "nyheter/2024-01-15-en-nyhet.md": markdownFile(
      { title: "En nyhet", date: "2024-01-15", summary: "Kort.", organisation: "nns" },
      "Text.\n\n![Styrelsen](/bilder/styrelsen.jpg)",
    ),
    "bilder/styrelsen.jpg": TEST_JPEG,
    ...files,
  });
  made.push(dir);
  return dir;
}

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Every symbolic link under a folder, found with lstat (never following one). */
function linksUnder(dir: string): string[] {
  const found: string[] = [];
  const visit = (at: string) => {
    for (const name of fs.readdirSync(at)) {
      const file = path.join(at, name);
      const stat = fs.lstatSync(file);
      if (stat.isSymbolicLink()) found.push(path.relative(dir, file));
      else if (stat.isDirectory()) visit(file);
    }
  };
  visit(dir);
  return found;
}

/** A folder outside the content tree that looks like a repository with a token in its configuration. */
function gitLikeFolder(): string {
  const repo = tempDir("finsam-repo-");
  fs.mkdirSync(path.join(repo, ".git"));
  fs.writeFileSync(path.join(repo, ".git", "config"), '[remote "origin"]\n\turl = https://x-access-token:ghs_HEMLIG@github.com/o/r\n');
  return repo;
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

function options(contentDir: string): SiteOptions {
  return { contentDir, siteUrl: "https://finsam.example", pathPrefix: "/", mode: "production", now: FIXED_NOW };
}

describe("a build of content with symbolic links", () => {
  const repo = gitLikeFolder();
  const outside = tempDir("finsam-outside-");
  fs.writeFileSync(path.join(outside, "foto.jpg"), "JPEG");
  fs.writeFileSync(path.join(outside, "2024-02-01-lankad.md"), markdownFile({ title: "Länkad", date: "2024-02-01", summary: "Kort.", organisation: "nns" }));
  const cases: [string, string, string][] = [
    ["an image linked to /etc/passwd", "bilder/x.jpg", "/etc/passwd"],
    ["an image linked to a repository's .git/config", "bilder/config.jpg", path.join(repo, ".git", "config")],
    ["a linked folder of images", "bilder/album", outside],
    ["a linked Markdown document", "nyheter/2024-02-01-lankad.md", path.join(outside, "2024-02-01-lankad.md")],
  ];

  it.each(cases)("stops, naming the link: %s", async (_name, relative, target) => {
    const dir = tree({});
    fs.symlinkSync(target, path.join(dir, relative));
    const error = await failure(buildSite(dir));
    expect(error.message).toMatch(/^Bygget stoppades/);
    expect(error.message).toContain(`${displayPath(path.join(dir, relative))} fel: `);
    expect(error.message).toMatch(/är en symbolisk länk \(pekar utanför innehållsmappen, på .*\); länkar publiceras aldrig/);
  });

  it("refuses a link that appears after the content was loaded, and writes no link", async () => {
    const dir = tree({});
    const model = await siteModelOf(options(dir));
    fs.symlinkSync(path.join(repo, ".git", "config"), path.join(dir, "bilder", "sen.jpg"));
    const outDir = tempDir("finsam-build-");
    const error = await failure(writeSite(options(dir), outDir, model));
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems.map((problem) => problem.file)).toEqual([displayPath(path.join(dir, "bilder", "sen.jpg"))]);
    expect(linksUnder(outDir)).toEqual([]);
    expect(fs.existsSync(path.join(outDir, "bilder", "sen.jpg"))).toBe(false);
  });
});

describe("images and attachments in a build", () => {
  const dir = tree({
    "bilder/Karta.PNG": TEST_PNG,
    "bilder/album/2024/fest.webp": TEST_WEBP,
    ["bilder/möte.jpg".normalize("NFD")]: TEST_JPEG,
    "bilder/.DS_Store": "\u0000",
    "bilder/.dold.jpg": "JPEG",
    "filer/arsredovisning-2023.pdf": "%PDF-1.7",
    "nyheter/bild.jpg": "JPEG",
  });
  const site = buildSite(dir);

  it("copies images from bilder/ and PDFs from filer/ as regular files, at NFC paths", async () => {
    const built = await site;
    made.push(built.outDir);
    const copied = built.files().filter((file) => file.startsWith("/bilder/") || file.startsWith("/filer/"));
    // Photos are published as renditions only, named by a slug (src/outputs/images/); other files as they are.
    expect(copied.filter((file) => file.startsWith("/filer/"))).toEqual(["/filer/arsredovisning-2023.pdf"]);
    for (const slug of ["karta", "fest", "mote", "styrelsen"]) expect(copied.some((file) => new RegExp(`^/bilder/${slug}-[\\w-]+-800\\.jpeg$`).test(file)), slug).toBe(true);
    expect(built.read("/filer/arsredovisning-2023.pdf")).toBe("%PDF-1.7");
  });

  it("copies no hidden or system file, nor an image outside bilder/", async () => {
    const built = await site;
    expect(built.exists("/bilder/.DS_Store")).toBe(false);
    expect(built.exists("/bilder/.dold.jpg")).toBe(false);
    expect(built.files().some((file) => file.endsWith("/bild.jpg"))).toBe(false);
  });

  it("writes no symbolic link anywhere", async () => {
    expect(linksUnder((await site).outDir)).toEqual([]);
  });

  it("replaces a link an earlier build left in the output folder instead of writing through it", async () => {
    const outDir = tempDir("finsam-build-");
    const elsewhere = tempDir("finsam-elsewhere-");
    fs.symlinkSync(elsewhere, path.join(outDir, "bilder"));
    await writeSite(options(dir), outDir);
    expect(linksUnder(outDir)).toEqual([]);
    expect(fs.readdirSync(path.join(outDir, "bilder")).some((name) => name.startsWith("styrelsen-"))).toBe(true);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });
});

describe("npm run build with a link in the content folder", () => {
  it("exits 1 with the Swedish report and publishes nothing", () => {
    const dir = tree({});
    fs.symlinkSync("/etc/passwd", path.join(dir, "bilder", "x.jpg"));
    const outputDir = path.join(tempDir("finsam-site-"), "site");
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/build.ts"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, FINSAM_CONTENT_DIR: dir, FINSAM_OUTPUT_DIR: outputDir, FINSAM_CACHE: "0" },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${path.relative(ROOT, path.join(dir, "bilder", "x.jpg"))} fel: filen är en symbolisk länk (pekar utanför innehållsmappen, på /etc/passwd)`);
    expect(fs.existsSync(outputDir)).toBe(false);
  });
});

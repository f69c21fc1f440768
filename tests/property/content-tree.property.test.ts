// Property: whatever files and symbolic links a content folder holds (odd names, Unicode, dots, tildes, upper-case
// extensions, links out of the tree and to folders), each is a document, an asset or a finding after loading; none
// vanishes in silence. A real build either refuses (the load found errors) or writes a site with no link in it and
// exactly the listed assets, holding nothing a link pointed at.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { listContent, shownPath } from "../../src/content/files.ts";
import { ContentError, displayPath } from "../../src/content/problems.ts";
import { writeSite } from "../../src/eleventy/run.ts";
import { loadSite } from "../../src/site-model/site-checks.ts";
import { FIXED_NOW, markdownFile, writeFixtureData } from "../helpers/build.ts";
import { TEST_JPEG, TEST_PNG, TEST_WEBP } from "../helpers/images.ts";
import { isRasterImage } from "../../src/outputs/images/renditions.ts";
import { runs } from "./arbitraries.ts";
import { expectEditorProblem } from "./problems.ts";

const SECRET = "HEMLIGT-INNEHALL";

/** Letters and marks that have broken file handling: cases, å/ä/ö composed and not, spaces, dots, tildes, emoji. */
const NAME_PARTS = ["a", "b", "K", "Z", "ö", "o\u0308", "Å", "é", " ", ".", "..", "~", "-", "_", "#", "%", "😀", "\n", "\uFFFD", "md"];
const EXTENSIONS = [".md", ".md", ".MD", ".Md", ".markdown", ".jpg", ".JPG", ".jpeg", ".png", ".svg", ".webp", ".pdf", ".PDF", ".txt", ".heic", ".html", "", ".md~", ".md.swp", ".bak"];
const PREFIXES = ["", "", "", "", ".", "._", "#"];
const FOLDERS = ["", "nyheter", "nyheter", "brev", "bilder", "bilder", "bilder/album", "filer", "okand", ".dold", "__MACOSX"];
const TARGETS = ["secret-file", "secret-folder", "/etc/passwd", "inside", "nowhere"] as const;

interface Entry {
  folder: string;
  name: string;
  /** A symbolic link and what it points at; a file otherwise. */
  link?: (typeof TARGETS)[number];
}

const baseName = fc.array(fc.constantFrom(...NAME_PARTS), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(""));
const nameOf = fc.tuple(fc.constantFrom(...PREFIXES), baseName, fc.constantFrom(...EXTENSIONS)).map((parts) => parts.join(""));
const fileEntry: fc.Arbitrary<Entry> = fc.record({ folder: fc.constantFrom(...FOLDERS), name: nameOf });
const linkEntry: fc.Arbitrary<Entry> = fc.record({ folder: fc.constantFrom(...FOLDERS), name: nameOf, link: fc.constantFrom(...TARGETS) });

/** A tree: some files and links, and perhaps a second name for the first file that differs only by case or NFC/NFD. */
const tree = fc
  .tuple(
    fc.array(fc.oneof({ weight: 4, arbitrary: fileEntry }, { weight: 1, arbitrary: linkEntry }), { minLength: 1, maxLength: 10 }),
    fc.constantFrom("none", "upper", "lower", "nfd", "nfc"),
  )
  .map(([entries, variant]): Entry[] => {
    const first = entries[0] as Entry;
    const other =
      variant === "upper" ? first.name.toUpperCase() : variant === "lower" ? first.name.toLowerCase() : variant === "nfd" ? first.name.normalize("NFD") : variant === "nfc" ? first.name.normalize("NFC") : first.name;
    return other === first.name ? entries : [...entries, { folder: first.folder, name: other }];
  });

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Outside every content tree: a file and a folder of secrets that links point at. */
const outside = tempDir("finsam-outside-");
fs.writeFileSync(path.join(outside, "hemlig.jpg"), SECRET);
fs.mkdirSync(path.join(outside, "mapp"));
fs.writeFileSync(path.join(outside, "mapp", "bild.jpg"), SECRET);

function linkTarget(link: NonNullable<Entry["link"]>, dir: string): string {
  switch (link) {
    case "secret-file":
      return path.join(outside, "hemlig.jpg");
    case "secret-folder":
      return path.join(outside, "mapp");
    case "/etc/passwd":
      return "/etc/passwd";
    case "inside":
      return path.join(dir, "nyheter", "2024-01-15-grund.md");
    case "nowhere":
      return "finns-inte.jpg";
  }
}

/** A file's bytes: a real image where the name says image (the check reads what an image file is), text otherwise. */
function contentOf(name: string, index: number): string | Buffer {
  if (/\.jpe?g$/i.test(name)) return TEST_JPEG;
  if (/\.png$/i.test(name)) return TEST_PNG;
  if (/\.webp$/i.test(name)) return TEST_WEBP;
  if (/\.svg$/i.test(name)) return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><title>fil ${index}</title></svg>`;
  return `fil ${index}`;
}

/** Writes a content tree: one valid news item and an image, then the entries (those the file system refuses left out). */
function writeTree(entries: readonly Entry[]): string {
  const dir = writeFixtureData(tempDir("finsam-content-"));
  fs.mkdirSync(path.join(dir, "nyheter"));
  fs.mkdirSync(path.join(dir, "bilder"));
  const news = (title: string, day: number) => markdownFile({ title, date: `2024-02-${String(day).padStart(2, "0")}`, summary: "Kort.", organisation: "nns" });
  fs.writeFileSync(path.join(dir, "nyheter", "2024-01-15-grund.md"), news("Grund", 1));
  fs.writeFileSync(path.join(dir, "bilder", "grund.jpg"), TEST_JPEG);
  entries.forEach((entry, index) => {
    const file = path.join(dir, entry.folder, entry.name);
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      if (entry.link) fs.symlinkSync(linkTarget(entry.link, dir), file);
      else fs.writeFileSync(file, /\.md$/i.test(entry.name) ? news(`Nyhet ${index}`, index + 2) : contentOf(entry.name, index), { flag: "wx" });
    } catch {
      // A name the file system will not take, or one taken already: the tree is what is on disk.
    }
  });
  return dir;
}

/** Every entry under a folder, found with lstat: never through a link. */
function entriesUnder(dir: string): { file: string; stat: fs.Stats }[] {
  const found: { file: string; stat: fs.Stats }[] = [];
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    const stat = fs.lstatSync(file);
    found.push({ file, stat });
    if (stat.isDirectory()) found.push(...entriesUnder(file));
  }
  return found;
}

/** The files a loaded tree accounts for without a finding: the guide at the top and Git's placeholder files. */
function quietlyKept(dir: string, file: string): boolean {
  return file === path.join(dir, "README.md") || [".gitkeep", ".keep", ".gitignore", ".gitattributes"].includes(path.basename(file));
}

async function expectAccountedFor(dir: string): Promise<void> {
  const inventory = listContent(dir);
  const { documents, problems } = await loadSite(dir, { now: FIXED_NOW });
  for (const problem of problems) expectEditorProblem(problem);
  for (const problem of problems) expect(problem.file, JSON.stringify(problem)).not.toMatch(/[\n\r]/);
  const reported = new Set(problems.map((problem) => problem.file));
  const listed = new Set([...inventory.documents, ...inventory.assets.map((asset) => asset.file), ...inventory.data.values()]);
  const loaded = new Set(documents.map((document) => document.sourcePath));

  for (const { file, stat } of entriesUnder(dir)) {
    // A finding about a folder (hidden, a system folder, a clash, a link) speaks for what is in it.
    const reportedAbove = (() => {
      for (let at = path.dirname(file); at.startsWith(`${dir}${path.sep}`); at = path.dirname(at)) if (reported.has(shownPath(at))) return true;
      return false;
    })();
    if (stat.isSymbolicLink()) {
      expect(listed.has(file), `a link listed: ${file}`).toBe(false);
      expect(reported.has(shownPath(file)) || reportedAbove, `a link not reported: ${file}`).toBe(true);
      continue;
    }
    if (stat.isDirectory()) continue;
    const accounted = listed.has(file) || reported.has(shownPath(file)) || reportedAbove || quietlyKept(dir, file);
    expect(accounted, `vanished in silence: ${JSON.stringify(path.relative(dir, file))}`).toBe(true);
  }
  // A listed document is a document or has a finding of its own: none half-published.
  for (const file of inventory.documents) {
    expect(loaded.has(displayPath(file)) || reported.has(shownPath(file)), `document neither loaded nor reported: ${file}`).toBe(true);
  }
  for (const asset of inventory.assets) expect(fs.lstatSync(asset.file).isFile(), asset.file).toBe(true);
}

describe("a content folder of arbitrary files and links", () => {
  it("accounts for every file after loading: a document, an asset, or a finding in Swedish", async () => {
    await fc.assert(
      fc.asyncProperty(tree, (entries) => expectAccountedFor(writeTree(entries))),
      { numRuns: runs(60) },
    );
  });

  let built = 0;
  let refused = 0;

  it("builds a site without a link and with exactly the listed assets, or refuses before publishing", async () => {
    const clean: Entry[] = [
      { folder: "bilder", name: "Karta.PNG" },
      { folder: "bilder/album", name: "möte.jpg".normalize("NFD") },
      { folder: "filer", name: "rapport.pdf" },
      { folder: "nyheter", name: "anteckning.md~" },
    ];
    const hostile: Entry[] = [{ folder: "bilder", name: "x.jpg", link: "/etc/passwd" }, { folder: "bilder", name: "album", link: "secret-folder" }];
    await fc.assert(
      fc.asyncProperty(tree, async (entries) => {
        const dir = writeTree(entries);
        const errors = (await loadSite(dir, { now: FIXED_NOW })).problems.filter((problem) => problem.severity === "fel");
        // Not removed afterwards: Eleventy may still be copying layouts/assets there when a refused build rejects.
        const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-build-"));
        const options = { contentDir: dir, siteUrl: "https://finsam.example", pathPrefix: "/", mode: "production" as const, now: FIXED_NOW };
        const failure = await writeSite(options, outDir).then(
          () => undefined,
          (error: unknown) => error,
        );
        const written = entriesUnder(outDir);
        expect(written.filter(({ stat }) => stat.isSymbolicLink()).map(({ file }) => file)).toEqual([]);
        for (const { file, stat } of written) if (stat.isFile()) expect(fs.readFileSync(file, "utf8"), file).not.toMatch(new RegExp(`${SECRET}|^root:`));
        if (errors.length > 0) {
          refused++;
          expect(failure).toBeInstanceOf(ContentError);
          return;
        }
        built++;
        made.push(outDir);
        expect(failure).toBeUndefined();
        const copied = written
          .filter(({ stat }) => stat.isFile())
          .map(({ file }) => `/${path.relative(outDir, file).split(path.sep).join("/")}`)
          .filter((sitePath) => sitePath.startsWith("/bilder/") || sitePath.startsWith("/filer/"))
          .sort();
        // Raster images are published as renditions (src/outputs/images/), every other asset as it is.
        expect(copied.filter((sitePath) => !isRasterImage(sitePath))).toEqual(listContent(dir).assets.map((asset) => asset.sitePath).filter((sitePath) => !isRasterImage(sitePath)).sort());
      }),
      { numRuns: runs(6), examples: [[clean], [hostile]], endOnFailure: true },
    );
    // The two examples alone build once and refuse once: both halves of the property are exercised on every run.
    expect(built, `built ${built}, refused ${refused}`).toBeGreaterThanOrEqual(1);
    expect(refused, `built ${built}, refused ${refused}`).toBeGreaterThanOrEqual(1);
    console.info(`robustness: ${built} content trees built, ${refused} refused`);
    // Real builds: ROBUSTNESS_FACTOR multiplies them, and the time they may take with them.
  }, 60_000 + runs(6) * 10_000);
});

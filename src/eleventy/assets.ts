// Copies the content folder's attachments and SVG graphics into the built site: regular files only, never a link.
// Photos and other raster images are published as renditions (src/outputs/images/), never as the original.
import fs from "node:fs";
import path from "node:path";
import { listContent, type ContentAsset } from "../content/files.ts";
import { ContentError, displayPath, type ContentProblem } from "../content/problems.ts";
import { isRasterImage, RENDITIONS_URL, renditionFileNames } from "../outputs/images/renditions.ts";
import type { ImageCatalogue } from "../text/picture.ts";

// Opening with O_NOFOLLOW fails on a link itself, so a file swapped for a link after the folder was listed is
// refused here too. Windows has no such flag; there the listing's check is all.
const NO_FOLLOW = fs.constants.O_NOFOLLOW ?? 0;

function linkProblem(file: string): ContentProblem {
  return {
    file: displayPath(file),
    severity: "fel",
    message: "filen är en symbolisk länk eller ingen vanlig fil; länkar publiceras aldrig – lägg in själva filen i stället",
  };
}

/**
 * A folder under the output folder that is a real folder: one left as a link by an earlier build's copy would
 * otherwise have the files written through it, wherever it points.
 */
function realFolder(outputDir: string, relativeDir: string): string {
  let dir = outputDir;
  fs.mkdirSync(dir, { recursive: true });
  for (const part of relativeDir.split("/").filter(Boolean)) {
    dir = path.join(dir, part);
    const stat = fs.lstatSync(dir, { throwIfNoEntry: false });
    if (stat && !stat.isDirectory()) fs.rmSync(dir, { recursive: true, force: true });
    if (!stat || !stat.isDirectory()) fs.mkdirSync(dir);
  }
  return dir;
}

function copyAsset(asset: ContentAsset, outputDir: string): void {
  let fd: number;
  try {
    fd = fs.openSync(asset.file, fs.constants.O_RDONLY | NO_FOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOOP") throw new ContentError([linkProblem(asset.file)]);
    throw error;
  }
  try {
    const source = fs.fstatSync(fd);
    if (!source.isFile()) throw new ContentError([linkProblem(asset.file)]);
    const parts = asset.sitePath.split("/");
    const target = path.join(realFolder(outputDir, parts.slice(0, -1).join("/")), parts.at(-1) as string);
    const existing = fs.lstatSync(target, { throwIfNoEntry: false });
    // The dev server copies on every rebuild: a file copied before with the same size and time is left as it is.
    if (existing?.isFile() && existing.size === source.size && existing.mtimeMs === source.mtimeMs) return;
    if (existing) fs.rmSync(target, { recursive: true, force: true });
    fs.writeFileSync(target, fs.readFileSync(fd), { flag: "wx" });
    fs.utimesSync(target, source.atime, source.mtime);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Lists the content folder again (what the build loaded may have changed since) and copies its assets to their
 * site paths. Refuses, copying nothing, when the listing has an error: a link, a name that clashes with another.
 * Returns the number of assets.
 */
export function copyAssets(contentDir: string, outputDir: string): number {
  const { assets, problems } = listContent(contentDir);
  if (problems.some((problem) => problem.severity === "fel")) throw new ContentError(problems);
  // Photos are published as their renditions only (src/outputs/images/): the original keeps its EXIF, GPS included.
  const copied = assets.filter((asset) => !isRasterImage(asset.sitePath));
  for (const asset of copied) copyAsset(asset, outputDir);
  return copied.length;
}

/**
 * The images' renditions, from the image cache to where the site serves them: hard links where the file system
 * allows (the cache keeps them anyway), else copies. Through real folders only, as the content's own files: a
 * rendition is never written through a link an earlier build left in the output folder.
 */
export function publishRenditions(catalogue: ImageCatalogue, cacheDir: string, outputDir: string): number {
  const names = renditionFileNames(catalogue);
  if (names.length === 0) return 0;
  const folder = realFolder(outputDir, RENDITIONS_URL);
  for (const name of names) {
    const target = path.join(folder, name);
    const existing = fs.lstatSync(target, { throwIfNoEntry: false });
    // The name holds the original's hash: a regular file of that name is this rendition already.
    if (existing?.isFile()) continue;
    if (existing) fs.rmSync(target, { recursive: true, force: true });
    try {
      fs.linkSync(path.join(cacheDir, name), target);
    } catch {
      fs.copyFileSync(path.join(cacheDir, name), target);
    }
  }
  return names.length;
}

// Puts Decap CMS's bundle (src/outputs/cms/bundle.ts) into a build's /admin/ folder.
import fs from "node:fs";
import path from "node:path";
import { decapBundleFiles, decapDistDir } from "../outputs/cms/bundle.ts";
import { PATHS } from "../site-model/urls.ts";

/**
 * Hard links where the file system allows, else copies: the bundle is 6 MB in some 100 files, and every build
 * (each test's too, the dev server's on every save) would otherwise write it again. A hard link is a regular file
 * of its own name: an upload or an archive takes its bytes, and removing the build's folder leaves node_modules be.
 * A file already there as the same file, or with the same size and time, is left alone.
 */
export function writeDecapBundle(outputDir: string, distDir: string = decapDistDir()): void {
  const target = path.join(outputDir, ...PATHS.admin.split("/").filter(Boolean));
  fs.mkdirSync(target, { recursive: true });
  for (const name of decapBundleFiles(distDir)) {
    const from = path.join(distDir, name);
    const to = path.join(target, name);
    const source = fs.statSync(from);
    const existing = fs.lstatSync(to, { throwIfNoEntry: false });
    if (existing?.isFile() && (existing.ino === source.ino || (existing.size === source.size && existing.mtimeMs === source.mtimeMs))) continue;
    if (existing) fs.rmSync(to, { recursive: true, force: true });
    try {
      fs.linkSync(from, to);
    } catch {
      // Another device, or a file system without hard links.
      fs.copyFileSync(from, to);
      fs.utimesSync(to, source.atime, source.mtime);
    }
  }
}

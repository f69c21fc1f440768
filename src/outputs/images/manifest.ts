// What the last builds made of each original, kept beside the renditions: a build whose original has the same size
// and modification time, and whose files are all still in the cache, takes the renditions from here without reading
// the original. Without it every build read and hashed every original (eleventy-img names its files by the bytes'
// hash) to find them already made: seconds for a few hundred photos (bench/RESULTS.md, issue 13). A fresh checkout
// has new modification times, so the pages workflow hashes once per run and still encodes nothing.
import fs from "node:fs";
import path from "node:path";
import { allRenditions, type ImageRenditions } from "../../text/picture.ts";

/** Bumped when what the renditions are made with changes, so no old entry is taken for a new one. */
const MANIFEST_VERSION = 1;
const MANIFEST_FILE = "manifest.json";

interface Entry {
  file: string;
  size: number;
  mtimeMs: number;
  renditions: ImageRenditions;
}

interface ManifestFile {
  version: number;
  entries: Entry[];
}

export class RenditionsManifest {
  private readonly entries = new Map<string, Entry>();

  private constructor(
    private readonly cacheDir: string,
    private readonly urlPath: string,
  ) {}

  /** The manifest in `cacheDir`; an unreadable or older one is an empty one (everything is looked at again). */
  static read(cacheDir: string, urlPath: string): RenditionsManifest {
    const manifest = new RenditionsManifest(cacheDir, urlPath);
    try {
      const saved = JSON.parse(fs.readFileSync(path.join(cacheDir, MANIFEST_FILE), "utf8")) as ManifestFile;
      if (saved.version === MANIFEST_VERSION) for (const entry of saved.entries) manifest.entries.set(entry.file, entry);
    } catch {
      // No manifest yet, or one this version cannot read.
    }
    return manifest;
  }

  /** The renditions made of `file` as it is now, when every one of them is still in the cache. */
  find(file: string, stat: fs.Stats): ImageRenditions | undefined {
    const entry = this.entries.get(file);
    if (!entry || entry.size !== stat.size || entry.mtimeMs !== stat.mtimeMs) return undefined;
    const names = allRenditions(entry.renditions).map((rendition) => rendition.url.slice(this.urlPath.length));
    return names.every((name) => fs.existsSync(path.join(this.cacheDir, name))) ? entry.renditions : undefined;
  }

  remember(file: string, stat: fs.Stats, renditions: ImageRenditions): void {
    this.entries.set(file, { file, size: stat.size, mtimeMs: stat.mtimeMs, renditions });
  }

  /** Written aside and renamed: two builds at once never leave half a manifest, only one of the two whole ones. */
  write(): void {
    fs.mkdirSync(this.cacheDir, { recursive: true });
    const target = path.join(this.cacheDir, MANIFEST_FILE);
    const aside = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(aside, JSON.stringify({ version: MANIFEST_VERSION, entries: [...this.entries.values()] } satisfies ManifestFile));
    fs.renameSync(aside, target);
  }
}

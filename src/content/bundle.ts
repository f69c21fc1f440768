// One ES module made of a TypeScript module and everything of ours it imports, for code that should not load its
// modules one by one through tsx: a loading worker (load-parallel.ts) and `npm run check`'s own modules (check.ts).
// tsx resolves and loads every module through its hooks thread, about 1 ms each, and the loader's modules and
// packages are some 250: a worker took 0.55 s of CPU to start that way, 0.2 s bundled.
//
// Made with esbuild (the compiler tsx runs on) once per version of our code and the locked packages (disk-cache.ts
// codeVersion), kept in CACHE_DIR. Each module keeps its own import.meta.url, so paths it finds from it (the
// cache's folder, a worker's module) stay what they are unbundled. Only Node's own modules and disk-cache.ts here.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { CACHE_DIR, codeVersion } from "./disk-cache.ts";

interface EsbuildPluginBuild {
  onLoad(options: { filter: RegExp }, callback: (args: { path: string }) => { contents: string; loader: string }): void;
}

interface EsbuildApi {
  build(options: Record<string, unknown>): Promise<unknown>;
}

export interface BundleOptions {
  /**
   * Whether packages go into the bundle too. A worker thread loads them natively (no tsx there), so they stay
   * imports; on the main thread tsx's hooks see every import, so a command's bundle takes them in.
   */
  packages: "external" | "bundle";
}

const made = new Map<string, Promise<URL | undefined>>();

/** Our modules' own addresses, as they would have them unbundled. */
const MODULE_URLS = {
  name: "module-urls",
  setup(build: EsbuildPluginBuild): void {
    build.onLoad({ filter: /\.tsx?$/ }, (args) => {
      const url = pathToFileURL(args.path);
      const contents = fs
        .readFileSync(args.path, "utf8")
        .replace(/\bimport\.meta\.url\b/g, JSON.stringify(url.href))
        .replace(/\bimport\.meta\.filename\b/g, JSON.stringify(args.path))
        .replace(/\bimport\.meta\.dirname\b/g, JSON.stringify(path.dirname(args.path)));
      return { contents, loader: args.path.endsWith(".tsx") ? "tsx" : "ts" };
    });
  },
};

/**
 * The bundle of `entry` (a TypeScript module), made now if this version of the code has none. Undefined when it
 * cannot be made (no esbuild, a read-only folder): the caller then loads `entry` itself, through tsx.
 */
export function bundled(entry: URL, { packages }: BundleOptions): Promise<URL | undefined> {
  const id = `${entry.href} ${packages}`;
  let url = made.get(id);
  if (!url) made.set(id, (url = make(entry, packages).catch(() => undefined)));
  return url;
}

async function make(entry: URL, packages: BundleOptions["packages"]): Promise<URL> {
  const source = fileURLToPath(entry);
  const key = crypto.createHash("sha256").update(`${codeVersion()}\n${source}\n${packages}\n`).update(fs.readFileSync(source)).digest("hex").slice(0, 16);
  const file = path.join(CACHE_DIR, `bundle-${path.basename(source, path.extname(source))}-${key}.mjs`);
  if (fs.existsSync(file)) {
    // In use: not one for the cache's weekly clean-up (disk-cache.ts) to remove under a starting worker.
    const now = new Date();
    fs.utimesSync(file, now, now);
    return pathToFileURL(file);
  }
  // esbuild is also tsx's compiler (the same version range, so npm keeps one copy); loaded only to make a bundle.
  const esbuild = (await import("esbuild")) as EsbuildApi;
  const temporary = `${file}.${process.pid}.tmp`;
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  try {
    await esbuild.build({
      entryPoints: [source],
      outfile: temporary,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: packages === "external" ? "external" : undefined,
      // Packages written as CommonJS (gray-matter) require Node's modules: an ES module has no `require` of its own.
      banner: packages === "bundle" ? { js: 'import { createRequire as __finsamRequire } from "node:module"; const require = __finsamRequire(import.meta.url);' } : undefined,
      plugins: [MODULE_URLS],
      logLevel: "silent",
    });
    // Atomic: another process at the same time takes the old file or the new one.
    fs.renameSync(temporary, file);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  return pathToFileURL(file);
}

/** `entry`'s exports from its bundle (packages included), or from `entry` itself through tsx when there is none. */
export async function importBundled<T>(entry: URL): Promise<T> {
  const url = await bundled(entry, { packages: "bundle" });
  return (await import(url?.href ?? entry.href)) as T;
}

// The generator's own TypeScript compiled into one JavaScript file per entry by esbuild, for what starts often or
// starts a thread: tsx's hooks resolve and transform each module of the graph on every start (bench/RESULTS.md, issue
// 11). The compiled file is made again whenever a file it was made from has changed, so it is never older than the
// sources; where it cannot be made, the module is loaded through tsx as before and meets the same errors. Plain
// JavaScript: it runs before anything can load TypeScript. Used by `npm run check` (src/cli/compiled.mjs) and the
// search index's worker (src/outputs/search/worker-boot.mjs).
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { threadId } from "node:worker_threads";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** This project's sources and where their compiled copies are kept. */
export const PROJECT = { root: ROOT, cacheDir: path.join(ROOT, "node_modules", ".cache", "finsam-compiled") };

/**
 * @typedef {{ root: string, cacheDir: string }} Where
 * @typedef {[number, number] | null} Stamp  A file's time and size, or null where there was no file.
 * @typedef {{ output: string, inputs: Record<string, Stamp> }} Made  The compiled file (named by a hash of its
 *   contents) and the stamps of what it was made from, each taken before the file was read.
 */

/** Compiled copies older than this, beside a newer one, are removed: a command started just before may still load one. */
const KEEP_OLD_MS = 60_000;

/**
 * Packages a copy that takes in its packages still leaves to Node: a native addon, and piscina, which starts its
 * workers from a file beside its own.
 */
const LEFT_TO_NODE = ["sharp", "piscina"];

/**
 * How a package finds files beside its own, which a copy that takes it in would look for beside the copy: such a
 * package stops the compile (the command then runs through tsx) until it is added to LEFT_TO_NODE.
 */
const FINDS_OWN_FILES = /\b__dirname\b|\b__filename\b|\bimport\.meta\b|\brequire\.resolve\b/;

/**
 * The CommonJS packages a copy takes in ask for Node's modules with `require`, which a module file does not have.
 */
const REQUIRE_IN_MODULE = 'import { createRequire as finsamCreateRequire } from "node:module";\nconst require = finsamCreateRequire(import.meta.url);';

/**
 * @typedef {{ packages?: "left" | "within" }} Options  Whether the copy leaves the packages to Node (the default: a
 *   thread that also loads them otherwise shares one copy) or takes them in too, so that Node resolves and loads one
 *   file instead of hundreds: the start of `npm run check` (bench/RESULTS.md, issue 11).
 */

/**
 * The path of a compiled, up-to-date copy of `entry` (a module and everything it imports from the project, and with
 * `packages: "within"` the packages too), or undefined where none can be made.
 * @param {string} entry
 * @param {Where} where
 * @param {Options} [options]
 * @returns {Promise<string | undefined>}
 */
export async function compiled(entry, where, { packages = "left" } = {}) {
  // Named by the checkout as well: two checkouts may share one node_modules (a link), and each runs its own sources.
  const checkout = createHash("sha1").update(where.root).digest("hex").slice(0, 8);
  const name = `${path.relative(where.root, entry).replace(/\.[cm]?[jt]sx?$/, "").replace(/[^A-Za-z0-9]+/g, "-")}-${checkout}${packages === "within" ? "-within" : ""}`;
  const record = path.join(where.cacheDir, `${name}.json`);
  try {
    return upToDate(record, where.cacheDir) ?? (await compile(entry, name, record, where, packages));
  } catch {
    return undefined;
  }
}

/**
 * The compiled file the record names, if every file it was made from still has the stamp it had then.
 * @param {string} record
 * @param {string} cacheDir
 * @returns {string | undefined}
 */
function upToDate(record, cacheDir) {
  try {
    /** @type {Made} */
    const made = JSON.parse(fs.readFileSync(record, "utf8"));
    for (const [file, was] of Object.entries(made.inputs)) if (!sameStamp(stampOf(file), was)) return undefined;
    const output = path.join(cacheDir, path.basename(made.output));
    return fs.existsSync(output) ? output : undefined;
  } catch {
    return undefined;
  }
}

/**
 * @param {string} file
 * @returns {Stamp}
 */
function stampOf(file) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat ? [stat.mtimeMs, stat.size] : null;
}

/**
 * @param {Stamp} now
 * @param {Stamp} was
 */
function sameStamp(now, was) {
  return now === null || was === null ? now === was : now[0] === was[0] && now[1] === was[1];
}

/**
 * Compiles `entry` and writes the compiled file, then the record that names it, each whole (by rename). A file saved
 * while the compiler reads is caught on the next start: its stamp is the one taken before it was read. Two commands
 * compiling at once write differently named files, and the record written last names a complete one.
 * @param {string} entry
 * @param {string} name
 * @param {string} record
 * @param {Where} where
 * @param {"left" | "within"} packages
 * @returns {Promise<string>}
 */
async function compile(entry, name, record, { root, cacheDir }, packages) {
  const esbuild = await import("esbuild");
  /** @type {Map<string, Stamp>} */
  const stamps = new Map();
  // What else decides the output: this file's options, the import map, the TypeScript options and the compiler.
  const require = createRequire(import.meta.url);
  for (const file of [fileURLToPath(import.meta.url), path.join(root, "package.json"), path.join(root, "tsconfig.json"), require.resolve("esbuild/package.json")]) {
    stamps.set(file, stampOf(file));
  }
  const result = await esbuild.build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20.19",
    ...(packages === "within" ? { external: LEFT_TO_NODE, banner: { js: REQUIRE_IN_MODULE } } : { packages: "external" }),
    outdir: cacheDir,
    entryNames: `${name}-[hash]`,
    outExtension: { ".js": ".mjs" },
    sourcemap: "linked",
    // The sources are where the map says: reading a map with their text in it was much of a start.
    sourcesContent: false,
    metafile: true,
    write: false,
    logLevel: "silent",
    plugins: [ownModules(stamps, packages)],
  });
  // Every file it was made from, a package's too when the copy takes it in: an update of one makes the copy again.
  for (const input of Object.keys(result.metafile.inputs)) {
    const file = path.resolve(root, input);
    if (!stamps.has(file)) stamps.set(file, stampOf(file));
  }
  const output = result.outputFiles.find((file) => file.path.endsWith(".mjs"));
  if (!output) throw new Error(`esbuild made no module for ${entry}`);
  fs.mkdirSync(cacheDir, { recursive: true });
  for (const file of result.outputFiles) writeWhole(file.path, file.contents);
  /** @type {Made} */
  const made = { output: path.basename(output.path), inputs: Object.fromEntries(stamps) };
  writeWhole(record, JSON.stringify(made));
  removeOlder(cacheDir, name, made.output);
  return output.path;
}

/**
 * @param {string} file
 * @param {string | Uint8Array} contents
 */
function writeWhole(file, contents) {
  // Per thread, not only per process: worker threads of one process (the search index's, the loading ones) may
  // compile the same module at once.
  const temporary = `${file}.${process.pid}-${threadId}.tmp`;
  fs.writeFileSync(temporary, contents);
  fs.renameSync(temporary, file);
}

/**
 * Earlier compiled copies of the same command (and their source maps), once old enough that no command still loads them.
 * @param {string} cacheDir
 * @param {string} name
 * @param {string} current
 */
function removeOlder(cacheDir, name, current) {
  const now = Date.now();
  // esbuild's [hash] is eight capitals and digits: another command's name may begin with this one's.
  const copy = new RegExp(`^${name}-[A-Z0-9]{8}\\.mjs`);
  for (const file of fs.readdirSync(cacheDir)) {
    if (!copy.test(file) || file.startsWith(current)) continue;
    const at = path.join(cacheDir, file);
    const stat = fs.statSync(at, { throwIfNoEntry: false });
    if (stat && now - stat.mtimeMs > KEEP_OLD_MS) fs.rmSync(at, { force: true });
  }
}

/** `import.meta`'s fields a compiled module can keep: the source file's own. */
const IMPORT_META = /\bimport\.meta\.(url|filename|dirname)\b/g;

/**
 * The project's own modules, each stamped before it is read and keeping its own `import.meta.url`, `filename` and
 * `dirname`: the project finds its workers, data and packages relative to its sources, not to the compiled copy.
 * Any other use of `import.meta` (`resolve`, or the object itself) would silently mean the compiled copy, so it stops
 * the compile and the command runs through tsx.
 * A package taken in is read first for a way of finding its own files (FINDS_OWN_FILES).
 * @param {Map<string, Stamp>} stamps
 * @param {"left" | "within"} packages
 * @returns {import("esbuild").Plugin}
 */
function ownModules(stamps, packages) {
  return {
    name: "own-modules",
    setup(build) {
      build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (args) => {
        if (args.path.split(path.sep).includes("node_modules")) {
          if (packages === "within" && FINDS_OWN_FILES.test(await fs.promises.readFile(args.path, "utf8"))) {
            throw new Error(`${args.path}: a package that finds files beside its own, left to Node or not compiled`);
          }
          return undefined;
        }
        stamps.set(args.path, stampOf(args.path));
        const source = await fs.promises.readFile(args.path, "utf8");
        const own = { url: pathToFileURL(args.path).href, filename: args.path, dirname: path.dirname(args.path) };
        const contents = source.replace(IMPORT_META, (_, key) => JSON.stringify(own[/** @type {keyof typeof own} */ (key)]));
        if (/\bimport\.meta\b/.test(contents)) throw new Error(`${args.path}: import.meta that a compiled copy would change`);
        return { contents, loader: loaderOf(args.path) };
      });
    },
  };
}

/**
 * @param {string} file
 * @returns {"ts" | "tsx" | "js" | "jsx"}
 */
function loaderOf(file) {
  if (/\.[cm]?tsx$/.test(file)) return "tsx";
  if (/\.[cm]?ts$/.test(file)) return "ts";
  return file.endsWith("x") ? "jsx" : "js";
}

/**
 * The module `entry`, run from its compiled copy where one can be made, else through tsx.
 * @param {string} entry
 * @param {Where} [where]
 * @param {Options} [options]
 * @returns {Promise<Record<string, unknown>>}
 */
export async function load(entry, where = PROJECT, options = {}) {
  const file = await compiled(entry, where, options);
  if (file) return import(pathToFileURL(file).href);
  const { register } = await import("tsx/esm/api");
  register();
  return import(pathToFileURL(entry).href);
}

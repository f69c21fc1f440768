// `node src/cli/compiled.mjs <command> …`: runs src/cli/<command>.ts compiled into one JavaScript file by esbuild
// rather than through tsx, whose hooks resolve and transform each of the command's modules as it starts
// (bench/RESULTS.md, issue 11). The compiled file is made again whenever a file it was made from has changed, so it is
// never older than the sources; where it cannot be made, the command runs through tsx as before and meets the same
// errors. Plain JavaScript: it runs before anything can load TypeScript.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CACHE = path.join(ROOT, "node_modules", ".cache", "finsam-cli");
/** Commands that export `main(argv)` and may be run this way. */
const COMMANDS = new Set(["check"]);

/**
 * @typedef {{ root: string, cacheDir: string }} Where
 * @typedef {{ inputs: Record<string, [number, number] | null> }} Made  Each file's time and size, null if it was missing.
 */

/**
 * The path of a compiled, up-to-date copy of `entry` (a module and everything it imports from the project, with the
 * packages left to Node), or undefined where none can be made.
 * @param {string} entry
 * @param {Where} where
 * @returns {Promise<string | undefined>}
 */
export async function compiled(entry, { root, cacheDir }) {
  const name = path.relative(root, entry).replace(/\.[cm]?[jt]sx?$/, "").replace(/[^A-Za-z0-9]+/g, "-");
  const output = path.join(cacheDir, `${name}.mjs`);
  const record = path.join(cacheDir, `${name}.json`);
  if (upToDate(record) && fs.existsSync(output)) return output;
  try {
    await compile(entry, output, record, root);
    return output;
  } catch {
    return undefined;
  }
}

/**
 * Whether every file the compiled copy was made from still has the time and size it had then (and a file that was
 * missing still is).
 * @param {string} record
 */
function upToDate(record) {
  /** @type {Made} */
  let made;
  try {
    made = JSON.parse(fs.readFileSync(record, "utf8"));
  } catch {
    return false;
  }
  for (const [file, was] of Object.entries(made.inputs)) {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat || !was) {
      if (stat || was) return false;
    } else if (stat.mtimeMs !== was[0] || stat.size !== was[1]) return false;
  }
  return true;
}

/**
 * Compiles `entry` to `output` and writes the record of what it was made from, each file whole or not at all: two
 * commands started together may both compile, and either's result is right.
 * @param {string} entry
 * @param {string} output
 * @param {string} record
 * @param {string} root
 */
async function compile(entry, output, record, root) {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20.19",
    packages: "external",
    outfile: output,
    sourcemap: "linked",
    metafile: true,
    write: false,
    logLevel: "silent",
    plugins: [sourceLocations(root)],
  });
  const inputs = Object.keys(result.metafile.inputs).map((input) => path.resolve(root, input));
  // What else decides the output: this file's options, the package's import map and the compiler itself.
  const require = createRequire(import.meta.url);
  inputs.push(fileURLToPath(import.meta.url), path.join(root, "package.json"), require.resolve("esbuild/package.json"));
  /** @type {Made} */
  const made = { inputs: {} };
  for (const input of inputs) {
    const stat = fs.statSync(input, { throwIfNoEntry: false });
    made.inputs[input] = stat ? [stat.mtimeMs, stat.size] : null;
  }
  fs.mkdirSync(path.dirname(output), { recursive: true });
  for (const file of result.outputFiles) writeWhole(file.path, file.contents);
  writeWhole(record, JSON.stringify(made));
}

/**
 * @param {string} file
 * @param {string | Uint8Array} contents
 */
function writeWhole(file, contents) {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, contents);
  fs.renameSync(temporary, file);
}

/**
 * Each source module keeps its own `import.meta.url`, `filename` and `dirname`: the project finds its workers, data
 * and packages relative to its sources, not to the compiled copy.
 * @param {string} root
 * @returns {import("esbuild").Plugin}
 */
function sourceLocations(root) {
  const ownModule = /\.[cm]?[jt]sx?$/;
  return {
    name: "source-locations",
    setup(build) {
      build.onLoad({ filter: ownModule }, async (args) => {
        if (!args.path.startsWith(root) || args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const source = await fs.promises.readFile(args.path, "utf8");
        if (!source.includes("import.meta")) return undefined;
        const known = { url: pathToFileURL(args.path).href, filename: args.path, dirname: path.dirname(args.path) };
        const contents = source.replace(/\bimport\.meta\.(url|filename|dirname)\b/g, (_, key) => JSON.stringify(known[/** @type {keyof typeof known} */ (key)]));
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
 * The command's module: compiled where it can be, else through tsx.
 * @param {string} entry
 * @param {Where} [where]
 * @returns {Promise<{ main: (argv: readonly string[]) => unknown }>}
 */
export async function load(entry, where = { root: ROOT, cacheDir: CACHE }) {
  const file = await compiled(entry, where);
  if (file) return import(pathToFileURL(file).href);
  const { register } = await import("tsx/esm/api");
  register();
  return import(pathToFileURL(entry).href);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command = "", ...argv] = process.argv.slice(2);
  if (!COMMANDS.has(command)) {
    console.error(`Okänt kommando "${command}"; det här skriptet kör: ${[...COMMANDS].join(", ")}.`);
    process.exitCode = 2;
  } else {
    // An internal error's stack trace then points into the sources, not the compiled copy.
    process.setSourceMapsEnabled(true);
    const module = await load(path.join(ROOT, "src", "cli", `${command}.ts`));
    await module.main(argv);
  }
}

// src/runtime/compiled-modules.mjs and the command that uses it, src/cli/compiled.mjs: a module compiled into one
// file is made from the sources as they are now, keeps each module's own location, is never paired with a record of
// other sources, and is given up (for tsx) where it cannot be made, never half written.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { spawnSync } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { compiled } from "../../../src/runtime/compiled-modules.mjs";
import { ROOT } from "../../helpers/check-cli.ts";

const COMPILED = path.join(ROOT, "src/cli/compiled.mjs");
const MODULES = path.join(ROOT, "src/runtime/compiled-modules.mjs");
let root: string;
let cacheDir: string;
let entry: string;

function write(file: string, text: string, mtime?: Date): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
  if (mtime) fs.utimesSync(path.join(root, file), mtime, mtime);
}

/** Runs a module in a child process (a fresh module each time) and returns what it printed. */
function runOutput(file: string): string {
  const result = spawnSync(process.execPath, [file], { encoding: "utf8" });
  expect(result.stderr).toBe("");
  return result.stdout.trim();
}

function wordOf(file: string | undefined): string {
  expect(file).toBeDefined();
  return (JSON.parse(runOutput(file as string)) as { word: string }).word;
}

beforeEach(() => {
  // The real path: esbuild reports modules by it.
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "compiled-")));
  cacheDir = path.join(root, "node_modules", ".cache", "finsam-compiled");
  entry = path.join(root, "src/cli/say.ts");
  write("src/words.ts", 'export const word: string = "första";\nexport const here = import.meta.url;\nexport const folder = import.meta.dirname;\n');
  write(
    "src/cli/say.ts",
    'import { word, here, folder } from "../words.ts";\nconst self: string = import.meta.filename;\nconsole.log(JSON.stringify({ word, here, folder, self }));\n',
  );
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a command compiled into one file", () => {
  it("runs as the sources do, each module with its own location", async () => {
    const file = await compiled(entry, { root, cacheDir });
    expect(file).toMatch(/[/\\]src-cli-say-[0-9a-f]{8}-[A-Z0-9]{8}\.mjs$/);
    expect(JSON.parse(runOutput(file as string))).toEqual({
      word: "första",
      here: pathToFileURL(path.join(root, "src/words.ts")).href,
      folder: path.join(root, "src"),
      self: entry,
    });
  });

  it("is kept while its sources are unchanged, and made again when one changes, even to the same size", async () => {
    const file = (await compiled(entry, { root, cacheDir })) as string;
    const old = new Date(Date.now() - 10_000);
    fs.utimesSync(file, old, old);
    const stamped = fs.statSync(file).mtimeMs;
    expect(await compiled(entry, { root, cacheDir })).toBe(file);
    expect(fs.statSync(file).mtimeMs).toBe(stamped);

    write("src/words.ts", fs.readFileSync(path.join(root, "src/words.ts"), "utf8").replace("första", "fjärde"), new Date(Date.now() + 5_000));
    expect(wordOf(await compiled(entry, { root, cacheDir }))).toBe("fjärde");
  });

  it("is made again when the record of what it was made from is unreadable or names no file", async () => {
    const file = (await compiled(entry, { root, cacheDir })) as string;
    const record = path.join(cacheDir, fs.readdirSync(cacheDir).find((name) => /^src-cli-say-[0-9a-f]{8}\.json$/.test(name))!);
    for (const broken of ["{ inte json", "{}", "null", JSON.stringify({ output: "borta.mjs", inputs: {} })]) {
      fs.writeFileSync(file, 'console.log(JSON.stringify({ word: "inaktuell" }));\n');
      fs.writeFileSync(record, broken);
      expect(wordOf(await compiled(entry, { root, cacheDir })), broken).toBe("första");
    }
  });

  it("is each checkout's own where two checkouts share one cache folder (a linked node_modules)", async () => {
    const other = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "compiled-other-")));
    fs.cpSync(path.join(root, "src"), path.join(other, "src"), { recursive: true });
    fs.writeFileSync(path.join(other, "src/words.ts"), 'export const word = "andra";\nexport const here = "";\nexport const folder = "";\n');
    const otherEntry = path.join(other, "src/cli/say.ts");
    try {
      for (let round = 0; round < 2; round++) {
        expect(wordOf(await compiled(entry, { root, cacheDir }))).toBe("första");
        expect(wordOf(await compiled(otherEntry, { root: other, cacheDir }))).toBe("andra");
      }
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it("notices a source saved while the compiler was reading it", async () => {
    const words = path.join(root, "src/words.ts");
    const read = fs.promises.readFile;
    // The editor saves just after the compiler has read the file: the compiled copy has the old text.
    vi.spyOn(fs.promises, "readFile").mockImplementation(async (...args: Parameters<typeof read>) => {
      const text = await read(...args);
      if (args[0] === words) write("src/words.ts", String(text).replace("första", "sparad"), new Date(Date.now() + 5_000));
      return text;
    });
    expect(wordOf(await compiled(entry, { root, cacheDir }))).toBe("första");
    vi.restoreAllMocks();
    expect(wordOf(await compiled(entry, { root, cacheDir }))).toBe("sparad");
  });

  it("is whole when two commands compile at once, and earlier copies go once no command can still be loading them", async () => {
    const [one, two] = await Promise.all([compiled(entry, { root, cacheDir }), compiled(entry, { root, cacheDir })]);
    expect(one).toBe(two);
    expect(wordOf(one)).toBe("första");

    const old = new Date(Date.now() - 120_000);
    for (const file of fs.readdirSync(cacheDir)) fs.utimesSync(path.join(cacheDir, file), old, old);
    write("src/words.ts", 'export const word = "andra";\nexport const here = "";\nexport const folder = "";\n', new Date(Date.now() + 5_000));
    const second = (await compiled(entry, { root, cacheDir })) as string;
    write("src/words.ts", 'export const word = "tredje";\nexport const here = "";\nexport const folder = "";\n', new Date(Date.now() + 10_000));
    const third = (await compiled(entry, { root, cacheDir })) as string;
    const kept = fs.readdirSync(cacheDir).filter((file) => file.endsWith(".mjs"));
    // The first copy was old enough to go; the second, a moment old, may still be loading somewhere.
    expect(kept.sort()).toEqual([path.basename(second), path.basename(third)].sort());
    expect(wordOf(third)).toBe("tredje");
  });

  it("gives nothing, and leaves no file behind, where the sources do not compile, are gone or use import.meta otherwise", async () => {
    write("src/cli/broken.ts", "export const = ;\n");
    expect(await compiled(path.join(root, "src/cli/broken.ts"), { root, cacheDir })).toBeUndefined();
    write("src/cli/resolves.ts", 'console.log(import.meta.resolve("./x.js"));\n');
    expect(await compiled(path.join(root, "src/cli/resolves.ts"), { root, cacheDir })).toBeUndefined();
    fs.rmSync(path.join(root, "src/words.ts"));
    expect(await compiled(entry, { root, cacheDir })).toBeUndefined();
    expect(fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir) : []).toEqual([]);

    const blocked = path.join(root, "blocked");
    fs.writeFileSync(blocked, "a file where the cache folder should be");
    write("src/words.ts", 'export const word = "x";\nexport const here = "";\nexport const folder = "";\n');
    expect(await compiled(entry, { root, cacheDir: path.join(blocked, "cli") })).toBeUndefined();
  });

  it("takes the packages in when asked, leaves sharp and piscina to Node, and is made again when a package changes", async () => {
    write("node_modules/greeting/package.json", JSON.stringify({ name: "greeting", main: "index.js" }));
    write("node_modules/greeting/index.js", 'exports.greet = (name) => `hej ${name} ${require("node:path").basename("/a/b")}`;\n');
    for (const left of ["sharp", "piscina"]) {
      write(`node_modules/${left}/package.json`, JSON.stringify({ name: left, main: "index.js" }));
      write(`node_modules/${left}/index.js`, `exports.name = "${left} as Node loads it";\n`);
    }
    const uses = path.join(root, "src/cli/uses.ts");
    write(
      "src/cli/uses.ts",
      'import { greet } from "greeting";\nimport sharp from "sharp";\nimport piscina from "piscina";\nconsole.log(JSON.stringify({ said: greet("Finsam"), left: [sharp.name, piscina.name] }));\n',
    );
    const within = (await compiled(uses, { root, cacheDir }, { packages: "within" })) as string;
    expect(JSON.parse(runOutput(within))).toEqual({ said: "hej Finsam b", left: ["sharp as Node loads it", "piscina as Node loads it"] });
    const text = fs.readFileSync(within, "utf8");
    expect(text).toContain("exports.greet");
    expect(text).not.toMatch(/from "greeting"/);
    expect(text).toMatch(/from "sharp"/);
    expect(text).toMatch(/from "piscina"/);

    const left = (await compiled(uses, { root, cacheDir }, { packages: "left" })) as string;
    expect(left).not.toBe(within);
    expect(fs.readFileSync(left, "utf8")).toMatch(/from "greeting"/);

    write("node_modules/greeting/index.js", "exports.greet = (name) => `hallå ${name}`;\n", new Date(Date.now() + 5_000));
    const again = (await compiled(uses, { root, cacheDir }, { packages: "within" })) as string;
    expect(JSON.parse(runOutput(again)).said).toBe("hallå Finsam");

    // A package that finds a file beside its own would look beside the copy: no copy, and the command runs through tsx.
    for (const [way, at] of [["__dirname", "1"], ["__filename", "2"], ["import.meta.url", "3"], ['require.resolve("./data.json")', "4"]] as const) {
      write("node_modules/greeting/index.js", `exports.greet = () => String(${way});\n`, new Date(Date.now() + 10_000 + Number(at) * 1_000));
      expect(await compiled(uses, { root, cacheDir }, { packages: "within" }), way).toBeUndefined();
    }
  });

  it("can be made of the project's check and its search index worker", async () => {
    for (const own of ["src/cli/check.ts", "src/outputs/search/worker.ts"]) {
      const file = await compiled(path.join(ROOT, own), { root: ROOT, cacheDir: path.join(root, "project-cache") });
      expect(file, own).toBeDefined();
      expect(fs.readFileSync(file as string, "utf8")).not.toMatch(/\bimport\.meta\b/);
    }
    // As npm run check makes it: every package within but sharp and piscina, none finding files of its own.
    const whole = await compiled(path.join(ROOT, "src/cli/check.ts"), { root: ROOT, cacheDir: path.join(root, "project-cache") }, { packages: "within" });
    expect(whole).toBeDefined();
    const text = fs.readFileSync(whole as string, "utf8");
    expect(text.match(/\bimport\.meta\b/g)).toHaveLength(1);
    expect(text).not.toMatch(/\b__dirname\b|\b__filename\b|\brequire\.resolve\b/);
    expect([...text.matchAll(/^import .* from "([^"]+)";$/gm)].map((match) => match[1]).filter((from) => !from?.startsWith("node:"))).toEqual(["sharp"]);
  });
});

describe("a command's module", () => {
  it("is loaded through tsx where it cannot be compiled, and still runs", () => {
    // An ES module project, as this one is.
    write("package.json", JSON.stringify({ type: "module" }));
    write("src/cli/greet.ts", 'export function main(argv: readonly string[]): string {\n  const greeting: string = "hej";\n  return `${greeting} ${argv.join(" ")}`;\n}\n');
    const blocked = path.join(root, "blocked");
    fs.writeFileSync(blocked, "a file where the cache folder should be");
    const script = `
      const { load } = await import(${JSON.stringify(pathToFileURL(MODULES).href)});
      const command = await load(${JSON.stringify(path.join(root, "src/cli/greet.ts"))}, { root: ${JSON.stringify(root)}, cacheDir: ${JSON.stringify(path.join(blocked, "cli"))} });
      console.log(command.main(["Finsam"]));`;
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.stdout.trim()).toBe("hej Finsam");
  });
});

describe("node src/cli/compiled.mjs", () => {
  it("runs npm run check's command and refuses a command it does not know", () => {
    const known = spawnSync(process.execPath, [COMPILED, "check", "--content", "content"], { cwd: ROOT, encoding: "utf8" });
    expect(known.stderr).toBe("");
    expect(known.status).toBe(0);
    expect(known.stdout).toMatch(/^Inga fel \(\d+ dokument kontrollerade/);

    const unknown = spawnSync(process.execPath, [COMPILED, "bygg"], { cwd: ROOT, encoding: "utf8" });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Okänt kommando "bygg"');
  });
});

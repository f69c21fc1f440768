// src/cli/compiled.mjs: a command compiled into one file is made from the sources as they are now, keeps each
// module's own location, and is given up (for tsx) rather than half written where it cannot be made.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { spawnSync } from "node:child_process";
import { beforeEach, describe, expect, it } from "vitest";
import { compiled, load } from "../../../src/cli/compiled.mjs";
import { ROOT } from "../../helpers/check-cli.ts";


let root: string;
let cacheDir: string;

function write(file: string, text: string, mtime?: Date): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
  if (mtime) fs.utimesSync(path.join(root, file), mtime, mtime);
}

/** Runs the compiled file in a child process (a fresh module each time) and returns what it printed. */
function runOutput(file: string): string {
  const result = spawnSync(process.execPath, [file], { encoding: "utf8" });
  expect(result.stderr).toBe("");
  return result.stdout.trim();
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "compiled-"));
  cacheDir = path.join(root, "node_modules", ".cache", "finsam-cli");
  write("src/words.ts", 'export const word: string = "första";\nexport const here = import.meta.url;\nexport const folder = import.meta.dirname;\n');
  write(
    "src/cli/say.ts",
    'import { word, here, folder } from "../words.ts";\nconst self: string = import.meta.filename;\nconsole.log(JSON.stringify({ word, here, folder, self }));\n',
  );
});

describe("a command compiled into one file", () => {
  it("runs as the sources do, each module with its own location", async () => {
    const file = await compiled(path.join(root, "src/cli/say.ts"), { root, cacheDir });
    expect(file).toBe(path.join(cacheDir, "src-cli-say.mjs"));
    expect(JSON.parse(runOutput(file as string))).toEqual({
      word: "första",
      here: pathToFileURL(path.join(root, "src/words.ts")).href,
      folder: path.join(root, "src"),
      self: path.join(root, "src/cli/say.ts"),
    });
  });

  it("is kept while its sources are unchanged, and made again when one changes, even to the same size", async () => {
    const entry = path.join(root, "src/cli/say.ts");
    const file = (await compiled(entry, { root, cacheDir })) as string;
    const made = fs.statSync(file).mtimeMs;
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(file, old, old);
    const stamped = fs.statSync(file).mtimeMs;
    expect(stamped).not.toBe(made);
    await compiled(entry, { root, cacheDir });
    expect(fs.statSync(file).mtimeMs).toBe(stamped);

    write("src/words.ts", fs.readFileSync(path.join(root, "src/words.ts"), "utf8").replace("första", "fjärde"), new Date(Date.now() + 5_000));
    await compiled(entry, { root, cacheDir });
    expect(JSON.parse(runOutput(file)).word).toBe("fjärde");
  });

  it("is made again when the record of what it was made from is gone or unreadable", async () => {
    const entry = path.join(root, "src/cli/say.ts");
    const file = (await compiled(entry, { root, cacheDir })) as string;
    fs.writeFileSync(file, 'console.log(JSON.stringify({ word: "inaktuell" }));\n');
    fs.writeFileSync(path.join(cacheDir, "src-cli-say.json"), "{ inte json");
    await compiled(entry, { root, cacheDir });
    expect(JSON.parse(runOutput(file)).word).toBe("första");
  });

  it("gives nothing, and leaves no file behind, where the sources do not compile or the cache cannot be written", async () => {
    write("src/cli/broken.ts", "export const = ;\n");
    expect(await compiled(path.join(root, "src/cli/broken.ts"), { root, cacheDir })).toBeUndefined();
    expect(fs.existsSync(path.join(cacheDir, "src-cli-broken.mjs"))).toBe(false);

    const blocked = path.join(root, "blocked");
    fs.writeFileSync(blocked, "a file where the cache folder should be");
    expect(await compiled(path.join(root, "src/cli/say.ts"), { root, cacheDir: path.join(blocked, "cli") })).toBeUndefined();
  });
});

describe("a command's module", () => {
  it("is loaded through tsx where it cannot be compiled, and still runs", async () => {
    write("src/cli/greet.ts", 'export function main(argv: readonly string[]): string {\n  return `hej ${argv.join(" ")}`;\n}\n');
    const blocked = path.join(root, "blocked");
    fs.writeFileSync(blocked, "a file where the cache folder should be");
    const command = await load(path.join(root, "src/cli/greet.ts"), { root, cacheDir: path.join(blocked, "cli") });
    expect(command.main(["Finsam"])).toBe("hej Finsam");

    const made = await load(path.join(root, "src/cli/greet.ts"), { root, cacheDir });
    expect(made.main(["igen"])).toBe("hej igen");
    expect(fs.existsSync(path.join(cacheDir, "src-cli-greet.mjs"))).toBe(true);
  });
});

describe("node src/cli/compiled.mjs", () => {
  it("runs npm run check's command and refuses a command it does not know", () => {
    const known = spawnSync(process.execPath, ["src/cli/compiled.mjs", "check", "--content", "content"], { cwd: ROOT, encoding: "utf8" });
    expect(known.stderr).toBe("");
    expect(known.status).toBe(0);
    expect(known.stdout).toMatch(/^Inga fel \(\d+ dokument kontrollerade/);

    const unknown = spawnSync(process.execPath, ["src/cli/compiled.mjs", "bygg"], { cwd: ROOT, encoding: "utf8" });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Okänt kommando "bygg"');
  });
});

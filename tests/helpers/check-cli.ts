// `npm run check` as editors and CI run it, in a child process, and where its findings should point.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export function runCheck(args: readonly string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["src/cli/compiled.mjs", "check", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** "line:column" of the first occurrence of `text` in a file of the tree, counted by the test. */
export function at(dir: string, file: string, text: string): string {
  const source = fs.readFileSync(path.join(dir, file), "utf8");
  const index = source.indexOf(text);
  if (index < 0) throw new Error(`"${text}" not in ${file}`);
  const before = source.slice(0, index).split("\n");
  return `${before.length}:${(before.at(-1) ?? "").length + 1}`;
}

/** The path as the check prints it: relative to the working folder it was started in. */
export function shown(dir: string, file: string): string {
  return path.relative(ROOT, path.join(dir, file)).split(path.sep).join("/");
}

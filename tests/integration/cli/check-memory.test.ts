// `npm run check` holds no document's text once the file is checked (src/content/read.ts ReadContext): loaded as the
// check loads (src/cli/check.ts CHECK_LOADING), a folder keeps a small part of its text, where a build's load keeps all. Before, an image's alt text
// (a view into its file's text) kept every file alive whatever the load dropped.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../../bench/corpus.ts";
import { listMarkdownFiles } from "../../../src/content/files.ts";
import { ROOT } from "../../helpers/check-cli.ts";

interface Kept {
  kept: number;
  documents: number;
  problems: number;
}

function heapKept(dir: string, as: "build" | "check"): Kept {
  const result = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", "tests/helpers/heap-after-load.ts", dir, as], { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as Kept;
}

describe("the memory a check keeps", () => {
  let dir: string;
  let characters: number;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-check-memory-"));
    writeCorpus(dir, { documents: 300, vocabulary: "real" });
    characters = listMarkdownFiles(dir).reduce((sum, file) => sum + fs.readFileSync(file, "utf8").length, 0);
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is the documents' fields and links, not their texts", () => {
    const withBodies = heapKept(dir, "build");
    const without = heapKept(dir, "check");
    expect(without.documents).toBe(300);
    expect(without.problems).toBe(withBodies.problems);
    // The bodies are the difference: most of the folder's characters (one byte each in a Latin-1 text).
    expect(withBodies.kept - without.kept).toBeGreaterThan(0.8 * characters);
    expect(without.kept).toBeLessThan(0.6 * characters);
  });
});

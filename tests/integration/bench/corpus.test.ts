// The benchmark corpus: the same seed writes the same files, every document is valid, every type is there.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../../bench/corpus.ts";
import { loadSite } from "../../../src/site-model/site-checks.ts";
import { ARTICLE_KEYS } from "../../../src/content/types.ts";

const made: string[] = [];

function corpus(documents: number, seed?: number): { dir: string; files: Map<string, string> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-corpus-"));
  made.push(dir);
  writeCorpus(dir, { documents, seed });
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), fs.readFileSync(file, "utf8"));
  }
  return { dir, files };
}

afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

describe("benchmark corpus", () => {
  it("writes the same files for the same seed, and other files for another", () => {
    const first = corpus(60);
    const second = corpus(60);
    expect([...second.files.keys()].sort()).toEqual([...first.files.keys()].sort());
    for (const [file, text] of first.files) expect(second.files.get(file), file).toBe(text);
    const other = corpus(60, 7);
    expect([...other.files.values()].join("")).not.toBe([...first.files.values()].join(""));
  });

  it("writes documents that load without a single problem, of all five types, of realistic length", async () => {
    const { dir, files } = corpus(200);
    const { documents, problems } = await loadSite(dir, { now: new Date("2026-11-24T12:00:00Z") });
    expect(problems).toEqual([]);
    expect(documents).toHaveLength(200);
    expect(new Set(documents.map((document) => document.type))).toEqual(new Set(ARTICLE_KEYS));
    for (const document of documents) {
      const words = document.body.split(/\s+/).filter(Boolean).length;
      expect(words, document.sourcePath).toBeGreaterThanOrEqual(600);
      expect(words, document.sourcePath).toBeLessThanOrEqual(900);
    }
    // Headings, lists and internal links, as editors write them.
    const bodies = documents.map((document) => document.body).join("\n");
    expect(bodies).toMatch(/^## /m);
    expect(bodies).toMatch(/^- /m);
    expect(bodies).toMatch(/\]\(\/nyheter\/\d{4}\/[^)]+\/\)/);
    expect(new Set(documents.flatMap((document) => ("tags" in document.data ? document.data.tags : []))).size).toBeGreaterThan(15);
    expect([...files.keys()].some((file) => file.startsWith("bilder/"))).toBe(true);
  });
});

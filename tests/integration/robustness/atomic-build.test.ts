// `npm run build` as a deploy script runs it: a failed build, whether the content is broken or the generator
// fails half-way through writing, leaves the last good site byte for byte as it was, and no staging folder behind.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { load } from "cheerio";
import { stringify } from "yaml";
import { validFrontMatter } from "../../property/arbitraries.ts";
import { writeFixtureData } from "../../helpers/build.ts";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let root: string;
let contentDir: string;
let outputDir: string;

function runBuild(extraEnv: Record<string, string> = {}, preload: string[] = []): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", ...preload.flatMap((file) => ["--import", `./${file}`]), "src/cli/build.ts"],
      {
        cwd: process.cwd(),
        env: { ...process.env, FINSAM_CONTENT_DIR: contentDir, FINSAM_OUTPUT_DIR: outputDir, FINSAM_MODE: "production", ...extraEnv },
        timeout: 60_000,
        maxBuffer: 10 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Every file and folder under the site, with a hash of each file's bytes. */
function snapshot(dir: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]) {
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, full);
    entries.set(relative, entry.isDirectory() ? "folder" : createHash("sha256").update(fs.readFileSync(full)).digest("hex"));
  }
  return entries;
}

/** Anything beside the site folder: a staging or retired copy left behind would sit here. */
function leftovers(): string[] {
  return fs.readdirSync(root).filter((name) => name !== "content" && name !== "site");
}

/** After a good build the replaced site may still be being deleted in the background; give that a moment. */
async function leftoversAfterSuccess(): Promise<string[]> {
  for (let waited = 0; waited < 10_000 && leftovers().some((name) => name.startsWith("site.old-")); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return leftovers();
}

function writeDocument(name: string, data: Record<string, unknown>): void {
  fs.writeFileSync(path.join(contentDir, "nyheter", name), `---\n${stringify(data)}---\nText.\n`);
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-atomic-"));
  contentDir = path.join(root, "content");
  outputDir = path.join(root, "site");
  fs.mkdirSync(path.join(contentDir, "nyheter"), { recursive: true });
  writeFixtureData(contentDir);
  writeDocument("2024-05-02-forsta.md", { ...validFrontMatter("nyhet"), title: "Första nyheten", date: "2024-05-02" });
  writeDocument("2024-05-03-andra.md", { ...validFrontMatter("nyhet"), title: "Andra nyheten", date: "2024-05-03" });
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("npm run build and a failing build", () => {
  let good: Map<string, string>;

  it("builds good content into the output folder", async () => {
    const run = await runBuild();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("Klart: 2 dokument");
    good = snapshot(outputDir);
    expect(good.get("index.html")).toMatch(/^[0-9a-f]{64}$/);
    expect(good.get(path.join("nyheter", "2024", "andra", "index.html"))).toMatch(/^[0-9a-f]{64}$/);
    expect(good.get("feed.xml")).toMatch(/^[0-9a-f]{64}$/);
    expect(await leftoversAfterSuccess()).toEqual([]);
  });

  it("stops on a broken document with the Swedish report, and leaves the site as it was", async () => {
    writeDocument("2024-05-03-andra.md", { ...validFrontMatter("nyhet"), title: "Andra nyheten", date: "3 maj 2024" });
    const run = await runBuild();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Bygget stoppades: 1 fel i 1 fil.");
    expect(run.stderr).toContain("nyheter/2024-05-03-andra.md:");
    expect(run.stderr).toContain('fältet "date" ska vara ett datum');
    expect(run.stderr).toContain("Inget har publicerats.");
    expect(run.stderr).not.toContain("internt fel");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(outputDir)).toEqual(good);
    expect(leftovers()).toEqual([]);
  });

  // The search index is made in a worker thread while the pages are written into the staging folder: a crash
  // there is a crash mid-write. A preloaded module (it runs in every thread) breaks the worker.
  it.each([
    ["throws", "tests/fixtures/search-worker/crash.mjs", "Sökindexeringen kraschade (test)."],
    ["ends without a word", "tests/fixtures/search-worker/silent-exit.mjs", "Sökindexets tråd tog slut utan index (kod 0)."],
  ])("leaves the site as it was when the search indexer %s half-way through the build", async (_, preload, message) => {
    writeDocument("2024-05-03-andra.md", { ...validFrontMatter("nyhet"), title: "Andra nyheten, rättad", date: "2024-05-03" });
    const run = await runBuild({}, [preload]);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stderr).toContain("Bygget misslyckades av ett internt fel");
    expect(run.stderr).toContain(message);
    expect(snapshot(outputDir)).toEqual(good);
    expect(leftovers()).toEqual([]);
  });

  it("replaces the whole site on the next good build", async () => {
    const run = await runBuild();
    expect(run.code).toBe(0);
    const after = snapshot(outputDir);
    expect(after.get(path.join("nyheter", "2024", "andra", "index.html"))).not.toBe(good.get(path.join("nyheter", "2024", "andra", "index.html")));
    const $ = load(fs.readFileSync(path.join(outputDir, "nyheter", "2024", "andra", "index.html"), "utf8"));
    expect($("article header h1").text()).toBe("Andra nyheten, rättad");
    expect(await leftoversAfterSuccess()).toEqual([]);
  });
});

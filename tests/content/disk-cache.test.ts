// The loader's cache on disk: a later run that finds a file unchanged must get exactly what reading it gives,
// and a changed file must be read again.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { writeCorpus } from "../../bench/corpus.ts";
import { diskCacheEnabled, storeFileOf } from "../../src/content/disk-cache.ts";
import type { LoadResult } from "../../src/content/load.ts";
import { FIXED_NOW, markdownFile, writeContent } from "../helpers/build.ts";

let dir: string;

// Counts the front matter parsed by a load: a file the cache on disk answers for is hashed, never parsed. Without
// this count a loader that never read the cache would pass every comparison below.
vi.mock("../../src/content/front-matter.ts", { spy: true });
let parsed: () => number;

/** A new process as far as the loader knows: its in-memory cache starts empty. */
async function loadInFreshProcess(): Promise<LoadResult> {
  vi.resetModules();
  // The spied module first: spied on while load.ts's import cycle is half evaluated, it left read.ts's exports unset.
  const { parseFrontMatter } = await import("../../src/content/front-matter.ts");
  const { loadContent } = await import("../../src/content/load.ts");
  // The spy outlives resetModules: count from here.
  vi.mocked(parseFrontMatter).mockClear();
  parsed = () => vi.mocked(parseFrontMatter).mock.calls.length;
  return loadContent(dir, FIXED_NOW, { persist: true });
}

/** Bodies are read on demand from cached documents: compare them as text. */
function comparable(result: LoadResult): unknown {
  return JSON.parse(JSON.stringify({ documents: result.documents.map((document) => ({ ...document, body: document.body })), problems: result.problems }));
}

beforeAll(() => {
  dir = writeContent({
    "nyheter/2024-01-10-trasig-lank.md": markdownFile(
      { title: "Trasig länk", date: "2024-01-10", summary: "S.", organisation: "nns", tags: ["Samverkan"] },
      "## Rubrik\n\nSe [sidan](/nyheter/2023/finns-inte/) och ![En bild](/bilder/saknas.jpg).",
    ),
    "nyheter/2024-01-11-fel.md": markdownFile({ title: "Fel", date: "1 maj", summary: "S.", organisation: "nns" }),
    "nyheter/2024-01-12-hoppar.md": markdownFile({ title: "Hoppar", date: "2024-01-12", summary: "S.", organisation: "nns" }, "#### För djup\n\nText."),
  });
  writeCorpus(dir, { documents: 30 });
});

afterAll(() => {
  fs.rmSync(storeFileOf(dir), { force: true });
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the loader's cache on disk", () => {
  it("gives a later run the same documents, bodies and problems (link checks included) as reading the files", async () => {
    const read = await loadInFreshProcess();
    expect(parsed()).toBe(read.files.length);
    expect(fs.existsSync(storeFileOf(dir))).toBe(true);
    expect(read.problems.some((problem) => problem.message.includes("/nyheter/2023/finns-inte/"))).toBe(true);
    expect(read.problems.some((problem) => problem.file.endsWith("2024-01-11-fel.md"))).toBe(true);
    const cached = await loadInFreshProcess();
    expect(parsed(), "files parsed again although unchanged").toBe(0);
    expect(comparable(cached)).toEqual(comparable(read));
    expect(cached.documents.find((document) => document.fileSlug === "hoppar")?.data.date).toBeInstanceOf(Date);
  });

  it("reads a file again when it changed, and forgets one that is gone", async () => {
    await loadInFreshProcess();
    const file = path.join(dir, "nyheter", "2024-01-11-fel.md");
    fs.writeFileSync(file, markdownFile({ title: "Rättad", date: "2024-01-11", summary: "S.", organisation: "nns" }, "Ny text."));
    fs.rmSync(path.join(dir, "nyheter", "2024-01-12-hoppar.md"));
    const after = await loadInFreshProcess();
    expect(parsed(), "only the changed file is parsed").toBe(1);
    const fixed = after.documents.find((document) => document.fileSlug === "fel");
    expect(fixed?.data.title).toBe("Rättad");
    expect(fixed?.body).toBe("Ny text.\n");
    expect(after.problems.some((problem) => problem.file.endsWith("2024-01-11-fel.md"))).toBe(false);
    expect(after.documents.some((document) => document.fileSlug === "hoppar")).toBe(false);
    expect(comparable(await loadInFreshProcess())).toEqual(comparable(after));
  });

  it("goes by the file's bytes, not its time and size: a copy that kept both is read again", async () => {
    const file = path.join(dir, "nyheter", "2024-01-10-trasig-lank.md");
    await loadInFreshProcess();
    const { mtime, size } = fs.statSync(file);
    // Whole seconds: utimes and stat round sub-millisecond times differently on some file systems.
    const stamp = new Date(Math.floor(mtime.getTime() / 1000) * 1000);
    const text = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, text.replace("Trasig länk", "Trasig lank"));
    fs.utimesSync(file, stamp, stamp);
    expect(fs.statSync(file).size).toBe(size - 1);
    expect((await loadInFreshProcess()).documents.find((document) => document.fileSlug === "trasig-lank")?.data.title).toBe("Trasig lank");
    // Same size, same time, other bytes.
    fs.writeFileSync(file, text.replace("Trasig länk", "Trasig lanK"));
    fs.utimesSync(file, stamp, stamp);
    expect(fs.statSync(file).size).toBe(size - 1);
    expect(fs.statSync(file).mtimeMs).toBe(stamp.getTime());
    const after = await loadInFreshProcess();
    expect(after.documents.find((document) => document.fileSlug === "trasig-lank")?.data.title).toBe("Trasig lanK");
  });

  it("is on unless FINSAM_CACHE=0", () => {
    expect(diskCacheEnabled({})).toBe(true);
    expect(diskCacheEnabled({ FINSAM_CACHE: "0" })).toBe(false);
  });
});

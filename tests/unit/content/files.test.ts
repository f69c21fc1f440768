// Every file under the content folder is a document, an asset the build copies, the editors' guide or a finding:
// symbolic links, misnamed Markdown, leftovers and names that clash on other machines are reported, never skipped.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { listContent, listMarkdownFiles, shownPath } from "../../../src/content/files.ts";
import type { ContentDocument } from "../../../src/content/document.ts";
import { displayPath, type ContentProblem } from "../../../src/content/problems.ts";
import { loadSite } from "../../../src/site-model/site-checks.ts";
import { markdownFile, writeContent } from "../../helpers/build.ts";
import { TEST_JPEG, TEST_PNG } from "../../helpers/images.ts";

function news(overrides: Record<string, unknown> = {}): string {
  return markdownFile({ title: "En nyhet", date: "2024-01-15", summary: "Kort ingress.", organisation: "nns", ...overrides });
}

/** The findings about one file of the tree (by its path under the content folder; control characters escaped). */
function about(problems: readonly ContentProblem[], dir: string, relative: string): ContentProblem[] {
  const shown = shownPath(path.join(dir, relative));
  return problems.filter((problem) => problem.file === shown);
}

/** The one finding about a file, which must exist. */
function only(problems: readonly ContentProblem[], dir: string, relative: string): ContentProblem {
  const found = about(problems, dir, relative);
  expect(found, relative).toHaveLength(1);
  return found[0] as ContentProblem;
}

/** A folder outside the content tree that looks like a repository with a token in its configuration. */
function gitLikeFolder(): string {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-repo-"));
  fs.mkdirSync(path.join(repo, ".git"));
  fs.writeFileSync(path.join(repo, ".git", "config"), '[remote "origin"]\n\turl = https://x-access-token:ghs_HEMLIG@github.com/o/r\n');
  return repo;
}

describe("symbolic links under the content folder", () => {
  const repo = gitLikeFolder();
  const outside = writeContent({ "nyheter/2024-02-01-utanfor.md": news({ title: "Utanför", date: "2024-02-01" }), "bild.jpg": "jpg" });
  const dir = writeContent({ "nyheter/2024-01-15-en-nyhet.md": news(), "bilder/riktig.jpg": "jpg" });
  fs.symlinkSync("/etc/passwd", path.join(dir, "bilder", "x.jpg"));
  fs.symlinkSync(path.join(repo, ".git", "config"), path.join(dir, "bilder", "config.png"));
  fs.symlinkSync(path.join(outside, "nyheter"), path.join(dir, "nyheter", "lankad-mapp"));
  fs.symlinkSync(path.join(outside, "nyheter", "2024-02-01-utanfor.md"), path.join(dir, "nyheter", "2024-02-01-lankad.md"));
  fs.symlinkSync("riktig.jpg", path.join(dir, "bilder", "inne.jpg"));
  fs.symlinkSync("finns-inte.jpg", path.join(dir, "bilder", "trasig.jpg"));
  let documents: ContentDocument[] = [];
  let problems: ContentProblem[] = [];
  beforeAll(async () => {
    ({ documents, problems } = await loadSite(dir));
  });

  it("refuses each one with an error naming the file", () => {
    for (const relative of ["bilder/x.jpg", "bilder/config.png", "nyheter/lankad-mapp", "nyheter/2024-02-01-lankad.md", "bilder/inne.jpg", "bilder/trasig.jpg"]) {
      const problem = only(problems, dir, relative);
      expect(problem.severity, relative).toBe("fel");
      expect(problem.message, relative).toMatch(/^(filen|mappen) är en symbolisk länk .*; länkar publiceras aldrig – lägg in själva (filen|mappen) i stället$/);
    }
  });

  it("says where a link points: outside the folder, or at which file inside it", () => {
    expect(only(problems, dir, "bilder/x.jpg").message).toBe(
      "filen är en symbolisk länk (pekar utanför innehållsmappen, på /etc/passwd); länkar publiceras aldrig – lägg in själva filen i stället",
    );
    expect(only(problems, dir, "nyheter/lankad-mapp").message).toMatch(/^mappen är en symbolisk länk \(pekar utanför innehållsmappen/);
    expect(only(problems, dir, "bilder/inne.jpg").message).toContain(`(pekar på ${displayPath(path.join(dir, "bilder", "riktig.jpg"))})`);
  });

  it("reads nothing through a link: no document from a linked file or folder", () => {
    expect(documents.map((document) => document.data.title)).toEqual(["En nyhet"]);
    expect(listMarkdownFiles(dir)).toEqual([path.join(path.resolve(dir), "nyheter", "2024-01-15-en-nyhet.md")]);
  });

  it("lists only the regular image as an asset", () => {
    expect(listContent(dir).assets.map((asset) => asset.sitePath)).toEqual(["/bilder/riktig.jpg"]);
  });
});

describe("files that are not documents", () => {
  const dir = writeContent({
    "README.md": "# Guide\n",
    "bilder/.gitkeep": "",
    "bilder/styrelsen.jpg": TEST_JPEG,
    "bilder/Karta.PNG": TEST_PNG,
    "filer/arsredovisning-2023.pdf": "%PDF",
    "nyheter/2024-01-15-en-nyhet.md": news(),
    "nyheter/2024-01-16-versaler.MD": news({ title: "Versaler", date: "2024-01-16" }),
    "nyheter/2024-01-17-lang.markdown": news({ title: "Lång", date: "2024-01-17" }),
    "nyheter/.2024-01-18-dold.md": news({ title: "Dold", date: "2024-01-18" }),
    "nyheter/._2024-01-15-en-nyhet.md": "\u0000\u0005\u0016\u0007",
    "nyheter/.DS_Store": "\u0000",
    "bilder/Icon\r": "",
    "nyheter/2024-01-15-en-nyhet.md~": news(),
    "nyheter/#2024-01-15-en-nyhet.md#": news(),
    "nyheter/2024-01-15-en-nyhet.md.swp": "b0VIM",
    "nyheter/anteckningar.bak": "gammalt",
    "nyheter/anteckningar.txt": "att göra",
    "nyheter/bild.jpg": "jpg",
    "brev/protokoll.pdf": "%PDF",
    "bilder/foto.heic": "heic",
    "bilder/sida.html": "<script>alert(1)</script>",
    "filer/rapport.docx": "docx",
    "okand-mapp/data.json": "{}",
    ".obsidian/workspace.json": "{}",
    "__MACOSX/nyheter/._x.md": "",
  });
  let documents: ContentDocument[] = [];
  let problems: ContentProblem[] = [];
  beforeAll(async () => {
    ({ documents, problems } = await loadSite(dir));
  });
  const inventory = listContent(dir);

  it("loads only the .md files as documents", () => {
    expect(documents.map((document) => document.data.title)).toEqual(["En nyhet"]);
    expect(inventory.documents.map((file) => path.relative(path.resolve(dir), file))).toEqual(["nyheter/2024-01-15-en-nyhet.md"]);
  });

  it("copies images in bilder/ (any case of extension) and PDFs in filer/, at their site paths", () => {
    expect(inventory.assets.map((asset) => asset.sitePath)).toEqual(["/bilder/Karta.PNG", "/bilder/styrelsen.jpg", "/filer/arsredovisning-2023.pdf"]);
  });

  it("says nothing of the guide, the documents, the assets or .gitkeep", () => {
    for (const relative of ["README.md", "bilder/.gitkeep", "bilder/styrelsen.jpg", "bilder/Karta.PNG", "filer/arsredovisning-2023.pdf", "nyheter/2024-01-15-en-nyhet.md"]) {
      expect(about(problems, dir, relative), relative).toEqual([]);
    }
  });

  it("refuses Markdown with another extension and says to rename it to .md", () => {
    const upper = only(problems, dir, "nyheter/2024-01-16-versaler.MD");
    expect(upper.severity).toBe("fel");
    expect(upper.message).toBe("webbplatsen läser bara Markdown-filer som slutar på .md (med små bokstäver); byt namn till 2024-01-16-versaler.md");
    const long = only(problems, dir, "nyheter/2024-01-17-lang.markdown");
    expect(long.severity).toBe("fel");
    expect(long.message).toContain("byt namn till 2024-01-17-lang.md");
  });

  it("warns that a hidden file is not published", () => {
    const hidden = only(problems, dir, "nyheter/.2024-01-18-dold.md");
    expect(hidden.severity).toBe("varning");
    expect(hidden.message).toMatch(/^filen är dold .* och publiceras inte/);
  });

  it("warns of system files and editors' backups as things that can be deleted", () => {
    for (const relative of ["nyheter/._2024-01-15-en-nyhet.md", "nyheter/.DS_Store", "bilder/Icon\r"]) {
      const problem = only(problems, dir, relative);
      expect(problem.severity, relative).toBe("varning");
      expect(problem.message, relative).toMatch(/^är en fil som datorns system skapar.*kan tas bort$/);
    }
    for (const relative of ["nyheter/2024-01-15-en-nyhet.md~", "nyheter/#2024-01-15-en-nyhet.md#", "nyheter/2024-01-15-en-nyhet.md.swp", "nyheter/anteckningar.bak"]) {
      const problem = only(problems, dir, relative);
      expect(problem.severity, relative).toBe("varning");
      expect(problem.message, relative).toMatch(/säkerhetskopia.*publiceras inte och kan tas bort$/);
    }
  });

  it("warns of unknown files anywhere, and of images and PDFs outside their folders", () => {
    for (const relative of ["nyheter/anteckningar.txt", "okand-mapp/data.json"]) {
      const problem = only(problems, dir, relative);
      expect(problem.severity, relative).toBe("varning");
      expect(problem.message, relative).toMatch(/^okänd fil som inte publiceras/);
    }
    const image = only(problems, dir, "nyheter/bild.jpg");
    expect(image.severity).toBe("varning");
    expect(image.message).toMatch(/^publiceras inte: bara bilder i .*\/bilder\/ kopieras.* skriv \/bilder\/bild\.jpg$/);
    expect(only(problems, dir, "brev/protokoll.pdf").message).toMatch(/^publiceras inte: bara PDF-filer i .*\/filer\/ kopieras/);
  });

  it("refuses a file in bilder/ or filer/ the site would not publish: a link to it would pass the check", () => {
    for (const relative of ["bilder/foto.heic", "bilder/sida.html", "filer/rapport.docx"]) {
      const problem = only(problems, dir, relative);
      expect(problem.severity, relative).toBe("fel");
      expect(problem.message, relative).toMatch(/^(bilder|filer)\/ får bara innehålla .*, så den här filen publiceras inte/);
    }
  });

  it("warns once of a hidden or system folder, not of each file in it", () => {
    expect(only(problems, dir, ".obsidian").message).toMatch(/^mappen är dold .*inget i den publiceras/);
    expect(only(problems, dir, "__MACOSX").message).toMatch(/^är en mapp som datorns system skapar/);
    expect(problems.filter((problem) => problem.file.includes("__MACOSX/") || problem.file.includes(".obsidian/"))).toEqual([]);
  });

  it("has a finding for every file that is neither a document, an asset nor the guide or .gitkeep", () => {
    expect(problems.filter((problem) => problem.severity === "fel")).toHaveLength(5);
    expect(problems.filter((problem) => problem.severity === "varning")).toHaveLength(14);
  });
});

describe("names that only differ where some machines see no difference", () => {
  it("refuses names that differ only in upper and lower case, in one folder", async () => {
    const dir = writeContent({
      "bilder/Bild.jpg": TEST_JPEG,
      "bilder/bild.jpg": TEST_JPEG,
      "nyheter/2024-01-15-a.md": news(),
      "nyheter/2024-01-15-A.md": news({ title: "Versal" }),
      "brev/2024-01-15-a.md": markdownFile({ title: "Brev", date: "2024-01-15", summary: "Kort.", organisation: "nns", sender: "A", recipient: "B" }),
    });
    const { problems } = await loadSite(dir);
    for (const [relative, other] of [
      ["bilder/Bild.jpg", "bilder/bild.jpg"],
      ["bilder/bild.jpg", "bilder/Bild.jpg"],
      ["nyheter/2024-01-15-a.md", "nyheter/2024-01-15-A.md"],
      ["nyheter/2024-01-15-A.md", "nyheter/2024-01-15-a.md"],
    ] as const) {
      const [problem] = about(problems, dir, relative).filter((found) => found.message.includes("stora/små"));
      expect(problem?.severity, relative).toBe("fel");
      expect(problem?.message, relative).toBe(
        `filnamnet skiljer sig bara i stora/små bokstäver från ${displayPath(path.join(dir, other))}; på många datorer och webbservrar blir de samma fil – byt namn på eller ta bort den ena`,
      );
    }
    // The same name in two folders is no clash.
    expect(about(problems, dir, "brev/2024-01-15-a.md").filter((found) => found.message.includes("stora/små"))).toEqual([]);
  });

  it("refuses folders whose names differ only in case", async () => {
    const dir = writeContent({ "bilder/Foton/a.jpg": TEST_JPEG, "bilder/foton/b.jpg": TEST_JPEG });
    const { problems } = await loadSite(dir);
    expect(only(problems, dir, "bilder/Foton").message).toMatch(/^mappnamnet skiljer sig bara i stora\/små bokstäver från /);
  });

  it("refuses names that differ only in how å, ä and ö are encoded (NFC or NFD)", async () => {
    const composed = "bilder/styrelsemöte.jpg".normalize("NFC");
    const decomposed = "bilder/styrelsemöte.jpg".normalize("NFD");
    expect(composed).not.toBe(decomposed);
    const dir = writeContent({ [composed]: TEST_JPEG, [decomposed]: TEST_JPEG, "nyheter/2024-01-15-en-nyhet.md": news() });
    const { problems } = await loadSite(dir);
    for (const relative of [composed, decomposed]) {
      const problem = only(problems, dir, relative);
      expect(problem.severity).toBe("fel");
      expect(problem.message).toMatch(/^filnamnet skiljer sig bara i hur å\/ä\/ö är kodade \(Unicode NFC\/NFD\) från /);
    }
  });

  it("gives an image named in NFD the site path links use (NFC)", () => {
    const dir = writeContent({ ["bilder/möte.jpg".normalize("NFD")]: "jpg" });
    expect(listContent(dir).assets.map((asset) => asset.sitePath)).toEqual(["/bilder/möte.jpg".normalize("NFC")]);
  });
});

describe("names no one typed", () => {
  it("refuses a name with a line break or bytes that are not UTF-8, printed on one line", async () => {
    const dir = writeContent({ "nyheter/2024-01-15-en-nyhet.md": news(), "nyheter/rad\nbrytning.md": news({ title: "Radbrytning" }) });
    fs.writeFileSync(Buffer.concat([Buffer.from(path.join(dir, "nyheter") + path.sep), Buffer.from([0x66, 0xff, 0x2e, 0x6d, 0x64])]), news({ title: "Trasig" }));
    const { documents, problems } = await loadSite(dir);
    expect(documents.map((document) => document.data.title)).toEqual(["En nyhet"]);
    const named = problems.filter((problem) => problem.message.includes("tecken som inte går att läsa"));
    expect(named.map((problem) => problem.severity)).toEqual(["fel", "fel"]);
    expect(named.some((problem) => problem.file.endsWith("nyheter/rad\\u000abrytning.md"))).toBe(true);
    for (const problem of named) expect(problem.file).not.toContain("\n");
  });
});

describe("the shipped content", () => {
  it("is all documents, the guide and .gitkeep: no findings", () => {
    expect(listContent("content").problems).toEqual([]);
  });
});

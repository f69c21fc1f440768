// The import command's other paths, through its exported main: guessing each type from its signs, --typ,
// a staffing change, usage errors and their exit codes, and placeholders where nothing could be guessed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../../../src/cli/import.ts";
import { parseFrontMatter } from "../../../src/content/front-matter.ts";
import { guessType } from "../../../src/import/guess.ts";
import { writeFixtureData } from "../../helpers/build.ts";

let dir: string;
let output: string[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-import-cli-"));
  // The content folders imported into have their data files (organisations to guess from), as content/ has.
  writeFixtureData(path.join(dir, "content"));
  writeFixtureData(path.join(dir, "annan"));
  output = [];
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void output.push(args.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void output.push(args.join(" ")));
});

afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

function input(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

function written(folder: string): { data: Record<string, unknown>; body: string; name: string } {
  const folderPath = path.join(dir, "content", folder);
  const [name] = fs.readdirSync(folderPath);
  const parsed = parseFrontMatter(fs.readFileSync(path.join(folderPath, name as string), "utf8"));
  return { data: parsed.data, body: parsed.body, name: name as string };
}

const NOW = new Date("2026-03-10T12:00:00Z");

describe("guessType", () => {
  it.each([
    ["Protokoll styrelsemöte", "§1 Mötets öppnande", "protokoll"],
    ["Möte", "Närvarande\n§1 Mötets öppnande", "protokoll"],
    ["Brev till nätverket", "Hej alla,", "brev"],
    ["Tack för allt", "Hej alla i nätverket,\n\nJag slutar.\n\nMed vänliga hälsningar,\nAnna", "brev"],
    ["Konferens i Umeå 3-4 maj 2024", "Två dagar med föreläsningar.", "konferens"],
    ["20 år med förbundet", "Jag minns.", "minnen"],
    ["Ny förbundschef i Blekinge", "Anna Andersson blir ny förbundschef.", "nyhet"],
  ] as const)("%s → %s", (title, text, type) => {
    expect(guessType(title, text).type).toBe(type);
  });
});

describe("npm run import (main)", () => {
  it("reads a staffing change: new in a role", async () => {
    const file = input("ny.txt", "Ny förbundschef i Blekinge\n\nAnna Andersson blir ny förbundschef i Samordningsförbundet i Blekinge från 1 maj.\n\nHon kommer från Region Blekinge.\n");
    expect(await main([file, "--content", path.join(dir, "content")], {}, NOW)).toBe(0);
    const news = written("nyheter");
    expect(news.data).toMatchObject({ person: "Anna Andersson", role: "förbundschef", change: "börjar", organisation: "blekinge", draft: true });
    expect(news.name).toBe("2026-03-10-ny-forbundschef-i-blekinge.md");
  });

  it("--typ forces the type, and required fields nobody could guess get the placeholder `new` uses", async () => {
    const file = input("text.txt", "Tankar om samverkan\n\nSamverkan kräver tid och förtroende.\n");
    expect(await main([file, "--typ", "brev", "--content", path.join(dir, "content")], {}, NOW)).toBe(0);
    const letter = written("brev");
    expect(letter.data.sender).toMatch(/^\[fyll i: Avsändarens namn\]$/);
    expect(letter.data.senderOrganisation).toMatch(/^\[fyll i: /);
    expect(letter.data.letterDate).toBe("2026-03-10");
    const report = output.join("\n");
    expect(report).toContain("typ: brev (angiven med --typ)");
    expect(report).toMatch(/- sender: hittades inte i texten/);
    expect(report).toMatch(/- letterDate: hittades inte i texten: satt till importdagen/);
  });

  it("writes into FINSAM_CONTENT_DIR when --content is not given", async () => {
    const file = input("a.txt", "En rubrik\n\nEn mening som är lång nog att bli en ingress i utkastet.\n");
    const target = path.join(dir, "annan");
    expect(await main([file], { FINSAM_CONTENT_DIR: target }, NOW)).toBe(0);
    expect(fs.readdirSync(path.join(target, "nyheter"))).toEqual(["2026-03-10-en-rubrik.md"]);
  });

  it("refuses an unknown type, a missing path and no path at all with exit code 2, writing nothing", async () => {
    const file = input("a.txt", "Rubrik\n\nText.\n");
    expect(await main([file, "--typ", "blogg", "--content", path.join(dir, "content")], {}, NOW)).toBe(2);
    expect(output.join("\n")).toContain('Det finns ingen typ som heter "blogg". Välj en av: nyhet, konferens, brev, minnen, protokoll.');
    expect(await main([path.join(dir, "saknas.txt"), "--content", path.join(dir, "content")], {}, NOW)).toBe(2);
    expect(await main([], {}, NOW)).toBe(2);
    expect(await main(["--okänd"], {}, NOW)).toBe(2);
    expect(fs.readdirSync(path.join(dir, "content"))).toEqual(["data"]);
  });

  it("--help explains the exit codes", async () => {
    expect(await main(["--help"], {}, NOW)).toBe(0);
    expect(output.join("\n")).toMatch(/Slutkod: 0 när alla filer blev utkast, 1 när någon fil hoppades över/);
  });

  it("skips a file whose slug is already taken in the folder, even under another date", async () => {
    const file = input("a.txt", "En rubrik\n\nText som är en mening.\n");
    fs.mkdirSync(path.join(dir, "content", "nyheter"), { recursive: true });
    const existing = path.join(dir, "content", "nyheter", "2020-01-01-en-rubrik.md");
    fs.writeFileSync(existing, "redan här");
    expect(await main([file, "--content", path.join(dir, "content")], {}, NOW)).toBe(1);
    expect(fs.readFileSync(existing, "utf8")).toBe("redan här");
    expect(fs.readdirSync(path.join(dir, "content", "nyheter"))).toEqual(["2020-01-01-en-rubrik.md"]);
    expect(output.join("\n")).toMatch(/hoppade över: .*2020-01-01-en-rubrik\.md finns redan/);
  });
});

// `npm run import` run as an editor runs it, on the five seed exports, compared with the content the project
// ships from them (converted by hand): type and folder, titles, dates, repaired ligatures, no personal data,
// no site chrome, body words, draft: true, and a second import that changes nothing.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFrontMatter } from "../../../src/content/front-matter.ts";
import { DOCUMENT_TYPES, type TypeKey } from "../../../src/content/types.ts";
import { loadSite } from "../../../src/site-model/site-checks.ts";
import { writeFixtureData } from "../../helpers/build.ts";

const ROOT = path.resolve(import.meta.dirname, "../../..");
// CI clones the repository with shared/ beside it.
const SEEDS = path.resolve(process.cwd(), "../shared/seeds");

/** What each seed is, from shared/seeds/README.md: the oracle the guesses are checked against. */
const SEED_TYPES: Record<string, TypeKey> = {
  "000_89b08ccd7ed68ea8.txt": "nyhet",
  "001_55e736cfc31e7379.txt": "konferens",
  "002_74147465afea65be.txt": "brev",
  "003_fa9e2177da6eb443.txt": "minnen",
  "004_7eeaf730aa8d7638.txt": "protokoll",
};

/** The seeds README's list of words the PDF export lost a ligature in, as they must read after repair. */
const LIGATURE_WORDS = ["effekt", "reflektioner", "inflyttning", "finns", "specifikt", "flesta", "medarbetarträffar"];

/** Minimum share of the shipped body's words (counted with repeats) that the draft's body must hold. */
const BODY_COVERAGE = 0.9;

function runImport(args: readonly string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/import.ts", ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Draft {
  file: string;
  source: string;
  data: Record<string, unknown>;
  body: string;
}

function readDraft(file: string): Draft {
  const source = fs.readFileSync(file, "utf8");
  const parsed = parseFrontMatter(source);
  return { file, source, data: parsed.data, body: parsed.body };
}

function onlyFile(folder: string): string {
  const files = fs.readdirSync(folder).filter((name) => name.endsWith(".md"));
  expect(files, folder).toHaveLength(1);
  return path.join(folder, files[0] as string);
}

function shipped(type: TypeKey): Draft {
  return readDraft(onlyFile(path.join(ROOT, "content", DOCUMENT_TYPES[type].folder)));
}

function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** Share of `reference`'s words, repeats counted, that `candidate` also has. */
function coverage(reference: string, candidate: string): number {
  const wanted = wordCounts(reference);
  const have = wordCounts(candidate);
  let total = 0;
  let found = 0;
  for (const [word, count] of wanted) {
    total += count;
    found += Math.min(count, have.get(word) ?? 0);
  }
  return total === 0 ? 1 : found / total;
}

describe("npm run import on the seed exports", () => {
  let contentDir: string;
  let first: ReturnType<typeof runImport>;
  const drafts = new Map<TypeKey, Draft>();

  beforeAll(() => {
    contentDir = writeFixtureData(fs.mkdtempSync(path.join(os.tmpdir(), "finsam-import-")));
    first = runImport([SEEDS, "--content", contentDir]);
    for (const type of Object.values(SEED_TYPES)) {
      const folder = path.join(contentDir, DOCUMENT_TYPES[type].folder);
      if (fs.existsSync(folder)) drafts.set(type, readDraft(onlyFile(folder)));
    }
  });

  afterAll(() => {
    fs.rmSync(contentDir, { recursive: true, force: true });
  });

  function draft(type: TypeKey): Draft {
    const found = drafts.get(type);
    if (!found) throw new Error(`no draft in ${DOCUMENT_TYPES[type].folder}/; stdout:\n${first.stdout}\nstderr:\n${first.stderr}`);
    return found;
  }

  it("writes one draft per seed and exits 0", () => {
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Klart: 5 utkast skrivna, 0 hoppade över/);
  });

  it.each(Object.entries(SEED_TYPES))("%s becomes a %s in the type's folder, named date-slug", (seed, type) => {
    const written = draft(type);
    expect(path.basename(path.dirname(written.file))).toBe(DOCUMENT_TYPES[type].folder);
    expect(path.basename(written.file)).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/);
    // The report names the source and where it went.
    const section = first.stdout.split("\n\n").find((part) => part.includes(seed)) ?? "";
    expect(section).toContain(`typ: ${type}`);
    expect(section).toContain(path.basename(written.file));
  });

  it.each(["nyhet", "konferens", "minnen", "brev"] as const)("the %s draft has the shipped title", (type) => {
    expect(draft(type).data.title).toBe(shipped(type).data.title);
  });

  it("the minutes' title names the förbund and the meeting day", () => {
    expect(draft("protokoll").data.title).toBe("Protokoll Styrelsemöte i Samordningsförbundet i Blekinge 8 maj 2023");
  });

  it("dates: the letter's and the minutes' match the shipped ones; the conference's lies in its days", () => {
    expect(draft("brev").data.date).toBe(shipped("brev").data.date);
    expect(draft("brev").data.letterDate).toBe("2014-01-25");
    expect(draft("protokoll").data.date).toBe(shipped("protokoll").data.date);
    const conference = draft("konferens").data;
    expect([conference.startDate, conference.endDate]).toEqual(["2019-10-22", "2019-10-23"]);
    expect(conference.date).toBe(conference.endDate);
  });

  it("the news seed has no date in its text: the import day is written and the report asks a human", () => {
    const news = draft("nyhet");
    expect(String(news.data.date)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(path.basename(news.file).startsWith(String(news.data.date))).toBe(true);
    const section = first.stdout.split("\n\n").find((part) => part.includes("000_89b08ccd7ed68ea8.txt")) ?? "";
    expect(section).toMatch(/behöver en människa:\n(?:.*\n)*\s+- date: hittades inte i texten/);
  });

  it("type-specific fields match the shipped ones where the text states them", () => {
    const pick = (data: Record<string, unknown>, keys: readonly string[]) => Object.fromEntries(keys.map((key) => [key, data[key]]));
    const compare = (type: TypeKey, keys: readonly string[]) =>
      expect(pick(draft(type).data, keys), type).toEqual(pick(shipped(type).data, keys));
    compare("nyhet", ["organisation", "person", "role", "change"]);
    compare("konferens", ["organisation", "event", "startDate", "endDate", "place"]);
    compare("brev", ["organisation", "sender", "senderRole", "senderOrganisation", "recipient", "letterDate"]);
    compare("minnen", ["organisation", "author", "yearFrom", "yearTo", "successor"]);
    compare("protokoll", ["organisation", "meetingDate", "startTime", "endTime", "place", "chair", "adjusters", "secretary", "signatures"]);
    const agenda = (type: TypeKey) =>
      (draft(type).data.agenda as { section: number; heading: string }[]).map(({ section, heading }) => ({ section, heading }));
    const shippedAgenda = (shipped("protokoll").data.agenda as { section: number; heading: string }[]).map(({ section, heading }) => ({ section, heading }));
    expect(agenda("protokoll")).toEqual(shippedAgenda);
  });

  it("every draft is marked draft: true and passes the build's own loader without a problem", async () => {
    for (const type of Object.values(SEED_TYPES)) expect(draft(type).data.draft, type).toBe(true);
    const { documents, problems } = await loadSite(contentDir);
    expect(problems).toEqual([]);
    expect(documents).toHaveLength(5);
  });

  it("repairs every lost ligature the seeds README lists, and leaves no U+FFFD", () => {
    for (const type of Object.values(SEED_TYPES)) expect(draft(type).source, type).not.toContain("\uFFFD");
    const minutes = draft("protokoll").body.toLowerCase();
    for (const word of LIGATURE_WORDS) expect(minutes, word).toMatch(new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, "u"));
    expect(first.stdout).toContain("rad 64 medarbetarträ\uFFFDar → medarbetarträffar");
  });

  it("carries no e-mail address or phone number from the e-signature log, and says it removed them", () => {
    for (const type of Object.values(SEED_TYPES)) {
      const { source } = draft(type);
      expect(source, type).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
      expect(source, type).not.toMatch(/\+46|46793532286|0104887495/);
      expect(source, type).not.toContain("gmail");
    }
    expect(first.stdout).toContain("personuppgifter borttagna: 3 e-postadresser och 2 telefonnummer");
  });

  it("drops the site chrome: logo, repeated headline, captions, footer agencies, Kalendarium, e-signature noise", () => {
    const chrome = [
      /^Logotyp Finsam/m,
      /^Bild på /m,
      /^Kalendarium$/m,
      /^Sveriges kommuner och regioner$/im,
      /^Line Karlsson, Arbetsförmedlingen$/m,
      /^Anita Kruse, NNS$/m,
      /Signerat med E-signering/,
      /Revisionshistorik/,
      /Download verification/,
      /Leveranskanal/,
      /^Datum$/m,
      /^Dialog$/m,
      /SAMORDNINGSFÖRBUNDET I BLEKINGE Sverige/,
      /^-{3,}/m,
    ];
    for (const type of Object.values(SEED_TYPES)) {
      for (const pattern of chrome) expect(draft(type).body, `${type}: ${pattern}`).not.toMatch(pattern);
    }
    const conferenceTitle = String(draft("konferens").data.title);
    expect(draft("konferens").body.split(conferenceTitle)).toHaveLength(1);
    expect(draft("nyhet").body).not.toContain("Magnus slutar som nationell stödperson");
    expect(draft("brev").body).not.toMatch(/lördag 25 januari 2014/);
  });

  it.each(Object.values(SEED_TYPES))("the %s body holds at least 90 % of the shipped body's words", (type) => {
    const measured = coverage(shipped(type).body, draft(type).body);
    expect(measured, `${type}: ${measured.toFixed(3)}`).toBeGreaterThanOrEqual(BODY_COVERAGE);
  });

  it("keeps paragraphs, sub-headings and lists as the shipped Markdown has them", () => {
    expect(draft("nyhet").body).toContain("\n## Stort engagemang\n");
    expect(draft("konferens").body).toContain("\n## Våldsutsatta kvinnor\n");
    expect(draft("minnen").body).toContain("\n- Få lokala chefer att förstå att om vi gör saker tillsammans så underlättar det deras eget arbete.\n");
    // A sentence the PDF broke over a blank line is one paragraph again.
    expect(draft("minnen").body).toContain("Allt har inte slagit väl ut men");
    const minutes = draft("protokoll").body;
    expect(minutes).toContain("## §5 FINSAM är VI!");
    expect(minutes).toContain("\n### UPPFÖLJNING\n\n- Viktigt att fortsätta utveckla mätverktygen. Mät gärna hur samverkan mellan olika parter fungerar");
    expect(draft("brev").body).toContain("Samordnare\\\nNorra Västmanlands Samordningsförbund");
  });

  it("a second import overwrites nothing, says so, and exits 1", () => {
    const before = [...drafts.values()].map((written) => ({ file: written.file, text: fs.readFileSync(written.file, "utf8"), mtime: fs.statSync(written.file).mtimeMs }));
    const again = runImport([SEEDS, "--content", contentDir]);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/Klart: 0 utkast skrivna, 5 hoppade över/);
    expect(again.stdout.match(/hoppade över: .* finns redan/g)).toHaveLength(5);
    for (const { file, text, mtime } of before) {
      expect(fs.readFileSync(file, "utf8")).toBe(text);
      expect(fs.statSync(file).mtimeMs).toBe(mtime);
    }
    for (const type of Object.values(SEED_TYPES)) expect(fs.readdirSync(path.join(contentDir, DOCUMENT_TYPES[type].folder))).toHaveLength(1);
  });
});

// Imports plain-text exports as draft Markdown documents: repair, strip, guess, write (never over an
// existing file), and say per file what was guessed and what needs a human.
import fs from "node:fs";
import path from "node:path";
import { DOCUMENT_TYPES, type ArticleKey } from "../content/types.ts";
import type { MemberAgency, Organisations } from "../content/data-files.ts";
import { fileSlugOf } from "../content/load.ts";
import { parseFrontMatter } from "../content/front-matter.ts";
import { privacyProblems } from "../content/checks/privacy.ts";
import { formatIsoDay } from "../text/dates.ts";
import { slugify } from "../text/slug.ts";
import { stripChrome, type Note } from "./chrome.ts";
import { parseDatePhrase } from "./date-phrases.ts";
import { draftFrontMatter } from "./draft-front-matter.ts";
import { guessOrganisation, guessSummary, guessType } from "./guess.ts";
import { hasReplacementCharacter, repairLigatures, type LigatureProblem, type LigatureRepair } from "./ligatures.ts";
import { blockText, splitBlocks, toSourceLines, type SourceLine } from "./lines.ts";
import { minutesFields } from "./minutes.ts";
import { loadSwedishLexicon } from "./swedish-words.ts";
import {
  conferenceFields,
  letterFields,
  memoirFields,
  newsFields,
  type Extraction,
  type HumanNote,
  type ImportSource,
} from "./type-fields.ts";

export interface ImportOptions {
  contentDir: string;
  /** The content folder's own data (content/data/): organisations to guess from, member agencies to strip. */
  organisations: Organisations;
  memberAgencies: readonly MemberAgency[];
  /** Forces the type instead of guessing it. */
  type?: ArticleKey;
  /** ÅÅÅÅ-MM-DD; defaults to today in Swedish time. Tests fix it. */
  today?: string;
}

export interface FileReport {
  source: string;
  outcome: "skrivet" | "fanns redan";
  /** The draft written, or the existing file that stopped it. */
  target: string;
  type: ArticleKey;
  typeReason: string;
  title: string;
  date: string;
  dateReason: string;
  guessed: { field: string; reason: string }[];
  removed: Note[];
  privacy: Note[];
  ligatures: LigatureRepair[];
  human: HumanNote[];
}

/**
 * Every article type has its reader, which guesses that type's own fields; TypeScript refuses to compile until a new
 * one in the registry gets one. Pages and events are written by hand: an export of one is rare and short.
 */
const EXTRACTORS: { [K in ArticleKey]: (source: ImportSource) => Extraction<K> } = {
  nyhet: newsFields,
  konferens: conferenceFields,
  brev: letterFields,
  minnen: memoirFields,
  protokoll: minutesFields,
};

/** The .txt files to import: a file as given, a folder's .txt files in name order. */
export function listInputs(inputs: readonly string[]): string[] {
  return inputs.flatMap((input) => {
    if (!fs.statSync(input).isDirectory()) return [input];
    return (fs.readdirSync(input, { recursive: true, withFileTypes: true }) as fs.Dirent[])
      .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith(".txt"))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
  });
}

async function repairAll(lines: SourceLine[]): Promise<{ lines: SourceLine[]; repairs: LigatureRepair[]; problems: LigatureProblem[] }> {
  if (!lines.some((line) => hasReplacementCharacter(line.text))) return { lines, repairs: [], problems: [] };
  const lexicon = await loadSwedishLexicon();
  const repairs: LigatureRepair[] = [];
  const problems: LigatureProblem[] = [];
  const repaired = lines.map((line) => {
    const result = repairLigatures(line.text, line.line, lexicon);
    repairs.push(...result.repairs);
    problems.push(...result.problems);
    return result.text === line.text ? line : { line: line.line, text: result.text };
  });
  return { lines: repaired, repairs, problems };
}

/** An existing document with the same slug in the folder: same URL in the same year, and likely the same text. */
function existingWithSlug(folder: string, slug: string): string | undefined {
  if (!fs.existsSync(folder)) return undefined;
  const match = fs.readdirSync(folder).find((name) => name.endsWith(".md") && fileSlugOf(name) === slug);
  return match === undefined ? undefined : path.join(folder, match);
}

function draftHeader(sourceName: string, today: string): string {
  return [
    `# Utkast importerat från ${sourceName} den ${today}. Kontrollera fälten mot texten, fyll i allt som står`,
    "# [fyll i: …] (bygget stoppar tills det är gjort) och ta bort raden draft: true när texten får publiceras.",
  ].join("\n");
}

export async function importFile(file: string, options: ImportOptions): Promise<FileReport> {
  const today = options.today ?? formatIsoDay(new Date());
  const raw = fs.readFileSync(file, "utf8");
  const { lines, repairs, problems } = await repairAll(toSourceLines(raw));
  const chrome = stripChrome(lines, options.memberAgencies);
  const human: HumanNote[] = [];

  const fileStem = path.basename(file).replace(/\.[^.]+$/, "");
  const title = chrome.title?.text.trim() ?? fileStem;
  if (!chrome.title) human.push({ field: "title", text: "ingen rubrik hittades: filnamnet används" });

  const blocks = splitBlocks(chrome.lines);
  const lineText = blocks.map((block) => block.lines.map((line) => line.text).join("\n")).join("\n\n");
  const datelineDay = chrome.dateline ? parseDatePhrase(chrome.dateline.text) : undefined;
  const source: ImportSource = {
    title,
    titleLine: chrome.title?.line,
    blocks,
    text: blocks.map(blockText).join("\n\n"),
    dateline: chrome.dateline && datelineDay ? { line: chrome.dateline.line, date: datelineDay.start } : undefined,
    signings: chrome.signings,
    today,
    organisations: options.organisations,
  };

  const typeGuess = options.type ? { type: options.type, reason: "angiven med --typ" } : guessType(title, lineText);
  const type = typeGuess.type;
  const extraction = EXTRACTORS[type](source);

  // Below, only the fields every type shares (title, date, summary, organisation) are set.
  const fields = { title, ...extraction.fields };
  const reasons = { ...extraction.reasons };
  if (fields.date === undefined && source.dateline) {
    fields.date = source.dateline.date;
    reasons.date = `datumraden (rad ${source.dateline.line})`;
  }
  const summary = guessSummary(extraction.body);
  if (summary) {
    fields.summary = summary;
    reasons.summary = "första meningen i texten: skriv om den till en ingress vid behov";
  }
  const organisation = guessOrganisation({ site: chrome.site, known: extraction.organisation, title, text: source.text, organisations: options.organisations });
  if (organisation) {
    fields.organisation = organisation.key;
    reasons.organisation = organisation.reason;
  }

  const frontMatter = draftFrontMatter(type, fields, today);
  const reasonOf = new Map(Object.entries(reasons));
  human.push(...frontMatter.toFill.map((entry) => ({ field: entry.field, text: entry.text })));
  human.push(...frontMatter.invalid.map((text) => ({ text: `schemat godtar inte gissningen: ${text}` })));
  human.push(...extraction.human);
  for (const problem of problems) {
    human.push({ line: problem.line, text: `"${problem.word}": inget av fi, fl, ff, ffi, ffl ger ett svenskt ord; står som [?] i utkastet` });
  }
  for (const repair of repairs.filter((entry) => entry.ambiguous)) {
    human.push({ line: repair.line, text: `"${repair.from}" blev "${repair.to}" men kan också vara ${repair.alternatives.map((word) => `"${word}"`).join(" eller ")}` });
  }
  for (const note of chrome.privacy.filter((entry) => !entry.text.includes("e-signeringsloggen"))) {
    human.push({ line: note.line, text: `${note.text} i texten ersatt med en markering: lägg tillbaka bara en funktionsadress som får publiceras` });
  }

  const finalTitle = fields.title;
  const date = typeof fields.date === "string" ? fields.date : today;
  const folder = path.join(options.contentDir, DOCUMENT_TYPES[type].folder);
  const slug = slugify(finalTitle) || slugify(fileStem) || "utkast";
  const target = path.join(folder, `${date}-${slug}.md`);
  const report: FileReport = {
    source: file,
    outcome: "skrivet",
    target,
    type,
    typeReason: typeGuess.reason,
    title: finalTitle,
    date,
    dateReason: reasons.date ?? "hittades inte i texten: importdagen",
    guessed: frontMatter.order.flatMap((field) => {
      const reason = reasonOf.get(field);
      return reason === undefined || field === "date" ? [] : [{ field, reason }];
    }),
    removed: chrome.removed,
    privacy: chrome.privacy,
    ligatures: repairs,
    human,
  };

  const content = `---\n${draftHeader(path.basename(file), today)}\n${frontMatter.yaml}\n---\n\n${extraction.body.trim()}\n`;
  // A second opinion from the build's own privacy check, for what the patterns above did not take out.
  for (const problem of privacyProblems({ file: "utkastet", parsed: parseFrontMatter(content) })) {
    if (problem.severity === "fel") human.push({ text: `i utkastet, rad ${problem.line ?? "?"}: ${problem.message}` });
  }

  const existing = existingWithSlug(folder, slug);
  if (existing) return { ...report, outcome: "fanns redan", target: existing };
  fs.mkdirSync(folder, { recursive: true });
  try {
    // "wx": even a file that appeared since the check above is never overwritten.
    fs.writeFileSync(target, content, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return { ...report, outcome: "fanns redan" };
    throw error;
  }
  return report;
}

export async function importPaths(inputs: readonly string[], options: ImportOptions): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const file of listInputs(inputs)) reports.push(await importFile(file, options));
  return reports;
}

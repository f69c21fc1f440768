// `npm run check`: validates all content the way the build does, without rendering HTML, and lists
// drafts and scheduled documents. One line per finding, errors first; exit 1 on any error.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DateTime } from "luxon";
import { SITE } from "../site/site.ts";
import { formatLongDate, formatLongDateTime } from "../text/dates.ts";
import { statusOf } from "../site-model/collections.ts";
import { formatProblem, problemLocation, sortProblems, type ContentProblem } from "../content/problems.ts";
import { markdownText } from "../text/markdown-text.ts";
import { loadSite, type SiteLoadOptions } from "../site-model/site-checks.ts";
import type { LoadResult } from "../content/load.ts";
import { isArticle, type ContentDocument } from "../content/document.ts";

export interface ListedDocument {
  file: string;
  title: string;
  url: string;
  /** Publication moment (ISO 8601, UTC); pages and events have none. */
  date?: string;
}

export interface CheckSummary {
  errors: number;
  warnings: number;
  /** Files with at least one finding. */
  files: number;
  /** Markdown files checked. */
  documents: number;
  seconds: number;
}

export interface CheckReport {
  problems: ContentProblem[];
  drafts: ListedDocument[];
  scheduled: ListedDocument[];
  summary: CheckSummary;
}

export interface CheckIo {
  out(text: string): void;
  err(text: string): void;
}

const HELP = `Användning: npm run check -- [--content <mapp>] [--json] [--summary <fil>]

Kontrollerar allt innehåll som bygget gör, utan att skapa några sidor: fälten i front matter,
organisationer, dubbla adresser, länkar och bilder som inte leder någonstans, bilder utan
alt-text och rubriknivåer, symboliska länkar, filnamn som krockar och filer i innehållsmappen
som inte publiceras. Listar också utkast och schemalagda dokument.

Varje fynd skrivs på en rad: sökväg:rad:kolumn nivå: meddelande (nivå är fel eller varning).
Fel stoppar publiceringen, varningar gör det inte. Avslutas med kod 1 om något fel hittas.

Val:
  --content <mapp>  mappen med innehållet (standard: FINSAM_CONTENT_DIR eller content)
  --json            skriv resultatet som ett JSON-objekt, för andra program
  --summary <fil>   lägg också till resultatet i Markdown i filen, för sammanfattningen av en
                    körning på GitHub: --summary "$GITHUB_STEP_SUMMARY"
  -h, --help        visa den här hjälpen`;

function listed(document: ContentDocument): ListedDocument {
  return { file: document.sourcePath, title: document.data.title, url: document.url, ...(isArticle(document) ? { date: document.data.date.toISOString() } : {}) };
}

/** How the check loads: without bodies, which nothing needs once each file is checked (src/content/read.ts ReadContext). */
export const CHECK_LOADING = { bodies: false } as const satisfies Omit<SiteLoadOptions, "now">;

/**
 * Loads and checks a content folder: the same problems a build would stop on or warn about. `now` decides what is
 * listed as scheduled; the link check judges by the moment of the load, as a build started now would.
 */
export async function checkContent(contentDir: string, now: Date = new Date(), loadOptions: Omit<SiteLoadOptions, "now"> = {}): Promise<CheckReport> {
  const started = performance.now();
  return reportOf(await loadSite(contentDir, { ...CHECK_LOADING, ...loadOptions }), now, started);
}

function reportOf({ documents, problems, files }: LoadResult, now: Date, started: number): CheckReport {
  const sorted = sortProblems(problems);
  const byPath = (a: ContentDocument, b: ContentDocument): number => (a.sourcePath < b.sourcePath ? -1 : a.sourcePath > b.sourcePath ? 1 : 0);
  const drafts = documents.filter((document) => statusOf(document, now) === "draft").sort(byPath);
  const scheduled = documents
    .filter(isArticle)
    .filter((document) => statusOf(document, now) === "scheduled")
    .sort((a, b) => a.data.date.getTime() - b.data.date.getTime() || byPath(a, b));
  return {
    problems: sorted,
    drafts: drafts.map(listed),
    scheduled: scheduled.map(listed),
    summary: {
      errors: sorted.filter((problem) => problem.severity === "fel").length,
      warnings: sorted.filter((problem) => problem.severity === "varning").length,
      files: new Set(sorted.map((problem) => problem.file)).size,
      documents: files.length,
      seconds: Math.round(performance.now() - started) / 1000,
    },
  };
}

function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** "15 januari 2031", with the time when the document is scheduled for a given hour. */
function publicationMoment(iso: string): string {
  const date = new Date(iso);
  const atMidnight = DateTime.fromJSDate(date).setZone(SITE.zone).toFormat("HH:mm") === "00:00";
  return atMidnight ? formatLongDate(date) : formatLongDateTime(date);
}

export function summaryLine(summary: CheckSummary): string {
  const seconds = summary.seconds.toFixed(1).replace(".", ",");
  const checked = `${count(summary.documents, "dokument kontrollerat", "dokument kontrollerade")} på ${seconds} s`;
  const findings = [
    summary.errors > 0 ? `${summary.errors} fel` : "Inga fel",
    ...(summary.warnings > 0 ? [count(summary.warnings, "varning", "varningar")] : []),
  ].join(", ");
  const where = summary.files > 0 ? ` i ${count(summary.files, "fil", "filer")}` : "";
  return `${findings}${where} (${checked})`;
}

export function formatCheckReport(report: CheckReport): string {
  const sections: string[][] = [];
  if (report.problems.length > 0) sections.push(report.problems.map(formatProblem));
  if (report.drafts.length > 0) {
    sections.push(["Utkast (publiceras inte):", ...report.drafts.map((draft) => `  ${draft.file} – ${draft.title}`)]);
  }
  if (report.scheduled.length > 0) {
    sections.push([
      "Schemalagda:",
      ...report.scheduled.map((item) => `  ${item.file} – ${item.title}, publiceras ${publicationMoment(item.date ?? "")}`),
    ]);
  }
  sections.push([summaryLine(report.summary)]);
  return sections.map((lines) => lines.join("\n")).join("\n\n");
}

/**
 * GitHub keeps at most 1 MiB of one step's summary and shows nothing of a larger one; a few hundred findings are as
 * many as anyone reads there, and all of them are in the log.
 */
export const SUMMARY_MAX_FINDINGS = 300;

function findingsTable(heading: string, problems: readonly ContentProblem[]): string[] {
  if (problems.length === 0) return [];
  return [
    `### ${heading} (${problems.length})`,
    "",
    "| Fil:rad:kolumn | Meddelande |",
    "| --- | --- |",
    ...problems.map((problem) => `| ${markdownText(problemLocation(problem))} | ${markdownText(problem.message)} |`),
    "",
  ];
}

function documentList(heading: string, lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : [`### ${heading}`, "", ...lines.map((line) => `- ${markdownText(line)}`), ""];
}

/**
 * The report as Markdown for a workflow run's summary page: an editor who saved in the CMS has no terminal, and reads
 * there why nothing was published. Errors first, then warnings, each with file:line:column; then drafts and scheduled
 * documents and the terminal's closing line. Messages quote field values and file names are the editors' own, so
 * every text from the content goes through markdownText and cannot break the page's table, links or HTML.
 */
export function formatCheckSummary(report: CheckReport): string {
  const errors = report.problems.filter((problem) => problem.severity === "fel");
  const warnings = report.problems.filter((problem) => problem.severity !== "fel");
  const shownErrors = errors.slice(0, SUMMARY_MAX_FINDINGS);
  const shownWarnings = warnings.slice(0, SUMMARY_MAX_FINDINGS - shownErrors.length);
  const left = report.problems.length - shownErrors.length - shownWarnings.length;
  const lead =
    errors.length > 0
      ? [
          `## Kontrollen av innehållet: ${errors.length} fel, inget publicerades`,
          "",
          "Rätta felen nedan, i redigeringsverktyget eller i filen, och spara igen: då körs kontrollen på nytt. " +
            "Efter filens namn står raden och kolumnen där felet finns. Vad meddelandena betyder förklaras i " +
            "redaktörsguiden, content/README.md, under ”När något är fel”.",
        ]
      : ["## Kontrollen av innehållet: inga fel"];
  return [
    ...lead,
    "",
    ...findingsTable("Fel", shownErrors),
    ...findingsTable("Varningar", shownWarnings),
    ...(left > 0 ? [`Ytterligare ${left} fynd visas inte här: alla står i körningens logg, i steget med kontrollen.`, ""] : []),
    ...documentList("Utkast (publiceras inte)", report.drafts.map((draft) => `${draft.file} – ${draft.title}`)),
    ...documentList("Schemalagda", report.scheduled.map((item) => `${item.file} – ${item.title}, publiceras ${publicationMoment(item.date ?? "")}`)),
    markdownText(summaryLine(report.summary)),
    "",
  ].join("\n");
}

type Invocation = { code: number } | { contentDir: string; json: boolean; summaryFile?: string };

function invocation(argv: readonly string[], io: CheckIo): Invocation {
  let values: { content?: string; json?: boolean; summary?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        content: { type: "string" },
        json: { type: "boolean" },
        summary: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(`Okänt val: ${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    return { code: 2 };
  }
  if (values.help) {
    io.out(HELP);
    return { code: 0 };
  }

  const contentDir = values.content ?? process.env.FINSAM_CONTENT_DIR ?? "content";
  if (!fs.existsSync(contentDir) || !fs.statSync(contentDir).isDirectory()) {
    io.err(`Hittar ingen innehållsmapp: ${contentDir}. Ange den med --content <mapp>.`);
    return { code: 2 };
  }
  // An empty --summary is the same command run where GITHUB_STEP_SUMMARY is not set: no summary, not an error.
  const summaryFile = values.summary?.trim() ? values.summary : undefined;
  return { contentDir, json: values.json ?? false, ...(summaryFile ? { summaryFile } : {}) };
}

function printed(report: CheckReport, invoked: Exclude<Invocation, { code: number }>, io: CheckIo): number {
  io.out(invoked.json ? JSON.stringify(report, null, 2) : formatCheckReport(report));
  if (invoked.summaryFile) {
    try {
      // Appended: the file is the step's summary, which other tools may have written to before.
      fs.appendFileSync(invoked.summaryFile, formatCheckSummary(report));
    } catch (error) {
      io.err(`Kunde inte skriva sammanfattningen till ${invoked.summaryFile}: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
  }
  return report.summary.errors > 0 ? 1 : 0;
}

/** The command: parses arguments, prints the report, returns the exit code (0 ok, 1 content errors, 2 usage). */
export async function run(argv: readonly string[], io: CheckIo = { out: console.log, err: console.error }, now: Date = new Date()): Promise<number> {
  const invoked = invocation(argv, io);
  if ("code" in invoked) return invoked.code;
  return printed(await checkContent(invoked.contentDir, now), invoked, io);
}

/**
 * The process's command: `run` with the process's arguments and exit code, and a failure if Node runs out of work
 * before the check has finished (a worker gone without a word). Also what src/cli/compiled.mjs runs.
 */
export function main(argv: readonly string[]): void {
  let settled = false;
  process.on("beforeExit", () => {
    if (settled) return;
    settled = true;
    console.error("Kontrollen misslyckades av ett internt fel (inte i innehållet):");
    console.error("kontrollen tog slut innan alla filer var lästa.");
    process.exitCode = 2;
  });
  run(argv).then(
    (code) => {
      settled = true;
      process.exitCode = code;
    },
    (error: unknown) => {
      settled = true;
      // Content problems are reported above; anything thrown is a fault in the generator itself.
      console.error("Kontrollen misslyckades av ett internt fel (inte i innehållet):");
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exitCode = 2;
    },
  );
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));

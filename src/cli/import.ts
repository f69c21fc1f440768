// `npm run import -- <fil.txt|mapp> … [--typ <typ>] [--content <mapp>]`: turns plain-text exports into
// draft Markdown documents and reports, in Swedish, what it guessed and what needs a human.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ARTICLE_KEYS, type ArticleKey } from "../content/types.ts";
import { formatIsoDay } from "../text/dates.ts";
import { importPaths } from "../import/index.ts";
import { formatFileReport, formatSummary } from "../import/report.ts";
import { listContent } from "../content/files.ts";
import { readSiteData } from "../content/data-files.ts";
import { formatProblem, sortProblems } from "../content/problems.ts";

const USAGE = `Så här används kommandot:

  npm run import -- <fil.txt eller mapp> [fler filer eller mappar] [--typ <typ>] [--content <mapp>]

Gör utkast (draft: true) av textexporter från webbsidor och PDF:er: en Markdown-fil per .txt-fil, i rätt
dokumentmapp, med de fält som gick att gissa ifyllda och [fyll i: …] där en människa behöver skriva.

  --typ <typ>        tvinga dokumenttypen i stället för att gissa den. Typer: ${ARTICLE_KEYS.join(", ")}
  --content <mapp>   var dokumenten skrivs (annars FINSAM_CONTENT_DIR, annars content)
  -h, --help         visa den här texten

En mapp läses med alla sina .txt-filer. En fil som redan finns skrivs aldrig över: den hoppas över, och
det gör också en import vars adress (samma mapp och samma titel) redan används av ett annat dokument.

Slutkod: 0 när alla filer blev utkast, 1 när någon fil hoppades över för att den redan fanns,
2 när kommandot användes fel (okänt val, okänd typ, en fil eller mapp som inte finns).

Exempel: npm run import -- ../shared/seeds/
         npm run import -- export.txt --typ nyhet`;

const OPTIONS = {
  typ: { type: "string" },
  content: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

function isArticleKey(value: string): value is ArticleKey {
  return (ARTICLE_KEYS as readonly string[]).includes(value);
}

/** Runs the command and returns the exit code; `now` fixes the import day for tests. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  const type = parsed.values.typ;
  if (type !== undefined && !isArticleKey(type)) {
    console.error(`Det finns ingen typ som heter "${type}". Välj en av: ${ARTICLE_KEYS.join(", ")}.`);
    return 2;
  }
  if (parsed.positionals.length === 0) {
    console.error(`Ange minst en .txt-fil eller mapp att importera.\n\n${USAGE}`);
    return 2;
  }
  const missing = parsed.positionals.filter((input) => !fs.existsSync(input));
  if (missing.length > 0) {
    console.error(`Hittar inte ${missing.map((input) => `"${input}"`).join(", ")}. Inget importerades.`);
    return 2;
  }

  const contentDir = parsed.values.content ?? env.FINSAM_CONTENT_DIR ?? "content";
  // The organisations guessed from and the footer names stripped are the content folder's own.
  const { data, problems } = readSiteData(contentDir, listContent(contentDir).data);
  if (!data) {
    console.error(`${sortProblems(problems).map(formatProblem).join("\n")}\n\nDatafilerna i ${contentDir}/data/ behövs för importen: rätta dem först. Inget importerades.`);
    return 1;
  }
  const reports = await importPaths(parsed.positionals, { contentDir, type, today: formatIsoDay(now), organisations: data.organisations, memberAgencies: data.memberAgencies });
  for (const report of reports) console.log(`${formatFileReport(report)}\n`);
  console.log(formatSummary(reports));
  return reports.some((report) => report.outcome === "fanns redan") ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error("Importen misslyckades av ett internt fel (inte i texten):");
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exitCode = 3;
    },
  );
}

// `npm run new -- <typ> "<titel>"`: writes a new document from its type's template, dated today in
// Swedish time, into the type's folder; never overwrites a file that is already there.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatIsoDay } from "../text/dates.ts";
import { slugify } from "../text/slug.ts";
import { DOCUMENT_TYPES, TYPE_KEYS, isDated, type TypeKey } from "../content/types.ts";
import { renderTemplate } from "../content/template.ts";
import { displayPath } from "../content/problems.ts";

const USAGE = `Så här används kommandot:

  npm run new -- <typ> "<titel>"

Typer: ${TYPE_KEYS.join(", ")}
Exempel: npm run new -- nyhet "Ny förbundschef i Blekinge"`;

function isTypeKey(value: string): value is TypeKey {
  return (TYPE_KEYS as readonly string[]).includes(value);
}

const OPTIONS = { content: { type: "string" }, help: { type: "boolean", short: "h" } } as const;

function readArguments(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true });
}

/** Runs the command; returns the exit code. Exported so it can also be called without a child process. */
export function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): number {
  let parsed: ReturnType<typeof readArguments>;
  try {
    parsed = readArguments(argv);
  } catch {
    console.error(`Okänt val på kommandoraden.\n\n${USAGE}`);
    return 1;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }

  const [type, title, ...extra] = parsed.positionals;
  if (type === undefined || title === undefined || extra.length > 0) {
    console.error(
      extra.length > 0
        ? `För många ord på kommandoraden: sätt citattecken runt titeln, t.ex. "${[title, ...extra].join(" ")}".\n\n${USAGE}`
        : `Ange typ och titel.\n\n${USAGE}`,
    );
    return 1;
  }
  if (!isTypeKey(type)) {
    console.error(`Det finns ingen typ som heter "${type}". Välj en av: ${TYPE_KEYS.join(", ")}.\n\n${USAGE}`);
    return 1;
  }
  const cleanTitle = title.trim();
  const slug = slugify(cleanTitle);
  if (slug === "") {
    console.error("Titeln behöver innehålla bokstäver eller siffror: filnamnet och adressen görs av den.");
    return 1;
  }

  const contentDir = parsed.values.content ?? env.FINSAM_CONTENT_DIR ?? "content";
  const today = formatIsoDay(now);
  const folder = path.join(contentDir, DOCUMENT_TYPES[type].folder);
  // A page's or an event's file name is its address and its id in calendars: no day, which would only be in the way.
  const file = path.join(folder, isDated(type) ? `${today}-${slug}.md` : `${slug}.md`);
  const shown = displayPath(path.resolve(file));

  fs.mkdirSync(folder, { recursive: true });
  try {
    // "wx" fails if the file exists, even if it appeared a moment ago: an editor's text is never replaced.
    fs.writeFileSync(file, renderTemplate(type, today, { title: cleanTitle }), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      console.error(`Filen ${shown} finns redan och har inte ändrats. Välj en annan titel, eller öppna den befintliga filen.`);
      return 1;
    }
    throw error;
  }
  console.log(shown);
  console.error(
    `Skapade ${DOCUMENT_TYPES[type].label.toLowerCase()}: fyll i allt som står [fyll i: …]. Förhandsvisa med npm start.`,
  );
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  process.exitCode = main(process.argv.slice(2));
}

// `npm run new` run as editors run it (a child process): a file per type in the right folder, named with
// today's Swedish date and a Swedish slug, whose placeholders stop the build until they are filled in.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { loadSite } from "../../../src/site-model/site-checks.ts";
import { DOCUMENT_TYPES, TYPE_KEYS, isDated, type TypeKey } from "../../../src/content/types.ts";
import { describeSchema, type FieldDescription } from "../../../src/content/describe.ts";
import { fixtureSiteData, writeContent } from "../../helpers/build.ts";
import type { ContentProblem } from "../../../src/content/problems.ts";

const ROOT = path.resolve(import.meta.dirname, "../../..");

function runNew(args: readonly string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/new.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function stockholmDay(date = new Date()): string {
  // Intl, not the project's own date code, so the test does not take the answer from what it tests.
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

/** A content folder with the fixture's data files and no documents yet. */
function tempContent(): string {
  return writeContent({});
}

const ORGANISATION_KEYS = fixtureSiteData().organisations.keys();

/** The fields (as the build names them) that a new file must leave for the editor: every required one with no value yet. */
function expectedUnfilled(type: TypeKey): string[] {
  const unfilled = (field: FieldDescription, prefix: string): string[] => {
    if (!field.required || field.kind === "day" || field.kind === "dateTime" || field.kind === "dayOrDateTime" || field.name === "title") return [];
    if (field.kind === "list") return [`${prefix}${field.name}[0]`];
    if (field.kind === "objectList") return (field.children ?? []).flatMap((child) => unfilled(child, `${prefix}${field.name}[0].`));
    if (field.kind === "object") return (field.children ?? []).flatMap((child) => unfilled(child, `${prefix}${field.name}.`));
    return [`${prefix}${field.name}`];
  };
  return describeSchema(DOCUMENT_TYPES[type].schema).flatMap((field) => unfilled(field, "")).sort();
}

/** Every field name in a schema with what it is, for choosing a real value to put in its place. */
function fieldsByName(type: TypeKey): Map<string, FieldDescription> {
  const byName = new Map<string, FieldDescription>();
  const add = (field: FieldDescription) => {
    byName.set(field.name, field);
    field.children?.forEach(add);
  };
  describeSchema(DOCUMENT_TYPES[type].schema).forEach(add);
  return byName;
}

function realValue(field: FieldDescription | undefined): string {
  switch (field?.kind) {
    case "reference":
      return JSON.stringify(ORGANISATION_KEYS[0]);
    case "clock":
      return '"09.00"';
    case "year":
      return "2020";
    case "number":
      return "1";
    case "enum":
      return JSON.stringify(field.options?.[0]);
    default:
      return JSON.stringify(`Riktig text för ${field?.name ?? "fältet"}`);
  }
}

/** What an editor does: replace every "[fyll i: …]" outside comments with a real value, line by line. */
function fillIn(source: string, type: TypeKey): string {
  const fields = fieldsByName(type);
  let list: string | undefined;
  return source
    .split("\n")
    .map((line) => {
      const key = /^\s*(?:- )?(\w+):\s*$/.exec(line);
      if (key) list = key[1];
      const field = /^(\s*(?:- )?)(\w+): "\[fyll i[^"]*\]"$/.exec(line);
      if (field) return `${field[1]}${field[2]}: ${realValue(fields.get(field[2] ?? ""))}`;
      const item = /^(\s*- )"\[fyll i[^"]*\]"$/.exec(line);
      if (item) return `${item[1]}${JSON.stringify(`Riktig post i ${list ?? "listan"}`)}`;
      return line.startsWith("[fyll i") ? "Brödtext." : line;
    })
    .join("\n");
}

const errorsOf = (problems: readonly ContentProblem[]) => problems.filter((problem) => problem.severity === "fel");

// Far from Stockholm on both sides: the machine's zone must not decide the date.
const ZONES = ["Pacific/Kiritimati", "America/Los_Angeles"];

describe.each(TYPE_KEYS.map((type, index) => [type, ZONES[index % ZONES.length] as string] as const))(
  "npm run new -- %s (machine zone %s)",
  (type, zone) => {
    const contentDir = tempContent();
    const title = `Räksmörgås & Öl på Ön för ${type}`;
    const before = stockholmDay();
    const run = runNew([type, title, "--content", contentDir], { TZ: zone });
    const after = stockholmDay();
    const folder = path.join(contentDir, DOCUMENT_TYPES[type].folder);
    const written = fs.existsSync(folder) ? fs.readdirSync(folder) : [];
    const file = path.join(folder, written[0] ?? "missing.md");

    it("writes one file in the type's folder, named with today's Stockholm date (a dated type's) and a Swedish slug, and prints its path", () => {
      expect(run.code, run.stderr).toBe(0);
      expect(written).toHaveLength(1);
      if (isDated(type)) {
        const day = written[0]?.slice(0, 10);
        expect([before, after]).toContain(day);
        expect(written[0]).toBe(`${day}-raksmorgas-och-ol-pa-on-for-${type}.md`);
      } else {
        // A page's or an event's file name is its address (and an event's id in calendars): no day in it.
        expect(written[0]).toBe(`raksmorgas-och-ol-pa-on-for-${type}.md`);
      }
      expect(path.resolve(ROOT, run.stdout.trim())).toBe(file);
    });

    it("writes valid YAML with the title, today's date and every field of the type", () => {
      const source = fs.readFileSync(file, "utf8");
      const [, frontMatter = ""] = /^---\n([\s\S]*?)\n---\n/.exec(source) ?? [];
      const document = parseDocument(frontMatter, { schema: "core" });
      expect(document.errors).toEqual([]);
      const data = document.toJS() as Record<string, unknown>;
      expect(data.title).toBe(title);
      if (isDated(type)) expect([before, after]).toContain(data.date);
      else expect(data).not.toHaveProperty("date");
      for (const field of describeSchema(DOCUMENT_TYPES[type].schema)) {
        // Required fields are live; optional ones are there too, commented out.
        if (field.required) expect(data, field.name).toHaveProperty(field.name);
        else expect(source, field.name).toMatch(new RegExp(`^# ${field.name}:`, "m"));
      }
    });

    it('is refused by loadSite with "inte ifyllt" on exactly the required fields still to fill in', async () => {
      const problems = errorsOf((await loadSite(contentDir)).problems);
      const unfilled = problems.filter((problem) => problem.message.includes("är inte ifyllt: ersätt [fyll i …] med"));
      expect(unfilled.map((problem) => problem.field).sort()).toEqual(expectedUnfilled(type));
      expect(unfilled.length).toBeGreaterThan(0);
      for (const problem of unfilled) expect(problem.message).toMatch(new RegExp(`^fältet "${problem.field?.replace(/[[\].]/g, "\\$&")}" är inte ifyllt`));
      // The body's placeholder is an error of its own, on the body's line.
      const body = problems.filter((problem) => problem.message.startsWith("texten har kvar platshållaren [fyll i:"));
      expect(body).toHaveLength(1);
      // The only other errors: an organisation placeholder is also told which keys there are.
      for (const problem of problems.filter((problem) => !unfilled.includes(problem) && !body.includes(problem))) {
        expect(problem.message).toContain(ORGANISATION_KEYS.join(", "));
      }
    });

    it("passes loadSite with no errors once the placeholders are replaced with real values", async () => {
      const filled = fillIn(fs.readFileSync(file, "utf8"), type);
      expect(filled).not.toMatch(/^[^#\n]*\[fyll i/m);
      fs.writeFileSync(file, filled);
      const { documents, problems } = await loadSite(contentDir);
      expect(errorsOf(problems)).toEqual([]);
      expect(documents).toHaveLength(1);
      const addresses = { article: `/${DOCUMENT_TYPES[type].folder}/${written[0]?.slice(0, 4)}/`, page: "/", event: "/kalendarium/" };
      expect(documents[0]?.url).toBe(`${addresses[DOCUMENT_TYPES[type].role]}raksmorgas-och-ol-pa-on-for-${type}/`);
    });

    it("refuses to overwrite the file: exit 1, a Swedish message, the file unchanged", () => {
      const day = written[0]?.slice(0, 10);
      // Only meaningful on the same Stockholm day: a run after midnight would name a new file.
      if (isDated(type) && day !== stockholmDay()) return;
      fs.writeFileSync(file, "redaktörens text\n");
      const again = runNew([type, title, "--content", contentDir], { TZ: zone });
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/finns redan och har inte ändrats/);
      expect(fs.readFileSync(file, "utf8")).toBe("redaktörens text\n");
      expect(fs.readdirSync(folder)).toHaveLength(1);
    });
  },
);

describe("npm run new with wrong arguments", () => {
  it("names every type when the type is unknown, and writes nothing", () => {
    const contentDir = tempContent();
    const run = runNew(["nyheter", "En rubrik", "--content", contentDir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Det finns ingen typ som heter "nyheter"');
    for (const type of TYPE_KEYS) expect(run.stderr).toContain(type);
    expect(fs.readdirSync(contentDir)).toEqual(["data"]);
  });

  it("asks for a title when there is none", () => {
    const run = runNew(["nyhet", "--content", tempContent()]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Ange typ och titel");
  });

  it("refuses a title with no letters or digits, since the file name is made from it", () => {
    const run = runNew(["nyhet", "!!!", "--content", tempContent()]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("bokstäver eller siffror");
  });

  it("takes the content folder from FINSAM_CONTENT_DIR when --content is not given", () => {
    const contentDir = tempContent();
    const run = runNew(["brev", "Brev till styrelsen"], { FINSAM_CONTENT_DIR: contentDir });
    expect(run.code, run.stderr).toBe(0);
    expect(fs.readdirSync(path.join(contentDir, "brev"))).toEqual([`${run.stdout.trim().split("/").pop()}`]);
  });
});

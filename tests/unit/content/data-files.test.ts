// The data files under content/data/: each schema's Swedish messages with line and column, every problem at once,
// the inventory's view of the data folder, and a load that checks documents' organisations against the data file.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DATA_FILE_NAMES, readDataFile, readSiteData } from "../../../src/content/data-files.ts";
import { listContent } from "../../../src/content/files.ts";
import { loadContent } from "../../../src/content/load.ts";
import { formatProblem, type ContentProblem } from "../../../src/content/problems.ts";
import { FIXTURE_DATA, fixtureDataFiles, markdownFile, writeContent } from "../../helpers/build.ts";

const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURE_DATA, name), "utf8");

/** The 1-based line of the first line holding `text`. */
function lineOf(source: string, text: string): number {
  const index = source.split("\n").findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`"${text}" is not in the file`);
  return index + 1;
}

function problemsOf(name: (typeof DATA_FILE_NAMES)[number], source: string): ContentProblem[] {
  return readDataFile(name, path.resolve("content/data", name), source).problems;
}

describe("the fixture's and the shipped data files", () => {
  it.each(DATA_FILE_NAMES)("%s is valid in both", (name) => {
    expect(problemsOf(name, fixture(name))).toEqual([]);
    expect(problemsOf(name, fs.readFileSync(path.join("content/data", name), "utf8"))).toEqual([]);
  });
});

describe("organisationer.yml", () => {
  const source = fixture("organisationer.yml");

  it("refuses a kind that is neither nationell nor förbund, at its line and column", () => {
    const broken = source.replace("    kind: förbund\n    region: Blekinge", "    kind: kommun\n    region: Blekinge");
    const [problem, ...rest] = problemsOf("organisationer.yml", broken);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      file: "content/data/organisationer.yml",
      line: lineOf(broken, "kind: kommun"),
      column: 11,
      field: "organisations[4].kind",
      severity: "fel",
      message: 'fältet "organisations[4].kind" ska vara ett av: nationell, förbund, men är "kommun"',
    });
    expect(formatProblem(problem as ContentProblem)).toBe(
      `content/data/organisationer.yml:${lineOf(broken, "kind: kommun")}:11 fel: fältet "organisations[4].kind" ska vara ett av: nationell, förbund, men är "kommun"`,
    );
  });

  it("refuses a key that is not its own slug, and says how to write it", () => {
    const broken = source.replace("key: alv-och-kust", "key: Älv & Kust");
    const [problem] = problemsOf("organisationer.yml", broken);
    expect(problem?.line).toBe(lineOf(broken, "key: Älv & Kust"));
    expect(problem?.column).toBe(10);
    expect(problem?.message).toBe('fältet "organisations[3].key" ska vara en nyckel med små bokstäver, siffror och bindestreck: "alv-och-kust", men är "Älv & Kust"');
  });

  it("refuses a key given twice, at the second one", () => {
    const broken = source.replace("key: nns", "key: nationella-radet");
    const [problem] = problemsOf("organisationer.yml", broken);
    // The second "nationella-radet" stands where nns did, five lines under the first.
    expect(problem?.line).toBe(lineOf(broken, "key: nationella-radet") + 5);
    expect(problem?.message).toContain('"nationella-radet" har redan organisations[0]');
  });

  it("reports a missing name and a wrong website together, each at its own place", () => {
    const broken = source.replace("    name: Finsam Göteborg\n", "").replace("website: https://finsam-blekinge.se", "website: finsam-blekinge.se");
    const problems = problemsOf("organisationer.yml", broken);
    expect(problems.map((problem) => problem.field)).toEqual(["organisations[2].name", "organisations[4].website"]);
    expect(problems[0]?.message).toBe('fältet "organisations[2].name" saknas men är obligatoriskt för organisationsfilen: det ska vara text');
    expect(problems[0]?.line).toBe(lineOf(broken, "key: finsam-goteborg"));
    expect(problems[1]?.message).toContain("en fullständig webbadress som börjar med https://");
    expect(problems[1]?.line).toBe(lineOf(broken, "website: finsam-blekinge.se"));
  });

  it("names a misspelt field as one the file does not have", () => {
    const broken = source.replace("    region: Dalarna", "    region: Dalarna\n    webbplats: https://example.se");
    const [problem] = problemsOf("organisationer.yml", broken);
    expect(problem?.message).toBe('fältet "organisations[6].webbplats" finns inte för organisationsfilen; kontrollera stavningen eller ta bort det');
    expect(problem?.line).toBe(lineOf(broken, "webbplats:"));
  });

  it("says where the YAML breaks, in Swedish, and never throws", () => {
    const broken = source.replace("    region: Dalarna", "\tregion: Dalarna");
    const [problem, ...rest] = problemsOf("organisationer.yml", broken);
    expect(rest).toEqual([]);
    expect(problem?.message).toMatch(/^filen är inte giltig YAML/);
    expect(problem?.line).toBe(lineOf(broken, "\tregion: Dalarna"));
  });
});

describe("installningar.yml", () => {
  const source = fixture("installningar.yml");

  it("refuses a brand colour that is not #rrggbb, at its line and column", () => {
    const broken = source.replace('# brandColour: "#1d4f91"', 'brandColour: "blå"');
    const [problem, ...rest] = problemsOf("installningar.yml", broken);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: lineOf(broken, "brandColour:"), column: 14, field: "brandColour" });
    expect(problem?.message).toBe('fältet "brandColour" ska vara en färg som hexkod: # och sex tecken 0–9 eller a–f, t.ex. #1d4f91, men är "blå"');
    expect(problemsOf("installningar.yml", source.replace('# brandColour: "#1d4f91"', 'brandColour: "#1D4F91"'))).toEqual([]);
  });

  it("refuses a missing name, a menu link to another site and an e-mail address that is none, all at once", () => {
    const broken = source
      .replace(/^name: Finsam\n/m, "")
      .replace("    path: /brev/", "    path: https://example.se/brev/")
      .replace("# contactEmail: kansliet@finsam.se", "contactEmail: kansliet");
    const problems = problemsOf("installningar.yml", broken);
    expect(problems.map((problem) => problem.field).sort()).toEqual(["contactEmail", "menu[2].path", "name"]);
    const byField = new Map(problems.map((problem) => [problem.field, problem]));
    expect(byField.get("name")?.message).toBe('fältet "name" saknas men är obligatoriskt för inställningsfilen: det ska vara text');
    expect(byField.get("menu[2].path")?.line).toBe(lineOf(broken, "https://example.se/brev/"));
    expect(byField.get("menu[2].path")?.message).toContain("inte en adress till en annan webbplats");
    expect(byField.get("contactEmail")?.line).toBe(lineOf(broken, "contactEmail: kansliet"));
  });

  it("takes a file of comments only as a file whose fields are all missing", () => {
    const problems = problemsOf("installningar.yml", "# tom\n");
    expect(problems.map((problem) => problem.field).sort()).toEqual(["description", "footerLinks", "longName", "menu", "name"]);
    expect(problems.every((problem) => problem.line === 1)).toBe(true);
  });
});

describe("tillganglighet.yml", () => {
  it("refuses a day that is not ÅÅÅÅ-MM-DD and a reason outside the law's three", () => {
    const broken = fixture("tillganglighet.yml").replace("updatedOn: 2026-11-24", "updatedOn: 24 november 2026").replace("reason: undantaget", "reason: okänd");
    const problems = problemsOf("tillganglighet.yml", broken);
    expect(problems.map((problem) => problem.field)).toEqual(["nonAccessible[1].reason", "updatedOn"]);
    expect(problems[1]?.message).toBe('fältet "updatedOn" ska vara ett datum (ÅÅÅÅ-MM-DD), men är "24 november 2026"');
    expect(problems[1]?.line).toBe(lineOf(broken, "updatedOn:"));
  });
});

describe("the data folder", () => {
  it("lists the data files and nothing as a document; a known name misspelt is an error, a stray file a warning", () => {
    const dir = writeContent({ ...fixtureDataFiles(), "data/Organisationer.yaml": "x: 1\n", "data/anteckningar.txt": "x" });
    const { data, documents, problems } = listContent(dir);
    expect([...data.keys()].sort()).toEqual([...DATA_FILE_NAMES].sort());
    expect(documents).toEqual([]);
    const byName = new Map(problems.map((problem) => [path.basename(problem.file), problem]));
    expect(byName.get("Organisationer.yaml")).toMatchObject({ severity: "fel", message: "datafilen läses bara om den heter organisationer.yml; byt namn på filen" });
    expect(byName.get("anteckningar.txt")?.severity).toBe("varning");
  });

  it("names every data file that is missing", () => {
    const dir = writeContent({}, { data: false });
    const { data, problems } = readSiteData(dir, listContent(dir).data);
    expect(data).toBeUndefined();
    expect(problems).toHaveLength(DATA_FILE_NAMES.length);
    for (const problem of problems) expect(problem.message).toMatch(/^filen saknas: webbplatsen behöver /);
  });
});

describe("loading with the data files", () => {
  const news = (organisation: string) => markdownFile({ title: "En nyhet", date: "2024-01-15", summary: "Kort ingress.", organisation });

  it("checks a document's organisation against the data file: an unknown key is an error at its line, with the known keys", async () => {
    const dir = writeContent({ "nyheter/2024-01-15-en-nyhet.md": news("okand-forbund") });
    const { documents, problems, site } = await loadContent(dir);
    expect(documents).toEqual([]);
    const [problem, ...rest] = problems;
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 5, column: 15, field: "organisation", severity: "fel" });
    expect(problem?.message).toBe(
      `fältet "organisation" ska vara en av organisationerna i ${path.relative(process.cwd(), path.join(dir, "data/organisationer.yml"))} (${site?.organisations.keys().join(", ")}), men är "okand-forbund"`,
    );
  });

  it("knows an organisation added to the data file alone, and reads every document again when the file changes", async () => {
    const files = fixtureDataFiles();
    const dir = writeContent({ "nyheter/2024-01-15-en-nyhet.md": news("nytt-forbund") });
    const first = await loadContent(dir);
    expect(first.documents).toEqual([]);
    fs.writeFileSync(
      path.join(dir, "data/organisationer.yml"),
      `${files["data/organisationer.yml"]}  - key: nytt-forbund\n    name: Samordningsförbundet Nytt\n    kind: förbund\n    region: Jämtland\n`,
    );
    const second = await loadContent(dir, { previous: first });
    expect(second.problems).toEqual([]);
    expect(second.documents.map((document) => ("organisation" in document.data ? document.data.organisation : undefined))).toEqual(["nytt-forbund"]);
    expect(second.site?.organisations.find("nytt-forbund")?.name).toBe("Samordningsförbundet Nytt");
  });

  it("reports a broken data file beside the documents, and leaves their organisations unchecked rather than all unknown", async () => {
    const dir = writeContent({
      ...fixtureDataFiles(),
      "data/organisationer.yml": "organisations:\n  - key: nns\n    kind: nationell\n",
      "nyheter/2024-01-15-en-nyhet.md": news("nns"),
    });
    const { problems, site } = await loadContent(dir);
    expect(site).toBeUndefined();
    expect(problems.map((problem) => [path.basename(problem.file), problem.field])).toEqual([
      ["organisationer.yml", "organisations[0].name"],
      ["organisationer.yml", "organisations[0].region"],
    ]);
  });
});

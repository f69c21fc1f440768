// Pages (content/sidor/) and events (content/evenemang/) are refused with a Swedish message at the line and column of
// the mistake: an event that ends before it starts, a registration link that is not https, a parent page that does
// not exist, a page whose address the site already uses.
import { describe, expect, it } from "vitest";
import { loadSite } from "../../../../src/site-model/site-checks.ts";
import type { ContentProblem } from "../../../../src/content/problems.ts";
import { writeContent } from "../../../helpers/build.ts";

const FIXED_NOW = new Date("2026-11-24T12:00:00Z");

function event(lines: string[]): string {
  return ["---", "title: Nätverksträff", ...lines, "place: Stockholm", "organisation: nns", "---", "", "Om träffen.", ""].join("\n");
}

function page(lines: string[] = []): string {
  return ["---", "title: Styrelse", "summary: Vilka som sitter i styrelsen.", ...lines, "---", "", "Text.", ""].join("\n");
}

async function errorsOf(files: Record<string, string>): Promise<ContentProblem[]> {
  const { problems } = await loadSite(writeContent(files), { now: FIXED_NOW });
  return problems.filter((problem) => problem.severity === "fel");
}

describe("an event's front matter", () => {
  it("accepts whole days and times, and an https registration link", async () => {
    expect(
      await errorsOf({
        "evenemang/heldag.md": event(["start: 2027-02-10", "end: 2027-02-11"]),
        "evenemang/med-tid.md": event(["start: 2027-03-04T09:00", "end: 2027-03-04T11:30", "registration: https://anmalan.example/a"]),
      }),
    ).toEqual([]);
  });

  it("refuses an end before the start, at end's line and column", async () => {
    const [problem, ...rest] = await errorsOf({ "evenemang/bakvand.md": event(["start: 2027-03-04T09:00", "end: 2027-03-04T08:30"]) });
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 4, column: 6, field: "end" });
    expect(problem?.message).toBe('fältet "end" ska vara samma tid som start eller senare, men är "2027-03-04T08:30"');
  });

  it("refuses a last day before the first", async () => {
    const [problem] = await errorsOf({ "evenemang/bakvand.md": event(["start: 2027-02-11", "end: 2027-02-10"]) });
    expect(problem).toMatchObject({ line: 4, field: "end" });
    expect(problem?.message).toContain("samma dag som start eller senare");
  });

  it("refuses a day and a time mixed", async () => {
    const [problem] = await errorsOf({ "evenemang/blandat.md": event(["start: 2027-02-10", "end: 2027-02-10T12:00"]) });
    expect(problem).toMatchObject({ line: 4, field: "end" });
    expect(problem?.message).toContain("en dag (ÅÅÅÅ-MM-DD) som start");
  });

  it.each([["http://anmalan.example/a"], ["javascript:alert(1)"], ["anmalan.example"]])("refuses the registration link %s", async (link) => {
    const [problem, ...rest] = await errorsOf({ "evenemang/anmalan.md": event(["start: 2027-02-10", "end: 2027-02-10", `registration: ${link}`]) });
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 5, column: 15, field: "registration" });
    expect(problem?.message).toContain("ska vara en fullständig webbadress som börjar med https://");
  });

  it("refuses an organiser the organisations file lacks", async () => {
    const source = event(["start: 2027-02-10", "end: 2027-02-10"]).replace("organisation: nns", "organisation: okand");
    const [problem] = await errorsOf({ "evenemang/okand.md": source });
    expect(problem).toMatchObject({ line: 6, field: "organisation" });
    expect(problem?.message).toContain("ska vara en av organisationerna i");
  });
});

describe("a page's front matter and address", () => {
  it("accepts a page under a parent, at /parent/page/", async () => {
    const { problems, documents } = await loadSite(
      writeContent({ "sidor/om-oss.md": page(), "sidor/styrelse.md": page(["parent: om-oss", "menuOrder: 2"]) }),
      { now: FIXED_NOW },
    );
    expect(problems).toEqual([]);
    expect(documents.map((document) => document.url).sort()).toEqual(["/om-oss/", "/om-oss/styrelse/"]);
  });

  it("refuses a parent that is no page, at its line and column, naming the pages there are", async () => {
    const [problem, ...rest] = await errorsOf({ "sidor/om-oss.md": page(), "sidor/styrelse.md": page(["parent: om-os"]) });
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 4, column: 9, field: "parent" });
    expect(problem?.message).toMatch(/^fältet "parent" ska vara en av sidorna i .*sidor\/ \(om-oss, styrelse\): filens namn utan \.md, men är "om-os"$/);
  });

  it("refuses parents that run in a ring", async () => {
    const problems = await errorsOf({ "sidor/a.md": page(["parent: b"]), "sidor/b.md": page(["parent: a"]) });
    expect(problems.map((problem) => problem.message)).toEqual([expect.stringContaining("går i ring"), expect.stringContaining("går i ring")]);
  });

  it.each([["nyheter"], ["sok"], ["kalendarium"], ["organisationer"], ["admin"], ["tillganglighet"], ["sidor"], ["bilder"]])(
    "refuses a top-level page named %s.md, whose address the site uses",
    async (name) => {
      const [problem, ...rest] = await errorsOf({ [`sidor/${name}.md`]: page() });
      expect(rest).toEqual([]);
      expect(problem?.file).toMatch(new RegExp(`sidor/${name}\\.md$`));
      expect(problem).toMatchObject({ line: 1, column: 1, severity: "fel" });
      expect(problem?.message).toContain(`filnamnet ger sidan adressen /${name}/, som webbplatsen redan använder`);
    },
  );

  it("refuses a published page under a draft, whose address would lead nowhere", async () => {
    const [problem, ...rest] = await errorsOf({ "sidor/om-oss.md": page(["draft: true"]), "sidor/styrelse.md": page(["parent: om-oss"]) });
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ field: "parent", severity: "fel" });
    expect(problem?.file).toMatch(/sidor\/styrelse\.md$/);
    expect(problem?.message).toContain("som är ett utkast");
  });

  it("lets a page under a parent take such a name", async () => {
    expect(await errorsOf({ "sidor/om-oss.md": page(), "sidor/nyheter.md": page(["parent: om-oss"]) })).toEqual([]);
  });
});

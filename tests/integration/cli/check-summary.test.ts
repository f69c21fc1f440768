// `npm run check -- --summary <file>` as the pages workflow runs it: the findings in Swedish Markdown on the run's
// summary page, read back through a real Markdown renderer, for an editor who saved in the CMS and has no terminal.
// Text from content (field values quoted in messages, file names) must show as itself and build nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as cheerio from "cheerio";
import markdownIt from "markdown-it";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { markdownFile, writeContent } from "../../helpers/build.ts";
import { ROOT, runCheck } from "../../helpers/check-cli.ts";

const BROKEN = path.join(ROOT, "tests/fixtures/broken");

interface JsonProblem {
  file: string;
  line?: number;
  column?: number;
  severity: string;
  message: string;
}

/** The check's report and its summary page, rendered as GitHub renders Markdown with raw HTML allowed. */
function checkWithSummary(contentDir: string, before = "") {
  const summaryFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "finsam-summary-")), "summary.md");
  fs.writeFileSync(summaryFile, before);
  const run = runCheck(["--content", contentDir, "--summary", summaryFile]);
  const json = JSON.parse(runCheck(["--content", contentDir, "--json"]).stdout) as { problems: JsonProblem[] };
  const markdown = fs.readFileSync(summaryFile, "utf8");
  const $ = cheerio.load(markdownIt({ html: true }).render(markdown.slice(before.length)));
  return { run, problems: json.problems, markdown, $ };
}

function tableRows($: cheerio.CheerioAPI, heading: string): string[][] {
  const table = $("h3")
    .filter((_, element) => $(element).text().startsWith(`${heading} (`))
    .nextAll("table")
    .first();
  return table
    .find("tbody tr")
    .toArray()
    .map((row) => $(row).find("td").toArray().map((cell) => $(cell).text()));
}

const location = (problem: JsonProblem) => [problem.file, problem.line, problem.line !== undefined ? problem.column : undefined].filter((part) => part !== undefined).join(":");

describe("the summary of the broken fixture", () => {
  let result: ReturnType<typeof checkWithSummary>;
  beforeAll(() => {
    result = checkWithSummary(BROKEN, "# Tidigare steg\n\n");
  });

  it("still exits 1 and prints the terminal's report", () => {
    expect(result.run.code).toBe(1);
    expect(result.run.stdout).toMatch(/^3 fel i 3 filer/m);
  });

  it("is appended to what the step's summary held, and says in its heading that nothing was published", () => {
    expect(result.markdown.startsWith("# Tidigare steg\n\n## ")).toBe(true);
    expect(result.$("h2").first().text()).toBe("Kontrollen av innehållet: 3 fel, inget publicerades");
  });

  it("lists every error as file:line:column and its message, in the check's order", () => {
    const errors = result.problems.filter((problem) => problem.severity === "fel");
    expect(errors).toHaveLength(3);
    expect(tableRows(result.$, "Fel")).toEqual(errors.map((problem) => [location(problem), problem.message]));
    expect(tableRows(result.$, "Fel")[1]).toEqual([
      "tests/fixtures/broken/nyheter/2024-01-10-datum-i-ord.md:3:7",
      'fältet "date" ska vara ett datum (ÅÅÅÅ-MM-DD) eller datum och tid (ÅÅÅÅ-MM-DDTHH:MM), men är "22 oktober 2019"',
    ]);
    expect(result.$("p").last().text()).toMatch(/^3 fel i 3 filer \(4 dokument kontrollerade på \d+,\d s\)$/);
  });
});

describe("hostile text in the content", () => {
  const HOSTILE = 'x | y <img src=x onerror=alert(1)> <script>alert(2)</script> ![bild](https://e.example/p.png) [länk](javascript:alert(3)) **fet** _kursiv_ `kod` &amp; \\| www.e.example';
  let result: ReturnType<typeof checkWithSummary>;
  beforeAll(() => {
    const news = (fields: Record<string, unknown>) => markdownFile({ title: "En nyhet", date: "2024-01-15", summary: "Kort.", organisation: "nns", ...fields });
    const dir = writeContent({
      "nyheter/2024-01-10-fel.md": news({ date: HOSTILE }),
      "nyheter/2024-01-11-utkast.md": news({ title: `Utkast ${HOSTILE}`, date: "2024-01-11", draft: true }),
      "nyheter/2031-01-15-framtid.md": news({ title: `Framtid\n| a | b |\n${HOSTILE}`, date: "2031-01-15" }),
    });
    result = checkWithSummary(dir);
  });

  it("shows the quoted value as the very text, in its own cell, creating no element", () => {
    const rows = tableRows(result.$, "Fel");
    const message = result.problems.find((problem) => problem.severity === "fel" && problem.message.includes("onerror"))?.message;
    expect(message).toBeDefined();
    expect(rows.map((row) => row[1])).toContain(message);
    expect(rows.every((row) => row.length === 2)).toBe(true);
    expect(result.$("img, script, a, strong, em, code").length).toBe(0);
    expect(result.$("table").length).toBe(1);
  });

  it("keeps drafts' and scheduled documents' titles in one list item each, line breaks and all", () => {
    const items = result.$("li").toArray().map((item) => result.$(item).text());
    expect(items).toHaveLength(2);
    expect(items.some((item) => item.includes(`– Utkast ${HOSTILE}`))).toBe(true);
    expect(items.some((item) => item.includes(`– Framtid | a | b | ${HOSTILE}, publiceras 15 januari 2031`))).toBe(true);
  });
});

describe("the check on its own content", () => {
  it("says there are no errors, and an empty --summary (no GITHUB_STEP_SUMMARY) writes nothing and is no error", () => {
    const dir = writeContent({ "nyheter/2024-01-15-bra.md": markdownFile({ title: "Bra", date: "2024-01-15", summary: "Kort.", organisation: "nns" }) });
    const { run, $ } = checkWithSummary(dir);
    expect(run.code).toBe(0);
    expect($("h2").text()).toBe("Kontrollen av innehållet: inga fel");
    expect($("table").length).toBe(0);
    expect(runCheck(["--content", dir, "--summary", ""]).code).toBe(0);
  });
});

describe("the workflows", () => {
  interface Workflow {
    jobs: Record<string, { steps: { name?: string; run?: string }[] }>;
  }
  const workflow = (file: string) => parse(fs.readFileSync(path.join(ROOT, ".github/workflows", file), "utf8")) as Workflow;
  const SUMMARY_STEP = 'npm run check -- --summary "$GITHUB_STEP_SUMMARY"';

  it("write the check's findings into the run's summary, before anything is built", () => {
    const steps = workflow("pages.yml").jobs.build?.steps ?? [];
    const check = steps.findIndex((step) => step.run?.trim() === SUMMARY_STEP);
    expect(check).toBeGreaterThan(-1);
    expect(check).toBeLessThan(steps.findIndex((step) => step.run?.trim() === "npm run build"));
    expect(workflow("check.yml").jobs.check?.steps.some((step) => step.run?.trim() === SUMMARY_STEP)).toBe(true);
  });
});

// Level 1 properties (no Eleventy): whatever an editor saves, loading the content either gives documents or
// Swedish problems with a file and a level. It never throws: a throw is a crash with a stack trace, not a report.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { stringify } from "yaml";
import { DOCUMENT_TYPES, TYPE_KEYS } from "../../src/content/types.ts";
import { loadSite } from "../../src/site-model/site-checks.ts";
import { anyValue, fieldName, markdownBody, nastyText, runs, validFrontMatter } from "./arbitraries.ts";
import { expectEditorProblem } from "./problems.ts";
import { fileText } from "./oracles.ts";
import { writeFixtureData } from "../helpers/build.ts";

const NOW = new Date("2026-11-24T12:00:00Z");
const root = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-robust-fm-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

let run = 0;

/** A fresh content folder per run, so no two runs share a file. */
async function loadOne(folder: string, fileName: string, source: string) {
  const dir = path.join(root, `run-${++run}`);
  fs.mkdirSync(path.join(dir, folder), { recursive: true });
  writeFixtureData(dir);
  fs.writeFileSync(path.join(dir, folder, fileName), source);
  const result = await loadSite(dir, { now: NOW });
  for (const problem of result.problems) expectEditorProblem(problem);
  // A file is either a document or has at least one error, never silently nothing. A draft's errors are warnings
  // that say so (src/content/problems.ts asDraftProblems): they still stop it from being published.
  const errors = result.problems.filter((problem) => problem.severity === "fel" || problem.message.endsWith("(utkast: rätta det innan utkastet publiceras)"));
  expect(result.documents.length + errors.length, JSON.stringify(result.problems)).toBeGreaterThan(0);
  for (const document of result.documents) {
    // An article's address holds its year; a page's is its name (under its parents'), an event's the kalendarium's.
    const pattern = { article: /^\/[a-z]+\/\d{4}\/[a-z0-9]+(-[a-z0-9]+)*\/$/, page: /^(\/[a-z0-9]+(-[a-z0-9]+)*)+\/$/, event: /^\/kalendarium\/[a-z0-9]+(-[a-z0-9]+)*\/$/ };
    expect(document.url).toMatch(pattern[DOCUMENT_TYPES[document.type].role]);
    expect(document.id.length).toBeGreaterThan(0);
  }
  return result;
}

const typeKey = fc.constantFrom(...TYPE_KEYS);

/** File names an editor's tools produce: mostly ordinary, sometimes anything a file system takes. */
const fileName = fc.oneof(
  { weight: 4, arbitrary: fc.constant("2024-05-02-dokument.md") },
  {
    weight: 1,
    arbitrary: nastyText
      .map((name) => fileText(name.replace(/[/\u0000]/g, "")))
      .filter((name) => Buffer.byteLength(name) < 200)
      .map((name) => `2024-05-02-${name}.md`),
  },
);

const randomFields = fc.dictionary(fieldName, anyValue, { maxKeys: 8 });

describe("loading arbitrary front matter", () => {
  it("reports a valid document's wrong, missing and surplus fields in Swedish, never throwing", async () => {
    await fc.assert(
      fc.asyncProperty(typeKey, fc.boolean(), randomFields, fc.array(fc.constantFrom(...Object.keys(validFrontMatter("protokoll"))), { maxLength: 3 }), fileName, markdownBody, async (type, fromValid, fields, dropped, name, body) => {
        const data: Record<string, unknown> = fromValid ? { ...validFrontMatter(type), ...fields } : { ...fields };
        for (const key of dropped) delete data[key];
        await loadOne(DOCUMENT_TYPES[type].folder, name, `---\n${stringify(data)}---\n${body}\n`);
      }),
      { numRuns: runs(120) },
    );
  });

  it("accepts a valid document with an arbitrary title and body, or says why not", async () => {
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(typeKey, nastyText, nastyText, markdownBody, async (type, title, summary, body) => {
        const data = { ...validFrontMatter(type), title, summary };
        const { documents, problems } = await loadOne(DOCUMENT_TYPES[type].folder, "2024-05-02-dokument.md", `---\n${stringify(data)}---\n${body}\n`);
        if (documents.length === 1) {
          accepted++;
          expect(documents[0]?.data.title).toBe(fileText(title).trim());
        } else {
          refused++;
          expect(problems.some((problem) => problem.severity === "fel")).toBe(true);
        }
      }),
      { numRuns: runs(80) },
    );
    // Many runs must really be accepted, or the property would only be testing the refusals. About a third are; an
    // eighth is out of reach of chance (four standard deviations) but not of a generator or schema refusing nearly all.
    expect(accepted, `accepted ${accepted}, refused ${refused}`).toBeGreaterThanOrEqual(Math.ceil(runs(80) / 8));
  });

  it("reports any text at all between the --- lines as a YAML or front matter problem, never throwing", async () => {
    const yamlish = fc
      .array(
        fc.oneof(
          nastyText,
          fc.constantFrom("title: *Viktigt* möte", "a: &x [1, 2]", "b: *x", "c: *saknas", "? [a, b]\n: c", "%YAML 1.2", "!!binary", "!tagg x", "- lista",
            "{a: 1", "[1, 2", "'öppen", "\"\\q\"", "\"\\uD800\"", "a:\n\tb: 1", "  indrag: 1", "title: a: b", "date: 2024-05-02", "<<: {a: 1}", "---", "...", ": x", "|", ">-", "&a", "*a"),
        ),
        { maxLength: 8 },
      )
      .map((lines) => lines.join("\n"));
    await fc.assert(
      fc.asyncProperty(typeKey, yamlish, markdownBody, async (type, block, body) => {
        await loadOne(DOCUMENT_TYPES[type].folder, "2024-05-02-dokument.md", `---\n${block}\n---\n${body}\n`);
      }),
      { numRuns: runs(200) },
    );
  });

  it("reports a file without front matter, or in no document folder, in Swedish", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("nyheter", "okänd", "bilder-och-text"), nastyText, async (folder, text) => {
        await loadOne(folder, "2024-05-02-dokument.md", text);
      }),
      { numRuns: runs(40) },
    );
  });
});

describe("YAML the property tests found crashing the build", () => {
  async function problemsOf(block: string) {
    return (await loadOne("nyheter", "2024-05-02-dokument.md", `---\n${block}\n---\nText.\n`)).problems;
  }

  it("reports a title that YAML reads as a reference to another value (*Viktigt*) at its line, not as a crash", async () => {
    const problems = await problemsOf(`date: "2024-05-02"\ntitle: *Viktigt*`);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(3);
    expect(problems[0]?.message).toContain("sätt citattecken runt värdet");
  });

  it("reports references that would expand into millions of values instead of running out of memory", async () => {
    const lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"];
    for (let level = 1; level < 9; level++) lines.push(`a${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(", ")}]`);
    const problems = await problemsOf(lines.join("\n"));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain("hänvisning");
  });

  it("explains a backslash YAML cannot read in Swedish", async () => {
    const problems = await problemsOf(`title: "C:\\qmappen"`);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain("omvänt snedstreck");
  });
});

// Loading a content tree: every problem in one run, with file and line; URLs and feed ids that stay put.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../../src/content/load.ts";
import type { ContentDocument } from "../../../src/content/document.ts";
import type { ContentProblem } from "../../../src/content/problems.ts";
import { loadSite } from "../../../src/site-model/site-checks.ts";
import { fixtureSiteData, markdownFile, writeContent } from "../../helpers/build.ts";
import { lineOf } from "../../helpers/seed-files.ts";

const ORGANISATIONS = fixtureSiteData().organisations.all;

const BROKEN = "tests/fixtures/broken";

function news(overrides: Record<string, unknown> = {}, body?: string): string {
  return markdownFile(
    { title: "En nyhet", date: "2024-01-15", summary: "Kort ingress.", organisation: "nns", ...overrides },
    body,
  );
}

/** Problems of a loaded tree whose file ends with the given path. */
function problemsFor(problems: readonly ContentProblem[], file: string) {
  return problems.filter((problem) => problem.file.endsWith(file));
}

describe("the shipped content", () => {
  it("loads without problems, one document per type, at the URLs finsam.se uses", async () => {
    const { documents, problems } = await loadSite("content");
    expect(problems).toEqual([]);
    expect(documents.map((document) => document.url).sort()).toEqual([
      "/brev/2014/brev-till-styrelsen-2014-01-25/",
      "/kalendarium/forbundschefsdagar-oktober-2027/",
      "/kalendarium/nns-natverkstraff-februari-2027/",
      "/kalendarium/samverkansdag-blekinge-april-2027/",
      "/kalendarium/webbinarium-uppfoljning-sus-mars-2027/",
      "/konferenser/2019/forbundschefsdagar-22-23-oktober-2019/",
      "/kontakt/",
      "/minnen/2020/14-ar-med-samordningsforbundet-alv-och-kust/",
      "/nyheter/2022/magnus-slutar-som-nationell-stodperson/",
      "/om-oss/",
      "/protokoll/2023/protokoll-styrelsemote-8-maj-2023/",
    ]);
  });
});

describe("a tree with several broken documents", () => {
  let documents: ContentDocument[] = [];
  let problems: ContentProblem[] = [];
  beforeAll(async () => {
    ({ documents, problems } = await loadSite(BROKEN));
  });

  it("reports every broken file in one run, by path", () => {
    const files = new Set(problems.map((problem) => problem.file));
    expect([...files].sort()).toEqual([
      `${BROKEN}/konferenser/2024-02-01-slut-fore-start.md`,
      `${BROKEN}/nyheter/2024-01-10-datum-i-ord.md`,
      `${BROKEN}/protokoll/2024-03-01-trasig-yaml.md`,
    ]);
    expect(problems.every((problem) => problem.severity === "fel")).toBe(true);
  });

  it("still reads the valid document beside them", () => {
    expect(documents.map((document) => document.data.title)).toEqual(["Giltig nyhet"]);
  });

  it("says what is wrong in each file, on the right line", () => {
    const source = (file: string) => fs.readFileSync(path.join(BROKEN, file), "utf8");

    const [date] = problemsFor(problems, "datum-i-ord.md");
    expect(date?.message).toBe(
      'fältet "date" ska vara ett datum (ÅÅÅÅ-MM-DD) eller datum och tid (ÅÅÅÅ-MM-DDTHH:MM), men är "22 oktober 2019"',
    );
    expect(date?.line).toBe(lineOf(source("nyheter/2024-01-10-datum-i-ord.md"), "date:"));

    const [end] = problemsFor(problems, "slut-fore-start.md");
    expect(end?.message).toBe('fältet "endDate" ska vara samma dag som startDate eller senare, men är "2024-02-09"');
    expect(end?.line).toBe(lineOf(source("konferenser/2024-02-01-slut-fore-start.md"), "endDate:"));
  });

  it("names the file and line of invalid YAML", () => {
    const yaml = problemsFor(problems, "protokoll/2024-03-01-trasig-yaml.md");
    expect(yaml).toHaveLength(1);
    expect(yaml[0]?.message).toMatch(/^front matter är inte giltig YAML i fältet "summary": /);
    expect(yaml[0]?.field).toBe("summary");
    expect(yaml[0]?.line).toBe(lineOf(fs.readFileSync(path.join(BROKEN, "protokoll/2024-03-01-trasig-yaml.md"), "utf8"), "summary:"));
  });
});

describe("front matter", () => {
  it("names the line of a field given twice", async () => {
    const dir = writeContent({ "nyheter/2024-01-15-dubbel.md": "---\ntitle: A\ndate: 2024-01-15\ntitle: B\n---\nText\n" });
    const [problem, ...rest] = (await loadSite(dir)).problems;
    expect(rest).toEqual([]);
    expect(problem?.file).toMatch(/nyheter\/2024-01-15-dubbel\.md$/);
    expect(problem?.message).toBe('front matter är inte giltig YAML i fältet "title": samma fält står två gånger');
    expect(problem?.line).toBe(4);
  });

  it("reports a file without front matter", async () => {
    const dir = writeContent({ "nyheter/2024-01-15-utan.md": "# Bara text\n" });
    const [problem] = (await loadSite(dir)).problems;
    expect(problem?.message).toMatch(/saknar front matter/);
    expect(problem?.line).toBe(1);
  });

  it("loads a file saved with a byte-order mark and Windows line endings", async () => {
    const source = `\uFEFF${news({ title: "Från Windows" }, "Första stycket.\n\nAndra stycket.")}`.replace(/\n/g, "\r\n");
    expect(source.startsWith("\uFEFF---\r\n")).toBe(true);
    const dir = writeContent({ "nyheter/2024-01-15-fran-windows.md": source });
    const { documents, problems } = await loadSite(dir);
    expect(problems).toEqual([]);
    const [document] = documents;
    expect(document?.data.title).toBe("Från Windows");
    expect(document?.data).toMatchObject({ summary: "Kort ingress." });
    expect(document?.body).not.toContain("\r");
    expect(document?.body.trim()).toBe("Första stycket.\n\nAndra stycket.");
  });

  it("gives the right line in a file with Windows line endings", async () => {
    const source = "\uFEFF---\r\ntitle: A\r\ndate: 22 oktober 2019\r\nsummary: B\r\norganisation: nns\r\n---\r\nText\r\n";
    const dir = writeContent({ "nyheter/2024-01-15-crlf.md": source });
    const [problem] = (await loadSite(dir)).problems;
    expect(problem?.field).toBe("date");
    expect(problem?.line).toBe(3);
  });
});

describe("where files lie", () => {
  it("reports a Markdown file outside the type folders instead of skipping it", async () => {
    const dir = writeContent({
      "nyheter/2024-01-15-en-nyhet.md": news(),
      "okand-mapp/2024-01-15-om-oss.md": news({ title: "Om oss" }),
      "2024-01-15-loslig.md": news({ title: "Löslig" }),
    });
    const { documents, problems } = await loadSite(dir);
    expect(documents).toHaveLength(1);
    for (const file of ["okand-mapp/2024-01-15-om-oss.md", "2024-01-15-loslig.md"]) {
      const [problem] = problemsFor(problems, `/${file}`);
      expect(problem?.severity, file).toBe("fel");
      expect(problem?.message, file).toMatch(/^filen ligger inte i någon av dokumentmapparna \(/);
      expect(problem?.message, file).toContain("nyheter/");
      expect(problem?.message, file).toContain("protokoll/");
    }
    expect(problems).toHaveLength(2);
  });

  it("ignores the editors' README.md at the content root", async () => {
    const dir = writeContent({
      "README.md": "# Guide för redaktörer\n\nIngen front matter här.\n",
      "nyheter/2024-01-15-en-nyhet.md": news(),
    });
    const { documents, problems } = await loadSite(dir);
    expect(problems).toEqual([]);
    expect(documents).toHaveLength(1);
  });

  it("reads documents in sub-folders of a type folder", async () => {
    const dir = writeContent({ "nyheter/2024/2024-01-15-i-undermapp.md": news() });
    const { documents, problems } = await loadSite(dir);
    expect(problems).toEqual([]);
    expect(documents[0]?.url).toBe("/nyheter/2024/i-undermapp/");
  });
});

describe("references", () => {
  it("reports an unknown organisation key, naming the field and the known keys", async () => {
    const source = news({ organisation: "okand-forbund" });
    const dir = writeContent({ "nyheter/2024-01-15-okand.md": source });
    const { documents, problems } = await loadSite(dir);
    expect(documents).toEqual([]);
    const [problem, ...rest] = problems;
    expect(rest).toEqual([]);
    expect(problem?.field).toBe("organisation");
    expect(problem?.line).toBe(lineOf(source, "organisation:"));
    expect(problem?.message).toMatch(/^fältet "organisation" ska vara en av organisationerna/);
    expect(problem?.message).toContain('men är "okand-forbund"');
    for (const organisation of ORGANISATIONS) expect(problem?.message).toContain(organisation.key);
  });

  it("reports an unknown sender organisation in a letter", async () => {
    const dir = writeContent({
      "brev/2024-01-15-brev.md": markdownFile({
        title: "Brev",
        date: "2024-01-15",
        summary: "Ett brev.",
        organisation: "nns",
        sender: "Anna",
        senderRole: "Samordnare",
        senderOrganisation: "finsam-stockholm",
        recipient: "Styrelsen",
        letterDate: "2024-01-14",
      }),
    });
    const [problem] = (await loadSite(dir)).problems;
    expect(problem?.field).toBe("senderOrganisation");
    expect(problem?.message).toContain('men är "finsam-stockholm"');
  });
});

describe("URLs", () => {
  it("leaves the file name's date prefix out of the URL and takes the year from the date", async () => {
    const dir = writeContent({
      "nyheter/2022-03-03-magnus-slutar.md": news({ date: "2022-03-03" }),
      "nyheter/2021-12-31-nyar.md": news({ date: "2022-01-01" }),
      "nyheter/utan-datum.md": news({ date: "2023-05-05" }),
    });
    const { documents, problems } = await loadSite(dir);
    expect(problems).toEqual([]);
    expect(documents.map((document) => document.url).sort()).toEqual([
      "/nyheter/2022/magnus-slutar/",
      "/nyheter/2022/nyar/",
      "/nyheter/2023/utan-datum/",
    ]);
  });

  it("writes Swedish slugs of the file name, not of the title", async () => {
    const dir = writeContent({ "nyheter/2024-01-15-Förbundschef på Öckerö.md": news({ title: "Helt annan rubrik" }) });
    expect((await loadSite(dir)).documents[0]?.url).toBe("/nyheter/2024/forbundschef-pa-ockero/");
  });

  it("fails two documents with the same URL, each message naming the other file", async () => {
    const dir = writeContent({
      "nyheter/2022-01-01-a.md": news({ date: "2022-01-01", title: "Första A" }),
      "nyheter/2022-05-05-a.md": news({ date: "2022-05-05", title: "Andra A" }),
      "nyheter/2022-06-06-b.md": news({ date: "2022-06-06", title: "B" }),
    });
    const { problems } = await loadSite(dir);
    const first = problemsFor(problems, "/nyheter/2022-01-01-a.md");
    const second = problemsFor(problems, "/nyheter/2022-05-05-a.md");
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(first[0]?.message).toContain("/nyheter/2022/a/");
    expect(first[0]?.message).toMatch(/nyheter\/2022-05-05-a\.md/);
    expect(first[0]?.message).not.toMatch(/2022-01-01-a\.md/);
    expect(second[0]?.message).toMatch(/nyheter\/2022-01-01-a\.md/);
    expect(second[0]?.message).not.toMatch(/2022-05-05-a\.md/);
    expect(problemsFor(problems, "/nyheter/2022-06-06-b.md")).toEqual([]);
    expect(problems).toHaveLength(2);
    // A site-wide check (src/site-model/site-checks.ts): each file on its own is fine.
    expect((await loadContent(dir)).problems).toEqual([]);
  });

  it("fails file names that slug alike", async () => {
    const dir = writeContent({
      "nyheter/2024-01-15-Älv & Kust.md": news(),
      "nyheter/2024-02-15-alv-och-kust.md": news({ date: "2024-02-15" }),
    });
    expect((await loadSite(dir)).problems).toHaveLength(2);
  });

  it("allows the same file slug in different years and in different types", async () => {
    const dir = writeContent({
      "nyheter/2022-01-01-arsmote.md": news({ date: "2022-01-01" }),
      "nyheter/2023-01-01-arsmote.md": news({ date: "2023-01-01" }),
      "minnen/2023-01-01-arsmote.md": markdownFile({
        title: "Årsmöte",
        date: "2023-01-01",
        summary: "Minnen.",
        organisation: "nns",
        author: "Per",
        yearFrom: 2000,
        yearTo: 2010,
      }),
    });
    const { documents, problems } = await loadSite(dir);
    expect(problems).toEqual([]);
    expect(documents).toHaveLength(3);
  });
});

describe("feed ids", () => {
  it("are tag URIs on finsam.se unless the front matter sets an id", async () => {
    const dir = writeContent({
      "nyheter/2024-01-15-egen.md": news({ id: "https://gamla.finsam.se/nyheter/123" }),
      "nyheter/2024-01-16-vanlig.md": news({ date: "2024-01-16" }),
    });
    const { documents, problems } = await loadSite(dir);
    expect(problems).toEqual([]);
    const byFile = Object.fromEntries(documents.map((document) => [document.fileSlug, document]));
    expect(byFile.egen?.id).toBe("https://gamla.finsam.se/nyheter/123");
    expect(byFile.vanlig?.id).toMatch(/^tag:finsam\.se,2024-01-16:/);
    expect(byFile.vanlig?.id).toContain("vanlig");
  });

  it("do not change when the title or summary changes", async () => {
    const file = "nyheter/2024-01-15-stabil.md";
    const before = (await loadSite(writeContent({ [file]: news({ title: "Första rubriken" }) }))).documents[0];
    const after = (
      await loadSite(writeContent({ [file]: news({ title: "En helt omskriven och mycket längre rubrik", summary: "Ny ingress." }) }))
    ).documents[0];
    expect(before?.data.title).toBe("Första rubriken");
    expect(after?.data.title).toBe("En helt omskriven och mycket längre rubrik");
    expect(after?.id).toBe(before?.id);
    expect(after?.url).toBe(before?.url);
  });

  it("may not be shared: a copied file that kept its id is reported, naming the other file", async () => {
    const dir = writeContent({
      "nyheter/2024-01-15-original.md": news({ id: "https://gamla.finsam.se/nyheter/123" }),
      "nyheter/2024-03-01-kopia.md": news({ date: "2024-03-01", title: "Kopia", id: "https://gamla.finsam.se/nyheter/123" }),
    });
    const { problems } = await loadSite(dir);
    expect(problems).toHaveLength(2);
    const [original] = problemsFor(problems, "/nyheter/2024-01-15-original.md");
    const [copy] = problemsFor(problems, "/nyheter/2024-03-01-kopia.md");
    expect(original?.message).toContain("https://gamla.finsam.se/nyheter/123");
    expect(original?.message).toMatch(/nyheter\/2024-03-01-kopia\.md/);
    expect(copy?.message).toMatch(/nyheter\/2024-01-15-original\.md/);
    // A site-wide check (src/site-model/site-checks.ts): each file on its own is fine.
    expect((await loadContent(dir)).problems).toEqual([]);
  });

  it("are unique across documents", async () => {
    const { documents } = await loadSite("content");
    expect(new Set(documents.map((document) => document.id)).size).toBe(documents.length);
  });
});

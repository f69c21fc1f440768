// `npm run check` run as editors and CI run it (a child process): one clickable line per finding, errors
// before warnings, drafts and scheduled documents listed, a summary line, exit 1 on errors, --json for machines.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { markdownFile, writeContent } from "../../helpers/build.ts";
import { at, ROOT, runCheck, shown } from "../../helpers/check-cli.ts";
import { TEST_JPEG } from "../../helpers/images.ts";

function news(fields: Record<string, unknown>, body = "Text."): string {
  return markdownFile({ title: "En nyhet", date: "2024-01-15", summary: "Kort.", organisation: "nns", ...fields }, body);
}

describe("a tree with one problem of each kind", () => {
  let dir: string;
  let text: ReturnType<typeof runCheck>;
  let json: ReturnType<typeof runCheck>;

  beforeAll(() => {
    dir = writeContent({
      "nyheter/2024-01-10-datum.md": news({ title: "Datum", date: "10 januari 2024" }),
      "nyheter/2024-01-11-organisation.md": news({ title: "Organisation", date: "2024-01-11", organisation: "okand" }),
      "nyheter/2024-01-12-dubblett.md": news({ title: "Dubblett A", date: "2024-01-12" }),
      "nyheter/2024-03-12-dubblett.md": news({ title: "Dubblett B", date: "2024-03-12" }),
      "nyheter/2024-01-13-lankar.md": news(
        { title: "Länkar", date: "2024-01-13" },
        "Se [kontakt](/kontakt/) och [utkastet](/brev/2024/utkast/).\n\n![Karta](/bilder/karta.png)",
      ),
      "nyheter/2024-01-14-alt.md": news({ title: "Alt", date: "2024-01-14" }, "Text.\n\n![](/bilder/styrelsen.jpg)"),
      "nyheter/2024-01-15-rubriker.md": news({ title: "Rubriker", date: "2024-01-15" }, "# Huvudrubrik\n\n## Del\n\n#### Detalj"),
      "brev/2024-02-01-utkast.md": markdownFile({
        title: "Utkast till styrelsen",
        date: "2024-02-01",
        summary: "Inte klart.",
        organisation: "blekinge",
        draft: true,
        sender: "Anna Andersson",
        senderRole: "samordnare",
        senderOrganisation: "blekinge",
        recipient: "Styrelsen",
        letterDate: "2024-02-01",
      }),
      "nyheter/2031-01-15-framtid.md": news({ title: "Framtida nyhet", date: "2031-01-15" }),
      "nyheter/2031-03-01-klockslag.md": news({ title: "Med klockslag", date: "2031-03-01T09:30" }),
      "bilder/styrelsen.jpg": TEST_JPEG,
    });
    text = runCheck(["--content", dir]);
    json = runCheck(["--content", dir, "--json"]);
  });

  it("prints each finding as path:line:column nivå: meddelande, at the right place", () => {
    const lines = text.stdout.split("\n");
    const expected = [
      `${shown(dir, "nyheter/2024-01-10-datum.md")}:${at(dir, "nyheter/2024-01-10-datum.md", '"10 januari 2024"')} fel: fältet "date" ska vara`,
      `${shown(dir, "nyheter/2024-01-11-organisation.md")}:${at(dir, "nyheter/2024-01-11-organisation.md", '"okand"')} fel: fältet "organisation" ska vara en av organisationerna`,
      `${shown(dir, "nyheter/2024-01-12-dubblett.md")} fel: får samma adress /nyheter/2024/dubblett/ som ${shown(dir, "nyheter/2024-03-12-dubblett.md")}`,
      `${shown(dir, "nyheter/2024-01-13-lankar.md")}:${at(dir, "nyheter/2024-01-13-lankar.md", "/kontakt/")} fel: länken /kontakt/ går till en sida som inte finns på webbplatsen`,
      `${shown(dir, "nyheter/2024-01-13-lankar.md")}:${at(dir, "nyheter/2024-01-13-lankar.md", "/brev/2024/utkast/")} fel: länken /brev/2024/utkast/ går till ett utkast som inte publiceras`,
      `${shown(dir, "nyheter/2024-01-14-alt.md")}:${at(dir, "nyheter/2024-01-14-alt.md", "![]")} fel: bilden /bilder/styrelsen.jpg saknar alt-text`,
      `${shown(dir, "nyheter/2024-01-13-lankar.md")}:${at(dir, "nyheter/2024-01-13-lankar.md", "/bilder/karta.png")} fel: bilden /bilder/karta.png finns inte`,
      `${shown(dir, "nyheter/2024-01-15-rubriker.md")}:${at(dir, "nyheter/2024-01-15-rubriker.md", "# Huvudrubrik")} varning: rubriken "Huvudrubrik" har nivå 1 (#)`,
      `${shown(dir, "nyheter/2024-01-15-rubriker.md")}:${at(dir, "nyheter/2024-01-15-rubriker.md", "#### Detalj")} varning: rubriken "Detalj" hoppar från nivå 2 till nivå 4`,
    ];
    for (const start of expected) expect(lines.filter((line) => line.startsWith(start)), start).toHaveLength(1);
  });

  it("puts every error before every warning", () => {
    const levels = text.stdout
      .split("\n")
      .map((line) => / (fel|varning): /.exec(line)?.[1])
      .filter((level) => level !== undefined);
    expect(levels).toEqual([...Array(8).fill("fel"), ...Array(2).fill("varning")]);
  });

  it("lists drafts and scheduled documents with their dates", () => {
    expect(text.stdout).toContain(`Utkast (publiceras inte):\n  ${shown(dir, "brev/2024-02-01-utkast.md")} – Utkast till styrelsen\n`);
    expect(text.stdout).toContain(
      [
        "Schemalagda:",
        `  ${shown(dir, "nyheter/2031-01-15-framtid.md")} – Framtida nyhet, publiceras 15 januari 2031`,
        `  ${shown(dir, "nyheter/2031-03-01-klockslag.md")} – Med klockslag, publiceras 1 mars 2031 kl. 9.30`,
      ].join("\n"),
    );
  });

  it("ends with a summary and exits 1", () => {
    const last = text.stdout.trimEnd().split("\n").at(-1);
    expect(last).toMatch(/^8 fel, 2 varningar i 7 filer \(10 dokument kontrollerade på \d+,\d s\)$/);
    expect(text.code).toBe(1);
    expect(text.stderr).toBe("");
  });

  it("gives the same findings as one JSON object with --json, and nothing else on stdout", () => {
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as {
      problems: { file: string; line?: number; column?: number; severity: string; message: string }[];
      drafts: { file: string; title: string; url: string }[];
      scheduled: { file: string; title: string; url: string; date: string }[];
      summary: { errors: number; warnings: number; files: number; documents: number; seconds: number };
    };
    const printed = text.stdout.split("\n").filter((line) => / (fel|varning): /.test(line));
    expect(
      report.problems.map((problem) =>
        `${[problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(":")} ${problem.severity}: ${problem.message}`,
      ),
    ).toEqual(printed);
    expect(report.drafts).toEqual([{ file: shown(dir, "brev/2024-02-01-utkast.md"), title: "Utkast till styrelsen", url: "/brev/2024/utkast/", date: "2024-01-31T23:00:00.000Z" }]);
    expect(report.scheduled.map((item) => [item.url, item.date])).toEqual([
      ["/nyheter/2031/framtid/", "2031-01-14T23:00:00.000Z"],
      ["/nyheter/2031/klockslag/", "2031-03-01T08:30:00.000Z"],
    ]);
    expect(report.summary).toMatchObject({ errors: 8, warnings: 2, files: 7, documents: 10 });
    expect(typeof report.summary.seconds).toBe("number");
  });
});

describe("a tree without errors", () => {
  it("exits 0 with warnings only, and says so", () => {
    const dir = writeContent({ "nyheter/2024-01-15-a.md": news({}, "### För djupt") });
    const result = runCheck(["--content", dir]);
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split("\n").at(-1)).toMatch(/^Inga fel, 1 varning i 1 fil \(1 dokument kontrollerat på \d+,\d s\)$/);
  });

  it("reads the folder from FINSAM_CONTENT_DIR when --content is not given", () => {
    const dir = writeContent({ "nyheter/2024-01-15-a.md": news({}), "nyheter/2024-01-16-b.md": news({ date: "2024-01-16", title: "B" }) });
    const result = runCheck([], { FINSAM_CONTENT_DIR: dir });
    expect(result.stdout).toMatch(/^Inga fel \(2 dokument kontrollerade på \d+,\d s\)\n$/);
    expect(result.code).toBe(0);
  });
});

describe("files that are not documents", () => {
  it("reports a link, misnamed Markdown and leftovers, in text and in --json", () => {
    const dir = writeContent({
      "nyheter/2024-01-15-a.md": news({}),
      "nyheter/2024-01-16-b.MD": news({ date: "2024-01-16", title: "B" }),
      "nyheter/.DS_Store": "\u0000",
      "bilder/.gitkeep": "",
    });
    fs.symlinkSync("/etc/passwd", path.join(dir, "bilder", "x.jpg"));
    const text = runCheck(["--content", dir]);
    expect(text.code).toBe(1);
    const lines = text.stdout.split("\n");
    expect(lines).toContain(`${shown(dir, "bilder/x.jpg")} fel: filen är en symbolisk länk (pekar utanför innehållsmappen, på /etc/passwd); länkar publiceras aldrig – lägg in själva filen i stället`);
    expect(lines).toContain(`${shown(dir, "nyheter/2024-01-16-b.MD")} fel: webbplatsen läser bara Markdown-filer som slutar på .md (med små bokstäver); byt namn till 2024-01-16-b.md`);
    expect(lines.filter((line) => line.startsWith(`${shown(dir, "nyheter/.DS_Store")} varning: `))).toHaveLength(1);
    expect(text.stdout.trimEnd().split("\n").at(-1)).toMatch(/^2 fel, 1 varning i 3 filer \(1 dokument kontrollerat på \d+,\d s\)$/);
    const report = JSON.parse(runCheck(["--content", dir, "--json"]).stdout) as { problems: { file: string; severity: string }[] };
    expect(report.problems.map((problem) => [problem.file, problem.severity])).toEqual([
      [shown(dir, "bilder/x.jpg"), "fel"],
      [shown(dir, "nyheter/2024-01-16-b.MD"), "fel"],
      [shown(dir, "nyheter/.DS_Store"), "varning"],
    ]);
  });
});

describe("the shipped content", () => {
  it("passes with exit 0 and no findings", () => {
    const result = runCheck([]);
    expect(result.stdout).toMatch(/^Inga fel \(11 dokument kontrollerade på \d+,\d s\)\n$/);
    expect(result.code).toBe(0);
  });
});

describe("usage", () => {
  it("explains itself in Swedish with --help", () => {
    const result = runCheck(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Användning: npm run check -- \[--content <mapp>\] \[--json\]/);
  });

  it("exits 2 on an unknown option or a missing folder, without a stack trace", () => {
    const unknown = runCheck(["--snabb"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^Okänt val: /);
    const missing = runCheck(["--content", path.join(ROOT, "finns-inte")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Hittar ingen innehållsmapp: /);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});

// The body check: one h1 (the title), no skipped heading levels, alt text on every image; positions are
// file lines and columns, counted here from the source text rather than taken from the parser.
import { describe, expect, it } from "vitest";
import { bodyProblems } from "../../../../src/content/checks/body.ts";
import { parseFrontMatter } from "../../../../src/content/front-matter.ts";
import { SEED_TYPES } from "../../../helpers/seed-files.ts";
import { seedFile, seedSource } from "../../../helpers/seed-files.ts";

const FRONT_MATTER = "---\ntitle: En nyhet\ndate: 2024-01-15\nsummary: Kort.\norganisation: nns\n---\n";

function check(body: string, frontMatter = FRONT_MATTER) {
  const source = `${frontMatter}${body}`;
  return { source, problems: bodyProblems({ file: "content/nyheter/x.md", parsed: parseFrontMatter(source) }) };
}

/** 1-based line and column of the n-th occurrence of `text` in `source`, counted by the test. */
function positionOf(source: string, text: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let n = 0; n < occurrence; n++) {
    index = source.indexOf(text, index + 1);
    if (index < 0) throw new Error(`"${text}" occurs fewer than ${occurrence} times`);
  }
  const before = source.slice(0, index).split("\n");
  return { line: before.length, column: (before.at(-1) ?? "").length + 1 };
}

describe("headings", () => {
  it("warns about an h1 in the body, at its line and column", () => {
    const { source, problems } = check("Inledning.\n\n# Bakgrund\n\nText.\n");
    expect(problems).toEqual([
      {
        file: "content/nyheter/x.md",
        ...positionOf(source, "# Bakgrund"),
        severity: "varning",
        message: 'rubriken "Bakgrund" har nivå 1 (#), men sidans titel är redan sidans huvudrubrik; börja rubrikerna i texten på nivå 2 (##)',
      },
    ]);
  });

  it("also finds an underlined (setext) h1", () => {
    const { source, problems } = check("Bakgrund\n========\n\nText.\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ ...positionOf(source, "Bakgrund\n"), severity: "varning" });
    expect(problems[0]?.message).toMatch(/^rubriken "Bakgrund" har nivå 1/);
  });

  it("warns when a level is skipped (h2 → h4), naming both levels", () => {
    const { source, problems } = check("## Bakgrund\n\nText.\n\n#### Detaljer\n\nText.\n");
    expect(problems).toEqual([
      {
        file: "content/nyheter/x.md",
        ...positionOf(source, "#### Detaljer"),
        severity: "varning",
        message: 'rubriken "Detaljer" hoppar från nivå 2 till nivå 4; använd ### eller lägg en rubrik med ### före den',
      },
    ]);
  });

  it("wants the first heading of the body at level 2", () => {
    const { source, problems } = check("Text.\n\n### Detaljer\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ ...positionOf(source, "### Detaljer"), severity: "varning" });
    expect(problems[0]?.message).toMatch(/^rubriken "Detaljer" har nivå 3 \(###\), men textens första rubrik ska ha nivå 2 \(##\)/);
  });

  it("accepts going down one level at a time and back up any number", () => {
    const { problems } = check("## A\n\n### B\n\n#### C\n\n## D\n\n### E\n");
    expect(problems).toEqual([]);
  });

  it("ignores headings inside code blocks, where they are text", () => {
    const { problems } = check("## A\n\n```\n# kommentar\n#### inte en rubrik\n```\n");
    expect(problems).toEqual([]);
  });

  it("counts lines the same in a file saved with Windows line endings", () => {
    const { source, problems } = check("Text.\r\n\r\n# Bakgrund\r\n", FRONT_MATTER.replace(/\n/g, "\r\n"));
    expect(problems[0]).toMatchObject(positionOf(source.replace(/\r\n/g, "\n"), "# Bakgrund"));
  });
});

describe("images", () => {
  it("reports an image without alt text as an error at its ![", () => {
    const { source, problems } = check("Text.\n\nSe bilden: ![](/bilder/styrelsen.jpg)\n");
    expect(problems).toEqual([
      {
        file: "content/nyheter/x.md",
        ...positionOf(source, "![]"),
        severity: "fel",
        message:
          "bilden /bilder/styrelsen.jpg saknar alt-text; beskriv vad bilden visar mellan hakparenteserna, t.ex. ![Styrelsen samlad runt ett bord](/bilder/styrelsen.jpg)",
      },
    ]);
  });

  it("treats alt text of only spaces as missing", () => {
    const { problems } = check("![  ](/bilder/a.jpg)\n");
    expect(problems.map((problem) => problem.severity)).toEqual(["fel"]);
  });

  it("finds the right one of several images on a line, in a list and in a quote", () => {
    const body = [
      "![Karta](/bilder/karta.png) och ![](/bilder/tom.png)",
      "",
      "- punkt med ![](/bilder/lista.png)",
      "",
      "> citat ![](/bilder/citat.png)",
      "",
    ].join("\n");
    const { source, problems } = check(body);
    expect(problems.map(({ line, column }) => ({ line, column }))).toEqual([
      positionOf(source, "![](/bilder/tom.png)"),
      positionOf(source, "![](/bilder/lista.png)"),
      positionOf(source, "![](/bilder/citat.png)"),
    ]);
  });

  it("accepts images with alt text and ignores image syntax inside code", () => {
    const { problems } = check("![Styrelsen](/bilder/a.jpg)\n\n`![](/bilder/b.jpg)`\n\n    ![](/bilder/c.jpg)\n");
    expect(problems).toEqual([]);
  });

  it("names a non-ASCII file name the way the editor wrote it", () => {
    const { problems } = check("![](/bilder/förbundschef.jpg)\n");
    expect(problems[0]?.message).toContain("bilden /bilder/förbundschef.jpg saknar alt-text");
  });
});

describe("the shipped content", () => {
  it.each(SEED_TYPES)("has no body problems (%s)", (type) => {
    expect(bodyProblems({ file: seedFile(type), parsed: parseFrontMatter(seedSource(type)) })).toEqual([]);
  });
});

// Every type's schema accepts its seed document and rejects broken variants with a Swedish,
// line-numbered message an editor can act on.
import { describe, expect, it } from "vitest";
import { parseFrontMatter } from "../../../src/content/front-matter.ts";
import { DOCUMENT_TYPES, type TypeKey } from "../../../src/content/types.ts";
import { issuesToProblems } from "../../../src/content/validate.ts";
import type { ContentProblem } from "../../../src/content/problems.ts";
import { SEED_TYPES, lineOf, seedSource, vary } from "../../helpers/seed-files.ts";

function validate(type: TypeKey, source: string): { problems: ContentProblem[]; data?: unknown } {
  const parsed = parseFrontMatter(source);
  const info = DOCUMENT_TYPES[type];
  const result = info.schema.safeParse(parsed.data);
  if (result.success) return { problems: [], data: result.data };
  return { problems: issuesToProblems(result.error.issues, "test.md", parsed, info.label) };
}

/** The problems of a variant, which must all concern the given fields. */
function problemsOf(type: TypeKey, source: string): ContentProblem[] {
  const { problems } = validate(type, source);
  expect(problems.length, "the variant should be rejected").toBeGreaterThan(0);
  return problems;
}

function only(problems: ContentProblem[]): ContentProblem {
  expect(problems).toHaveLength(1);
  return problems[0] as ContentProblem;
}

describe.each(SEED_TYPES)("seed of type %s", (type) => {
  it("validates", () => {
    const { problems, data } = validate(type, seedSource(type));
    expect(problems).toEqual([]);
    expect(data).toBeDefined();
  });

  it("validates with a byte-order mark and Windows line endings", () => {
    const source = `\uFEFF${seedSource(type).replace(/\n/g, "\r\n")}`;
    expect(validate(type, source).problems).toEqual([]);
  });

  it('rejects a date written out in words, on the date line', () => {
    const source = vary(seedSource(type), /^date: .*$/m.exec(seedSource(type))?.[0] ?? "", "date: 22 oktober 2019");
    const problem = only(problemsOf(type, source));
    expect(problem.message).toBe(
      'fältet "date" ska vara ett datum (ÅÅÅÅ-MM-DD) eller datum och tid (ÅÅÅÅ-MM-DDTHH:MM), men är "22 oktober 2019"',
    );
    expect(problem.field).toBe("date");
    expect(problem.line).toBe(lineOf(source, "date:"));
    expect(problem.line).toBe(3);
  });

  it("rejects a missing summary", () => {
    const source = seedSource(type).replace(/^summary: .*\n/m, "");
    expect(source).not.toMatch(/^summary:/m);
    const problem = only(problemsOf(type, source));
    expect(problem.field).toBe("summary");
    expect(problem.message).toBe(
      `fältet "summary" saknas men är obligatoriskt för typen ${DOCUMENT_TYPES[type].label.toLowerCase()}: det ska vara text`,
    );
    // A missing field points at the start of the front matter.
    expect(problem.line).toBe(2);
  });

  it('rejects a misspelt field ("titel"), naming it and its line', () => {
    const source = seedSource(type).replace(/^title: /m, "titel: ");
    const problems = problemsOf(type, source);
    const misspelt = problems.find((problem) => problem.field === "titel");
    expect(misspelt?.message).toBe(
      `fältet "titel" finns inte för typen ${DOCUMENT_TYPES[type].label.toLowerCase()}; kontrollera stavningen eller ta bort det`,
    );
    expect(misspelt?.line).toBe(lineOf(source, "titel:"));
    // The real field is then missing, and that is said too.
    expect(problems.find((problem) => problem.field === "title")?.message).toMatch(/^fältet "title" saknas/);
  });

  it("rejects an image without imageAlt", () => {
    const source = seedSource(type).replace(/^date: .*$/m, (line) => `${line}\nimage: /bilder/bild.jpg`);
    const problem = only(problemsOf(type, source));
    expect(problem.field).toBe("imageAlt");
    expect(problem.message).toBe(
      'fältet "imageAlt" saknas: det ska vara en beskrivning av bilden (krävs när image är satt, för den som inte ser bilden)',
    );
    expect(problem.message).not.toContain("men är saknas");
  });

  it("accepts an image with imageAlt", () => {
    const source = seedSource(type).replace(/^date: .*$/m, (line) => `${line}\nimage: /bilder/bild.jpg\nimageAlt: Två personer vid ett bord.`);
    expect(validate(type, source).problems).toEqual([]);
  });

  it("accepts a caption and a credit with an image, and rejects them without one, on their own lines", () => {
    const withImage = seedSource(type).replace(
      /^date: .*$/m,
      (line) => `${line}\nimage: /bilder/bild.jpg\nimageAlt: Två personer vid ett bord.\nimageCaption: Styrelsen i maj.\nimageCredit: Anna Berg\nimageFocus: vänster`,
    );
    expect(validate(type, withImage).problems).toEqual([]);
    const without = seedSource(type).replace(/^date: .*$/m, (line) => `${line}\nimageCaption: Styrelsen i maj.\nimageCredit: Anna Berg\nimageFocus: upptill`);
    const problems = problemsOf(type, without);
    expect(problems.map((problem) => [problem.field, problem.line])).toEqual([
      ["imageCaption", lineOf(without, "imageCaption:")],
      ["imageCredit", lineOf(without, "imageCredit:")],
      ["imageFocus", lineOf(without, "imageFocus:")],
    ]);
    expect(problems[0]?.message).toMatch(/^fältet "imageCaption" ska vara en bild i fältet image också/);
  });

  it("rejects an updated day before the publishing day", () => {
    const source = seedSource(type).replace(/^date: .*$/m, (line) => `${line}\nupdated: 2000-01-01`);
    const problem = only(problemsOf(type, source));
    expect(problem.field).toBe("updated");
    expect(problem.message).toBe('fältet "updated" ska vara samma dag som date eller senare, men är "2000-01-01"');
    expect(problem.line).toBe(lineOf(source, "updated:"));
  });

  it("rejects an organisation key that is not written as a slug", () => {
    const source = seedSource(type).replace(/^organisation: .*$/m, "organisation: Nationella rådet");
    const problem = only(problemsOf(type, source));
    expect(problem.field).toBe("organisation");
    expect(problem.message).toBe(
      'fältet "organisation" ska vara en nyckel med små bokstäver, siffror och bindestreck (t.ex. alv-och-kust), men är "Nationella rådet"',
    );
    expect(problem.line).toBe(lineOf(source, "organisation:"));
  });
});

describe("nyhet", () => {
  it('rejects the staffing change "avgår", listing the allowed values', () => {
    const source = vary(seedSource("nyhet"), "change: slutar", "change: avgår");
    const problem = only(problemsOf("nyhet", source));
    expect(problem.message).toBe('fältet "change" ska vara ett av: slutar, börjar, byter, men är "avgår"');
    expect(problem.line).toBe(lineOf(source, "change:"));
  });

  it("rejects a staffing change without its role", () => {
    const source = vary(seedSource("nyhet"), "role: nationell stödperson\n", "");
    const problem = only(problemsOf("nyhet", source));
    expect(problem.field).toBe("role");
    expect(problem.message).toBe(
      'fältet "role" saknas: det ska vara ifyllt när en personalförändring beskrivs (person, role och change hör ihop)',
    );
  });

  it("accepts a plain news item without staffing fields", () => {
    const source = vary(vary(vary(seedSource("nyhet"), "person: Magnus Simonsson\n", ""), "role: nationell stödperson\n", ""), "change: slutar\n", "");
    expect(validate("nyhet", source).problems).toEqual([]);
  });

  it("rejects tags given as one text instead of a list", () => {
    const seed = seedSource("nyhet");
    const source = seed.replace(/^tags:\n(  - .*\n)+/m, "tags: Personal\n");
    const problem = only(problemsOf("nyhet", source));
    expect(problem.field).toBe("tags");
    expect(problem.message).toBe('fältet "tags" ska vara en lista med ämnesord, men är "Personal"');
    expect(problem.line).toBe(lineOf(source, "tags:"));
  });

  it("rejects a tag without letters or digits, which could have no page", () => {
    const source = vary(seedSource("nyhet"), "  - Personal\n", '  - "–!"\n');
    const problem = only(problemsOf("nyhet", source));
    expect(problem.field).toBe("tags[1]");
    expect(problem.message).toBe('fältet "tags[1]" ska vara ett ämnesord med minst en bokstav eller siffra, men är "–!"');
    expect(problem.line).toBe(lineOf(source, '- "–!"'));
  });

  it("rejects a day that does not exist", () => {
    const source = vary(seedSource("nyhet"), "date: 2022-03-03", "date: 2019-02-30");
    expect(only(problemsOf("nyhet", source)).message).toBe(
      'fältet "date" ska vara ett datum (ÅÅÅÅ-MM-DD) eller datum och tid (ÅÅÅÅ-MM-DDTHH:MM), men är "2019-02-30"',
    );
  });

  it("rejects an empty title", () => {
    const source = vary(seedSource("nyhet"), "title: Magnus slutar som nationell stödperson", 'title: "  "');
    const problem = only(problemsOf("nyhet", source));
    expect(problem.message).toBe('fältet "title" ska vara en text som inte är tom, men är "  "');
    expect(problem.line).toBe(2);
  });
});

describe("konferens", () => {
  it("rejects an endDate before the startDate", () => {
    const source = vary(seedSource("konferens"), "endDate: 2019-10-23", "endDate: 2019-10-21");
    const problem = only(problemsOf("konferens", source));
    expect(problem.message).toBe('fältet "endDate" ska vara samma dag som startDate eller senare, men är "2019-10-21"');
    expect(problem.line).toBe(lineOf(source, "endDate:"));
  });

  it("rejects a time in a day-only field", () => {
    const source = vary(seedSource("konferens"), "startDate: 2019-10-22", "startDate: 2019-10-22T09:00");
    const problem = only(problemsOf("konferens", source));
    expect(problem.message).toBe('fältet "startDate" ska vara ett datum (ÅÅÅÅ-MM-DD), men är "2019-10-22T09:00"');
    expect(problem.line).toBe(lineOf(source, "startDate:"));
  });

  it("rejects a speaker without affiliation, pointing at that speaker", () => {
    const source = vary(seedSource("konferens"), "    affiliation: SKR\n", "");
    const problem = only(problemsOf("konferens", source));
    expect(problem.field).toBe("speakers[1].affiliation");
    expect(problem.message).toBe(
      'fältet "speakers[1].affiliation" saknas men är obligatoriskt för typen konferens: det ska vara text',
    );
    expect(problem.line).toBe(lineOf(source, "- name: Gunnar Sundquist"));
  });
});

describe("brev", () => {
  it("rejects a letter without recipient", () => {
    const source = seedSource("brev").replace(/^recipient: .*\n/m, "");
    const problem = only(problemsOf("brev", source));
    expect(problem.message).toBe('fältet "recipient" saknas men är obligatoriskt för typen brev: det ska vara text');
  });

  it("rejects a letterDate that does not exist", () => {
    const source = vary(seedSource("brev"), "letterDate: 2014-01-25", "letterDate: 2014-02-30");
    const problem = only(problemsOf("brev", source));
    expect(problem.message).toBe('fältet "letterDate" ska vara ett datum (ÅÅÅÅ-MM-DD), men är "2014-02-30"');
    expect(problem.line).toBe(lineOf(source, "letterDate:"));
  });
});

describe("minnen", () => {
  it("rejects yearTo before yearFrom", () => {
    const source = vary(seedSource("minnen"), "yearTo: 2020", "yearTo: 2005");
    const problem = only(problemsOf("minnen", source));
    expect(problem.message).toBe('fältet "yearTo" ska vara samma år som yearFrom eller senare, men är 2005');
    expect(problem.line).toBe(lineOf(source, "yearTo:"));
  });

  it("rejects a year written as words", () => {
    const source = vary(seedSource("minnen"), "yearFrom: 2006", "yearFrom: tjugohundrasex");
    const problem = only(problemsOf("minnen", source));
    expect(problem.message).toBe('fältet "yearFrom" ska vara ett årtal (t.ex. 2006), men är "tjugohundrasex"');
    expect(problem.line).toBe(lineOf(source, "yearFrom:"));
  });
});

describe("protokoll", () => {
  it("rejects agenda numbering 1, 3, naming the item and its line", () => {
    const source = vary(seedSource("protokoll"), "  - section: 2\n", "  - section: 3\n");
    const problems = problemsOf("protokoll", source);
    const skipped = problems.find((problem) => problem.field === "agenda[1].section");
    expect(skipped?.message).toBe('fältet "agenda[1].section" ska vara 2 (paragraferna numreras i följd från den första, här §1, §2 …), men är 3');
    expect(skipped?.line).toBe(lineOf(source, "- section: 3"));
  });

  it("accepts paragraphs that run on through the year (§34–§40), one by one", () => {
    let source = seedSource("protokoll");
    for (let section = 7; section >= 1; section--) source = source.replace(`  - section: ${section}\n`, `  - section: ${section + 33}\n`);
    expect(source).toContain("  - section: 40\n");
    expect(validate("protokoll", source).problems).toEqual([]);
    const gap = vary(source, "  - section: 36\n", "  - section: 37\n");
    const problem = problemsOf("protokoll", gap).find((found) => found.field === "agenda[2].section");
    expect(problem?.message).toBe('fältet "agenda[2].section" ska vara 36 (paragraferna numreras i följd från den första, här §34, §35 …), men är 37');
  });

  it("takes a signed original as a PDF in /filer/, and nothing else", () => {
    const withOriginal = (value: string) => seedSource("protokoll").replace("agenda:\n", `signedOriginal: ${value}\nagenda:\n`);
    expect(withOriginal("/filer/p.pdf")).toContain("signedOriginal: /filer/p.pdf\n");
    expect(validate("protokoll", withOriginal("/filer/protokoll-2023-05-08.pdf")).problems).toEqual([]);
    for (const value of ["/bilder/protokoll.pdf", "/filer/protokoll.docx", "https://example.com/filer/p.pdf", "filer/p.pdf", "//evil.example/filer/p.pdf"]) {
      const source = withOriginal(value);
      const problem = only(problemsOf("protokoll", source));
      expect(problem.message, value).toMatch(/^fältet "signedOriginal" ska vara en sökväg till en PDF-fil i content\/filer\//);
      expect(problem.line).toBe(lineOf(source, "signedOriginal:"));
    }
  });

  it("rejects a clock time that does not exist", () => {
    const source = vary(seedSource("protokoll"), 'endTime: "12.00"', 'endTime: "12.75"');
    const problem = only(problemsOf("protokoll", source));
    expect(problem.message).toBe('fältet "endTime" ska vara en tid (TT.MM, t.ex. 08.30), men är "12.75"');
    expect(problem.line).toBe(lineOf(source, "endTime:"));
  });

  it("rejects minutes without adjusters", () => {
    const source = vary(seedSource("protokoll"), "adjusters:\n  - Karin Blomdahl\n", "adjusters: []\n");
    const problem = only(problemsOf("protokoll", source));
    expect(problem.message).toBe('fältet "adjusters" ska vara en lista med minst en justerare, men är en tom lista');
    expect(problem.line).toBe(lineOf(source, "adjusters:"));
  });

  it("rejects a signature without signedAt", () => {
    const source = vary(seedSource("protokoll"), '    signedAt: "2023-06-08T09:24:35Z"\n', "");
    const problem = only(problemsOf("protokoll", source));
    expect(problem.field).toBe("signatures[1].signedAt");
    expect(problem.line).toBe(lineOf(source, "- name: Karin Blomdahl"));
  });
});

// The GDPR guard: personnummer, samordningsnummer, phone numbers and e-mail addresses, found and masked.
import personnummerModule from "personnummer";
import { Metadata, getCountries, getCountryCallingCode, parsePhoneNumberFromString } from "libphonenumber-js/max";
import { describe, expect, it } from "vitest";
import { PHONE_DIGITS, privacyProblems } from "../../../../src/content/checks/privacy.ts";
import { parseFrontMatter } from "../../../../src/content/front-matter.ts";
import { renderTemplate } from "../../../../src/content/template.ts";
import { TYPE_KEYS } from "../../../../src/content/types.ts";
import type { ContentProblem } from "../../../../src/content/problems.ts";
import { loadSite } from "../../../../src/site-model/site-checks.ts";
import { markdownFile, writeContent } from "../../../helpers/build.ts";

// Same CommonJS-vs-types mismatch as in privacy.ts; the test asks the package itself which numbers are valid.
const Personnummer = personnummerModule as unknown as typeof personnummerModule.default;

const FRONT = { title: "En nyhet", date: "2024-01-15", summary: "Kort ingress.", organisation: "nns" };

function check(body: string, frontMatter: Record<string, unknown> = {}): ContentProblem[] {
  const source = markdownFile({ ...FRONT, ...frontMatter }, body);
  return privacyProblems({ file: "content/nyheter/a.md", parsed: parseFrontMatter(source) });
}

/** 1-based line and column of the n-th occurrence of `needle`, counted here rather than by the code under test. */
function where(source: string, needle: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let seen = 0; seen < occurrence; seen += 1) {
    index = source.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`"${needle}" occurs fewer than ${occurrence} times`);
  }
  const before = source.slice(0, index).split("\n");
  return { line: before.length, column: (before.at(-1) ?? "").length + 1 };
}

describe("personnummer and samordningsnummer", () => {
  const valid = ["19121212-1212", "121212-1212", "701063-2391"];

  it("uses numbers the personnummer package itself accepts", () => {
    for (const number of valid) expect(Personnummer.valid(number), number).toBe(true);
    expect(Personnummer.parse("701063-2391").isCoordinationNumber()).toBe(true);
    expect(Personnummer.valid("121212-1213")).toBe(false);
  });

  it.each([
    ["19121212-1212", "personnummer 19121212-****"],
    ["121212-1212", "personnummer 121212-****"],
    ["121212+1212", "personnummer 121212+****"],
    ["121212 1212", "personnummer 121212 ****"],
    ["1212121212", "personnummer 121212****"],
    ["191212121212", "personnummer 19121212****"],
    ["701063-2391", "samordningsnummer 701063-****"],
  ])("%s is an error, shown as %s", (number, shown) => {
    const problems = check(`Sökande: Anna Andersson, ${number}, Lund.`);
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem?.severity).toBe("fel");
    expect(problem?.message).toBe(
      `${shown} får inte publiceras (GDPR). Ta bort det; skriv aldrig ut personnummer eller samordningsnummer på webbplatsen.`,
    );
    expect(problem?.message).not.toContain(number);
  });

  it("points at the number's line and column in the file", () => {
    const body = "Första stycket.\n\nBeslut om ersättning till 19121212-1212 fattades.";
    const source = markdownFile(FRONT, body);
    const [problem] = privacyProblems({ file: "a.md", parsed: parseFrontMatter(source) });
    expect(problem).toMatchObject({ file: "a.md", ...where(source, "19121212-1212") });
  });

  it("finds them in front matter values too", () => {
    const source = markdownFile({ ...FRONT, summary: "Om 121212-1212 och hans ärende." });
    const problems = privacyProblems({ file: "a.md", parsed: parseFrontMatter(source) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject(where(source, "121212-1212"));
  });

  it.each([
    ["a wrong check digit", "121212-1213"],
    ["a random ten-digit number", "1234567890"],
    ["a date", "2023-05-08"],
    ["a compact date", "20230508"],
    ["an ISO timestamp", "2023-06-08T07:58:34Z"],
    ["an organisation number", "222000-1234"],
    ["a diarienummer", "Dnr 2023/0456"],
  ])("%s is not flagged (%s)", (_, text) => {
    expect(check(`Text med ${text} i.`)).toEqual([]);
  });
});

describe("phone numbers", () => {
  const PHONE_MESSAGE =
    "står inte bland publicContacts. Privata telefonnummer och e-postadresser får inte publiceras; använd ett funktionsnummer (t.ex. växeln) och lägg det i publicContacts om det ska synas.";

  it.each([
    ["070-123 45 67", "070-123 ** **"],
    ["0701234567", "070123****"],
    ["070-1234567", "070-123****"],
    ["+46 70 123 45 67", "+46 70 123 ** **"],
    ["+46793532286", "+4679353****"],
    ["0046 70 123 45 67", "0046 70 123 ** **"],
    ["08-123 456 78", "08-123 4** **"],
    ["08 123 45 67", "08 123 ** **"],
    ["010-488 74 95", "010-488 ** **"],
    ["031-12 34 56", "031-12 ** **"],
    ["(08) 123 456 78", "(08) 123 4** **"],
  ])("%s is an error, shown as %s", (number, shown) => {
    const problems = check(`Ring ${number} på kvällen.`);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.severity).toBe("fel");
    expect(problems[0]?.message).toBe(`telefonnummer ${shown} ${PHONE_MESSAGE}`);
    expect(problems[0]?.message).not.toContain(number);
  });

  it.each([
    ["dates", "Mötet 2023-06-08 och 2019-10-22 – 2019-10-23.", {}],
    ["a day-month-year date", "Mötet 08-05-2023.", {}],
    ["clock times", "kl. 08.30–12.00 och 08.30 - 12.00, 09:00-16:00.", {}],
    ["clock times in front matter", "", { startTime: "08.30" }],
    ["years", "Under åren 2006–2020 och 2019.", {}],
    ["an ISO timestamp", "signedAt 2023-06-08T07:58:34Z", {}],
    ["a diarienummer", "Dnr 01-2023-0456.", {}],
    ["a bankgiro number", "Bankgiro 5050-1055.", {}],
    ["a law reference", "Lag (2003:1210) om finansiell samordning.", {}],
  ])("%s are not flagged", (_, body, frontMatter: Record<string, unknown>) => {
    expect(check(body, frontMatter)).toEqual([]);
  });

  it("points at each number's line and column in the file", () => {
    const body = "Kontakta oss.\n\nMagnus nås på 070-123 45 67 eller\n+46 8 123 456 78 dagtid.";
    const source = markdownFile(FRONT, body);
    const problems = privacyProblems({ file: "a.md", parsed: parseFrontMatter(source) });
    expect(problems.map(({ line, column }) => ({ line, column }))).toEqual([
      where(source, "070-123 45 67"),
      where(source, "+46 8 123 456 78"),
    ]);
  });

  describe("digits that are both a valid personnummer and a valid mobile number", () => {
    const digits = "0701120016";

    it("are that, by both packages", () => {
      expect(Personnummer.valid("070112-0016")).toBe(true);
      expect(parsePhoneNumberFromString(digits, "SE")?.isValid()).toBe(true);
    });

    it("are reported once, as a personnummer", () => {
      const problems = check(`Uppgiften ${digits} står i ansökan.`);
      expect(problems.map((problem) => problem.message.split(" ")[0])).toEqual(["personnummer"]);
    });

    it("pass when listed as a public phone number, unless written as a personnummer", () => {
      const listed = { publicContacts: ["070-112 00 16"] };
      expect(check(`Ring ${digits}.`, listed)).toEqual([]);
      expect(check("Sökande 070112-0016.", listed).map((problem) => problem.message.split(" ")[0])).toEqual(["personnummer"]);
    });
  });

  it("lets through a number listed in publicContacts, however it is written", () => {
    const listed = { publicContacts: ["010-488 74 95", "+46 8 123 456 78"] };
    expect(check("Växeln: 0104887495, +46104887495 eller 010 - 488 74 95. Kansliet: 08-123 456 78.", listed)).toEqual([]);
    const other = check("Växeln: 010-488 74 95. Magnus: 070-123 45 67.", listed);
    expect(other).toHaveLength(1);
    expect(other[0]?.message).toContain("070-123 ** **");
  });

  it("finds a number right after another in one run of digit groups", () => {
    const problems = check("Ring 070 123 45 67 08 123 456 78 på dagtid.");
    expect(problems.map((problem) => problem.message.split(" ").slice(0, 5).join(" "))).toEqual([
      "telefonnummer 070 123 ** **",
      "telefonnummer 08 123 4** **",
    ]);
  });

  it("finds a number followed by many more digit groups", () => {
    const problems = check(`Ring 070-123 45 67 ${"2024 ".repeat(200)}.`);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain("070-123 ** **");
  });

  it("finds a number split over two lines of Markdown", () => {
    const body = "Ring Magnus på 070-123\n45 67 om du har frågor.";
    const source = markdownFile(FRONT, body);
    const problems = privacyProblems({ file: "a.md", parsed: parseFrontMatter(source) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject(where(source, "070-123"));
  });

  it("finds a number YAML folds over two lines, where it starts", () => {
    const source = `---\ntitle: En nyhet\ndate: 2024-01-15\nsummary: >\n  Ring Magnus på 070-123\n    45 67 om du har frågor.\norganisation: nns\n---\nBrödtext.\n`;
    const problems = privacyProblems({ file: "a.md", parsed: parseFrontMatter(source) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject(where(source, "070-123"));
    expect(problems[0]?.message).toContain("070-123 ** **");
  });

  it("finds a number hidden behind a YAML escape, at its field", () => {
    const source = `---\ntitle: "Ring 070\\u002D123 45 67"\ndate: 2024-01-15\nsummary: Kort.\norganisation: nns\n---\nBrödtext.\n`;
    expect(parseFrontMatter(source).data["title"]).toBe("Ring 070-123 45 67");
    const problems = privacyProblems({ file: "a.md", parsed: parseFrontMatter(source) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: "title", line: 2 });
    expect(problems[0]?.message).toContain("070-123 ** **");
  });

  it("finds every number in every field and in file after file: the shared patterns keep no state between texts", () => {
    const source = [
      "---",
      'title: "Ring 070\\u002D123 45 67"',
      "date: 2024-01-15",
      'summary: "Eller 08\\u002D123 456 78, eller 19121212\\u002D1212"',
      "organisation: nns",
      'authors: ["a\\u0040example.se", "Per, 031\\u002D123 45 67"]',
      "---",
      "Brödtext med 0709876543 och 121212-1212 och b@example.se.",
      "",
    ].join("\n");
    const expected = [
      { line: 2, field: "title", shown: "070-123 ** **" },
      { line: 4, field: "summary", shown: "08-123 4** **" },
      { line: 4, field: "summary", shown: "19121212-****" },
      { line: 6, field: "authors.0", shown: "a***@example.se" },
      { line: 6, field: "authors.1", shown: "031-123 ** **" },
      { line: 8, field: undefined, shown: "070987****" },
      { line: 8, field: undefined, shown: "121212-****" },
      { line: 8, field: undefined, shown: "b***@example.se" },
    ];
    for (let round = 0; round < 3; round += 1) {
      const problems = privacyProblems({ file: "a.md", parsed: parseFrontMatter(source) });
      expect(problems.map((problem) => ({ line: problem.line, field: problem.field, shown: expected.find((e) => problem.message.includes(e.shown))?.shown })))
        .toEqual(expect.arrayContaining(expected));
      expect(problems).toHaveLength(expected.length);
      // A document with nothing to find in between leaves nothing behind for the next.
      expect(privacyProblems({ file: "b.md", parsed: parseFrontMatter("---\ntitle: Tom\n---\nInget här.\n") })).toEqual([]);
    }
  });
});

describe("e-mail addresses", () => {
  const EMAIL_MESSAGE =
    "står inte bland publicContacts. Privata telefonnummer och e-postadresser får inte publiceras; använd en funktionsadress och lägg den i publicContacts om den ska synas.";

  it("is an error, masked to its first letter and the domain", () => {
    const problems = check("Skriv till magnus.svensson@finsam-blekinge.se.");
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toBe(`e-postadressen m***@finsam-blekinge.se ${EMAIL_MESSAGE}`);
    expect(problems[0]?.message).not.toContain("magnus.svensson");
  });

  it("is found in a mailto link and an autolink, at the right line and column", () => {
    const body = "Frågor?\n\n[Mejla Magnus](mailto:Magnus@Example.se) eller <anna.b@example.se>.";
    const source = markdownFile(FRONT, body);
    const problems = privacyProblems({ file: "a.md", parsed: parseFrontMatter(source) });
    expect(problems).toEqual([
      expect.objectContaining({ ...where(source, "Magnus@Example.se"), message: `e-postadressen M***@Example.se ${EMAIL_MESSAGE}` }),
      expect.objectContaining({ ...where(source, "anna.b@example.se"), message: `e-postadressen a***@example.se ${EMAIL_MESSAGE}` }),
    ]);
  });

  it("lets through an address listed in publicContacts, in any case, and the list itself", () => {
    const listed = { publicContacts: ["Kansliet@Finsam.se"] };
    expect(check("Skriv till [kansliet](mailto:kansliet@finsam.se) eller KANSLIET@finsam.se.", listed)).toEqual([]);
    expect(check("Eller till magnus@finsam.se.", listed)).toHaveLength(1);
  });

  it("does not take an image name for an address", () => {
    expect(check("![Logga](/bilder/logga@2x.png)")).toEqual([]);
  });

  it("reports an address whose local part is digits once, as an address", () => {
    const problems = check("SMS via 0701234567@sms.example.se.");
    expect(problems.map((problem) => problem.message.split(" ")[0])).toEqual(["e-postadressen"]);
  });
});

describe("publicContacts", () => {
  it("warns about an entry that is neither a phone number nor an address, without printing it", () => {
    const source = markdownFile({ ...FRONT, publicContacts: ["kansliet@finsam.se", "ring växeln"] });
    const problems = privacyProblems({ file: "a.md", parsed: parseFrontMatter(source) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: "varning", field: "publicContacts", line: where(source, "publicContacts").line });
    expect(problems[0]?.message).toContain("post 2");
  });
});

describe("loadSite over a content tree", () => {
  it("stops a document with a personnummer and names file, line and column", async () => {
    const body = "Ärendet gäller 19121212-1212.";
    const text = markdownFile(FRONT, body);
    const dir = writeContent({ "nyheter/2024-01-15-arende.md": text, "nyheter/2024-01-16-ren.md": markdownFile(FRONT) });
    const { documents, problems } = await loadSite(dir);
    expect(documents).toHaveLength(1);
    expect(problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/nyheter\/2024-01-15-arende\.md$/),
        ...where(text, "19121212-1212"),
        severity: "fel",
        message: expect.stringContaining("personnummer 19121212-****"),
      }),
    ]);
  });

  it("accepts publicContacts as a field of every type and lets the listed contacts through", async () => {
    const text = markdownFile(
      { ...FRONT, publicContacts: ["kansliet@finsam.se", "010-488 74 95"] },
      "Frågor till [kansliet](mailto:kansliet@finsam.se) eller växeln 010-488 74 95.",
    );
    const { documents, problems } = await loadSite(writeContent({ "nyheter/2024-01-15-kontakt.md": text }));
    expect(problems).toEqual([]);
    expect(documents[0]?.data).toMatchObject({ publicContacts: ["kansliet@finsam.se", "010-488 74 95"] });
  });

  it("stops an unlisted phone number and e-mail address, each at its place", async () => {
    const body = "Magnus: 070-123 45 67\n\nAnna: [mejla](mailto:anna@example.se)";
    const text = markdownFile(FRONT, body);
    const { documents, problems } = await loadSite(writeContent({ "nyheter/2024-01-15-kontakt.md": text }));
    expect(documents).toEqual([]);
    expect(problems.map(({ line, column, severity }) => ({ line, column, severity }))).toEqual([
      { ...where(text, "070-123 45 67"), severity: "fel" },
      { ...where(text, "anna@example.se"), severity: "fel" },
    ]);
  });
});

describe("the templates `npm run new` writes", () => {
  // They carry every field's description as a comment: an example address there would stop every new document.
  it.each(TYPE_KEYS)("%s has nothing the guard stops", (type) => {
    const source = renderTemplate(type, "2024-01-15", { title: "En rubrik" });
    expect(privacyProblems({ file: "ny.md", parsed: parseFrontMatter(source) })).toEqual([]);
  });
});

describe("a long text", () => {
  // The scan skips candidates with too few or too many digits for any number libphonenumber knows: only right if
  // the bounds hold every number the library itself would accept.
  it("asks libphonenumber about every length of number it knows", () => {
    const metadata = new Metadata();
    const lengths = (country: Parameters<typeof metadata.selectNumberingPlan>[0]): number[] => {
      metadata.selectNumberingPlan(country);
      return metadata.numberingPlan?.possibleLengths() ?? [];
    };
    const swedish = lengths("SE");
    expect(PHONE_DIGITS.national.min).toBeLessThanOrEqual(1 + Math.min(...swedish));
    expect(PHONE_DIGITS.national.max).toBeGreaterThanOrEqual(1 + Math.max(...swedish));
    const withCountryCode = getCountries().flatMap((country) =>
      lengths(country).map((length) => getCountryCallingCode(country).length + length),
    );
    expect(PHONE_DIGITS.international.min).toBeLessThanOrEqual(Math.min(...withCountryCode));
    // One more for a "(0)": "+46 (0)70 123 45 67".
    expect(PHONE_DIGITS.international.max).toBeGreaterThanOrEqual(Math.max(...withCountryCode) + 1);
  });

  // Sizes doubling up to just under the 1 MB a document may have. Each must take less than a budget that grows in
  // step with the size: a scan that tries every shorter piece of every run (quadratic) fails at the first sizes,
  // rather than running for hours at the last. The budget is generous; speed targets live in the benchmark.
  const SIZES = [16, 32, 128, 960].map((kilobytes) => kilobytes * 1024);
  const budgetMs = (size: number): number => 500 + (size / SIZES[SIZES.length - 1]!) * 8000;

  function expectLinearScan(source: (size: number) => string): void {
    const times = new Map<number, number>();
    for (const size of SIZES) {
      const parsed = parseFrontMatter(source(size));
      const started = performance.now();
      privacyProblems({ file: "lang.md", parsed });
      const elapsed = performance.now() - started;
      expect(elapsed, `${size} bytes`).toBeLessThan(budgetMs(size));
      times.set(size, elapsed);
    }
    // Seven and a half times the text takes about as many times as long; a quadratic scan, fifty-six times.
    expect(times.get(960 * 1024)).toBeLessThan(20 * (times.get(128 * 1024) ?? 0) + 1000);
  }

  /** Groups of digits as a table of numbers might have them, every candidate a new one (seeded, so repeatable). */
  function randomGroups(size: number): string {
    let seed = 1;
    const next = (below: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % below;
    let text = "";
    while (text.length < size) {
      text += next(4) === 0 ? `0${next(1000)}` : next(8) === 0 ? `+${next(100)}` : String(next(10 ** (1 + next(4))));
      text += next(6) === 0 ? "\n" : " ";
    }
    return text;
  }

  const body = (unit: string, lead = "") => (size: number) =>
    markdownFile(FRONT, lead + unit.repeat(Math.ceil(size / unit.length)));

  it.each([
    ["a number trailed by single digits", body("1 ", "Ring 070-")],
    ["area codes", body("070 ")],
    ["four-digit groups", body("0701 ")],
    ["groups on lines of their own", body("070\n")],
    ["two-digit groups", body("01 ")],
    ["international groups", body("0046 70 ")],
    ["international single digits", body("+1 2 3 4 5 6 7 8 9 ")],
    ["random groups", (size: number) => markdownFile(FRONT, randomGroups(size))],
    ["digits", body("1")],
    ["zeros", body("0")],
    ["dates of birth without their last digits", body("121212-")],
    ["dotted labels after an @", body("a.", "a@")],
    ["a dotted local part before an @", (size: number) => markdownFile(FRONT, `${"a.".repeat(size / 2)}@`)],
    ["@ after @", body("a@")],
    ["hyphenated labels", body("-a", "a@a")],
  ])("is scanned in time linear in its length: %s", (_, source) => expectLinearScan(source));

  it("is scanned in linear time when it is a public contact", () => {
    expectLinearScan((size) => markdownFile({ ...FRONT, publicContacts: [`a@${"a.".repeat(size / 2)}@`] }));
  });
});

// Careless or hostile front matter and bodies (issue 9): refused, or warned about, with Swedish messages that name
// the file, the line and the field; a draft's unfinished state never blocks a build; every check in one run.
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ContentProblem } from "../../src/content/problems.ts";
import { loadSite } from "../../src/site-model/site-checks.ts";
import { buildSite, markdownFile, writeContent } from "../helpers/build.ts";
import { TEST_JPEG } from "../helpers/images.ts";

const NOW = new Date("2026-11-24T12:00:00Z");

function news(overrides: Record<string, unknown> = {}, body?: string): string {
  return markdownFile({ title: "En nyhet", date: "2024-01-15", summary: "Kort ingress.", organisation: "nns", ...overrides }, body);
}

function minutes(overrides: Record<string, unknown> = {}, body?: string): string {
  return markdownFile(
    {
      title: "Protokoll",
      date: "2024-03-10",
      summary: "Styrelsemöte.",
      organisation: "nns",
      meetingDate: "2024-03-05",
      startTime: "09.00",
      endTime: "12.00",
      place: "Kansliet",
      chair: "Anna Ordförande",
      adjusters: ["Karl Justerare"],
      secretary: "Sara Sekreterare",
      agenda: [{ section: 1, heading: "Mötets öppnande" }],
      ...overrides,
    },
    body,
  );
}

function load(files: Record<string, string | Uint8Array>) {
  return loadSite(writeContent(files), { now: NOW });
}

const errors = (problems: readonly ContentProblem[]) => problems.filter((problem) => problem.severity === "fel");
const warnings = (problems: readonly ContentProblem[]) => problems.filter((problem) => problem.severity === "varning");

describe("images and link targets are normalised before the check", () => {
  it.each([
    ["/\\evil.example/x.jpg"],
    ["/%2Fevil.example/x.jpg"],
    ["/%5cevil.example/x.jpg"],
    ["\\\\evil.example\\x.jpg"],
    ["//evil.example/x.jpg"],
    ["http://evil.example/x.jpg"],
    ["https://evil.example/x.jpg"],
  ])("refuses the image %s, which a browser would fetch from another host", async (image) => {
    const { documents, problems } = await load({ "nyheter/2024-01-15-a.md": news({ image, imageAlt: "En bild" }), "bilder/x.jpg": TEST_JPEG });
    expect(documents).toEqual([]);
    const [problem] = errors(problems);
    expect(problem?.field).toBe("image");
    expect(problem?.line).toBe(6);
    expect(problem?.message).toMatch(/^fältet "image" ska vara en sökväg på webbplatsen .*inte (en adress till en annan webbplats|en relativ sökväg)/);
  });

  it("reads a Windows path with backslashes as the site path it means", async () => {
    const { documents, problems } = await load({ "nyheter/2024-01-15-a.md": news({ image: "\\bilder\\x.jpg", imageAlt: "En bild" }), "bilder/x.jpg": TEST_JPEG });
    expect(errors(problems)).toEqual([]);
    expect(documents[0]?.data).toMatchObject({ image: "/bilder/x.jpg" });
  });

  it("refuses an http: image in the body (blocked as mixed content), not an https: one", async () => {
    const body = "![Logga](http://example.se/logga.png)\n\n![Annan](https://example.se/logga.png)\n";
    const { problems } = await load({ "nyheter/2024-01-15-a.md": news({}, body) });
    expect(errors(problems)).toHaveLength(1);
    expect(errors(problems)[0]?.message).toMatch(/^bilden http:\/\/example\.se\/logga\.png hämtas över okrypterad http:/);
    expect(errors(problems)[0]?.line).toBe(7);
  });
});

describe("invisible text direction controls", () => {
  it.each([
    ["title", { title: "Beslut \u202Eetsah\u202C" }, "title"],
    ["a staffing change's person", { person: "Anna\u2066 Berg", role: "samordnare", change: "börjar" }, "person"],
    ["a tag", { tags: ["Samverkan", "Rehab\u202Dilitering"] }, "tags[1]"],
  ])("are refused in %s, saying what they are and showing where", async (_name, overrides, field) => {
    const { documents, problems } = await load({ "nyheter/2024-01-15-a.md": news(overrides) });
    expect(documents).toEqual([]);
    const problem = errors(problems).find((candidate) => candidate.field === field);
    expect(problem?.message).toMatch(/osynliga tecken som vänder läsriktningen \(U\+202A–U\+202E, U\+2066–U\+2069\)/);
    // The message itself must not be reordered by the character it reports.
    expect(problem?.message).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(problem?.message).toMatch(/<U\+20(2[CDE]|66)>/);
  });
});

describe("links the renderer refuses", () => {
  const body = [
    "Stycke med [klicka](javascript:alert(1)) i.",
    "",
    "![Bild](data:image/png;base64,AAAA)",
    "",
    "<vbscript:msgbox>",
    "",
    "[Kodad](&#106;avascript:alert(1)) och [Filöverföring](ftp://example.se/fil)",
    "",
    "Vanlig [länk](https://example.se/) och ftp://example.se/ som text.",
  ].join("\n");

  const expectRefused = (problems: readonly ContentProblem[]) => {
    const refused = errors(problems).filter((problem) => /som webbplatsen inte länkar till/.test(problem.message));
    expect(refused.map((problem) => [problem.line, /börjar med ([a-z]+:)/.exec(problem.message)?.[1]])).toEqual([
      [7, "javascript:"],
      [9, "data:"],
      [11, "vbscript:"],
      [13, "ftp:"],
    ]);
    expect(refused.every((problem) => problem.message.endsWith("ta bort den eller skriv en vanlig webbadress"))).toBe(true);
    expect(errors(problems)).toHaveLength(refused.length);
  };

  it("are errors in check, with their lines", async () => {
    expectRefused((await load({ "nyheter/2024-01-15-a.md": news({}, body) })).problems);
  });

  it("are the same errors when the build parses the body to render it", async () => {
    const dir = writeContent({ "nyheter/2024-01-15-a.md": news({}, body) });
    expectRefused((await loadSite(dir, { now: NOW, render: { pathPrefix: "/" }, workers: 0 })).problems);
  });
});

describe("placeholders left in the text", () => {
  it("stop a document that would be published", async () => {
    const { documents, problems } = await load({ "nyheter/2024-01-15-a.md": news({}, "Inledning.\n\n[fyll i: brödtext om beslutet]\n") });
    expect(documents).toEqual([]);
    expect(errors(problems)).toEqual([
      expect.objectContaining({ line: 9, column: 1, message: "texten har kvar platshållaren [fyll i: brödtext om beslutet]; ersätt den med riktig text innan dokumentet publiceras" }),
    ]);
  });

  it("are a warning in a draft, which stays a draft", async () => {
    const { documents, problems } = await load({ "nyheter/2024-01-15-a.md": news({ draft: true }, "[fyll i: brödtext]\n") });
    expect(errors(problems)).toEqual([]);
    expect(warnings(problems)[0]?.message).toMatch(/platshållaren \[fyll i: brödtext\].*\(utkast: rätta det innan utkastet publiceras\)$/);
    expect(documents.map((document) => document.data.draft)).toEqual([true]);
  });

  it("in a draft's front matter, or a draft's broken YAML, never stop the build that publishes everyone else's documents", async () => {
    const dir = writeContent({
      "nyheter/2024-01-10-klar.md": news({ title: "Klar nyhet" }),
      "nyheter/2024-01-15-halvfardig.md": news({ draft: true, title: "[fyll i: rubrik]", summary: "[fyll i: ingress]" }),
      "nyheter/2024-01-16-trasig.md": "---\ntitle: \"Utan slut\ndraft: true\n---\nText\n",
      "protokoll/2024-03-10-utkast.md": minutes({ draft: true }, "Se [sidan](/finns-inte/)."),
    });
    const { problems } = await loadSite(dir, { now: NOW });
    expect(errors(problems)).toEqual([]);
    expect(warnings(problems).map((problem) => path.basename(problem.file)).sort()).toEqual([
      "2024-01-15-halvfardig.md",
      "2024-01-15-halvfardig.md",
      "2024-01-16-trasig.md",
      "2024-03-10-utkast.md",
    ]);
    const site = await buildSite(dir, { now: NOW });
    expect(site.exists("/nyheter/2024/klar/")).toBe(true);
    expect(site.read("/feed.xml")).toContain("Klar nyhet");
    expect(site.files().some((file) => /halvfardig|trasig|utkast/.test(file))).toBe(false);
  });

  it("a draft's personal data stays an error: it is in the repository already", async () => {
    const { problems } = await load({ "nyheter/2024-01-15-a.md": news({ draft: true }, "Ring 070-123 45 67.") });
    expect(errors(problems)).toHaveLength(1);
    expect(errors(problems)[0]?.message).toMatch(/^telefonnummer/);
  });
});

describe("valid but probably not meant", () => {
  it("warns about a tag holding ' - ' (a list item indented one space too far)", async () => {
    const file = "---\ntitle: A\ndate: 2024-01-15\nsummary: S\norganisation: nns\ntags:\n  - Samverkan\n   - Rehabilitering\n---\nText\n";
    const { documents, problems } = await load({ "nyheter/2024-01-15-a.md": file });
    expect(documents).toHaveLength(1);
    expect(problems).toEqual([
      expect.objectContaining({ severity: "varning", field: "tags", line: 7, message: expect.stringMatching(/^ämnesordet "Samverkan - Rehabilitering" innehåller " - "/) }),
    ]);
  });

  it("warns about minutes published before their meeting", async () => {
    const { documents, problems } = await load({ "protokoll/2024-03-01-a.md": minutes({ date: "2024-03-01", meetingDate: "2024-03-05" }) });
    expect(documents).toHaveLength(1);
    expect(problems).toEqual([
      expect.objectContaining({ severity: "varning", field: "date", line: 3, message: expect.stringMatching(/^publiceringsdagen 1 mars 2024 ligger före mötesdagen 5 mars 2024/) }),
    ]);
    expect((await load({ "protokoll/2024-03-05-a.md": minutes({ date: "2024-03-05", meetingDate: "2024-03-05" }) })).problems).toEqual([]);
  });
});

describe("every check of a file whose YAML parses reports in the same run", () => {
  it("schema, privacy, body structure, links and images together", async () => {
    const body = ["### För djup rubrik", "", "Ring 070-123 45 67.", "", "Se [sidan](/nyheter/2024/finns-inte/) och ![Bild](/bilder/saknas.jpg)."].join("\n");
    const { problems } = await load({ "nyheter/2024-01-15-a.md": news({ date: "15 januari", image: "/bilder/borta.jpg", imageAlt: "Bild" }, body) });
    const messages = problems.map((problem) => `${problem.line}:${problem.message.slice(0, 40)}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^3:fältet "date" ska vara/),
        expect.stringMatching(/^6:fältet "image": bilden \/bilder\/borta\.jpg/),
        expect.stringMatching(/^9:rubriken "För djup rubrik" har nivå 3/),
        expect.stringMatching(/^11:telefonnummer/),
        expect.stringMatching(/^13:länken \/nyheter\/2024\/finns-inte\//),
        expect.stringMatching(/^13:bilden \/bilder\/saknas\.jpg finns inte/),
        expect.stringMatching(/^13:bilden \/bilder\/saknas\.jpg: alt-texten/),
      ]),
    );
    expect(problems).toHaveLength(7);
  });
});

describe("limits instead of unbounded work", () => {
  it("refuses a body over 1 MB, without reading it further", async () => {
    const body = "Ett stycke text om samverkan.\n\n".repeat(40_000);
    const { documents, problems } = await load({ "nyheter/2024-01-15-a.md": news({}, body) });
    expect(documents).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ severity: "fel", line: 7, message: expect.stringMatching(/^texten är 1,2 MB, men en text får vara högst 1 MB/) })]);
  });

  it("refuses a title over 300 characters, saying how long it is", async () => {
    const { problems } = await load({ "nyheter/2024-01-15-a.md": news({ title: "Ordet ".repeat(60).trim() }) });
    expect(errors(problems)).toEqual([expect.objectContaining({ field: "title", line: 2, message: expect.stringMatching(/^fältet "title" ska vara en text på högst 300 tecken \(nu 359\), men är "Ordet Ordet/) })]);
    expect((await load({ "nyheter/2024-01-15-a.md": news({ title: "Å".repeat(300) }) })).problems).toEqual([]);
  });
});

describe("YAML errors", () => {
  it("say a value is nested too deep, without the alias hint", async () => {
    const deep = `---\ntitle: ${"[".repeat(2000)}${"]".repeat(2000)}\n---\nText\n`;
    const { problems } = await load({ "nyheter/2024-01-15-a.md": deep });
    expect(problems).toEqual([expect.objectContaining({ field: "title", line: 2, message: expect.stringMatching(/i fältet "title": värdet är för djupt nästlat/) })]);
    expect(problems[0]?.message).not.toMatch(/\*/);
  });

  it("give the alias hint when there is an alias", async () => {
    const { problems } = await load({ "nyheter/2024-01-15-a.md": "---\ntitle: *Viktigt* möte\ndate: 2024-01-15\n---\nText\n" });
    expect(problems).toEqual([expect.objectContaining({ field: "title", line: 2, message: expect.stringMatching(/i fältet "title": ett värde som börjar med \* läses som en hänvisning/) })]);
  });

  it.each([
    ["an unclosed quote, at the line it opens on", 'title: "Hej\nsummary: x\ndate: 2024-01-15', "title", 2],
    ["an unclosed list", "title: Hej\ntags: [a, b\ndate: 2024-01-15", "tags", 3],
    ["a colon in a plain value", "title: Hej\nsummary: Viktigt: möte\ndate: 2024-01-15", "summary", 3],
    ["a nested field", 'title: Hej\nagenda:\n  - section: 1\n    heading: "Öppnande\n  - section: 2', "heading", 5],
  ])("name the field and the line of %s", async (_name, block, field, line) => {
    const { problems } = await load({ "protokoll/2024-01-15-a.md": `---\n${block}\n---\nText\n` });
    expect(problems).toEqual([expect.objectContaining({ field, line, message: expect.stringContaining(`front matter är inte giltig YAML i fältet "${field}": `) })]);
  });
});

describe("feed ids", () => {
  it.each([["hej"], ["finsam.se/nyheter/a"], ["tag:finsam.se:a"], ["/nyheter/2024/a/"]])("refuses the id %s, explaining what an id is", async (id) => {
    const { problems } = await load({ "nyheter/2024-01-15-a.md": news({ id }) });
    expect(errors(problems)).toEqual([expect.objectContaining({ field: "id", message: expect.stringMatching(/en tag-URI \(t\.ex\. tag:finsam\.se,2022-03-03:nyheter\/magnus-slutar\) eller en fullständig webbadress/) })]);
  });

  it.each([["tag:finsam.se,2022-03-03:nyheter/a"], ["tag:gammal.example.se,2019:post-12"], ["https://gammal.example.se/nyheter/12"], ["urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66"]])("accepts %s", async (id) => {
    expect((await load({ "nyheter/2024-01-15-a.md": news({ id }) })).problems).toEqual([]);
  });

  it("a copied file that kept its id: both files named, only a file with an id told to change it", async () => {
    const id = "https://gammal.example.se/nyheter/12";
    const { problems } = await load({ "nyheter/2024-01-15-a.md": news({ id }), "nyheter/2024-01-16-kopia.md": news({ id, date: "2024-01-16" }) });
    expect(problems.map((problem) => [path.basename(problem.file), problem.field, problem.message])).toEqual([
      ["2024-01-15-a.md", "id", expect.stringMatching(/^fältet id är https:\/\/gammal.*samma id som .*2024-01-16-kopia\.md \(fältet id\) har.*ge det här dokumentet ett eget id/)],
      ["2024-01-16-kopia.md", "id", expect.stringMatching(/samma id som .*2024-01-15-a\.md \(fältet id\) har/)],
    ]);
  });

  it("an id written as another file's own id: the file without an id is never told to remove one", async () => {
    const { problems } = await load({
      "nyheter/2024-01-15-original.md": news(),
      "brev/2024-02-01-annat.md": markdownFile({
        title: "Brev",
        date: "2024-02-01",
        summary: "S",
        organisation: "nns",
        sender: "A",
        senderRole: "B",
        senderOrganisation: "nns",
        recipient: "C",
        letterDate: "2024-02-01",
        id: "tag:finsam.se,2024-01-15:nyheter/original",
      }),
    });
    const original = problems.find((problem) => problem.file.endsWith("original.md"));
    expect(original?.field).toBeUndefined();
    expect(original?.message).toMatch(/^får flödes-id:t tag:finsam\.se,2024-01-15:nyheter\/original från sin publiceringsdag och sitt filnamn, samma id som .*annat\.md \(fältet id\) har.*; rätta fältet id i den andra filen$/);
    expect(original?.message).not.toMatch(/ta bort/);
    const copy = problems.find((problem) => problem.file.endsWith("annat.md"));
    expect(copy?.message).toMatch(/original\.md \(id från publiceringsdag och filnamn\)/);
  });
});

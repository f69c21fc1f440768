// The link check on real content trees: internal links must reach a page the build writes, images a file in
// bilder/, and a published text must not link to what is not published. Positions are counted by the test.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../../src/content/load.ts";
import { bodyReferences, linkProblems } from "../../../src/site-model/links.ts";
import { loadSite } from "../../../src/site-model/site-checks.ts";
import { displayPath, type ContentProblem } from "../../../src/content/problems.ts";
import { markdownFile, writeContent } from "../../helpers/build.ts";

const NOW = new Date("2026-11-24T12:00:00Z");

function news(fields: Record<string, unknown>, body: string): string {
  return markdownFile({ title: "En nyhet", date: "2024-01-15", summary: "Kort.", organisation: "nns", ...fields }, body);
}

const OLDER = news({ title: "Äldre", date: "2023-06-01", tags: ["Samverkan"] }, "Text.");
const DRAFT = news({ title: "Utkast", date: "2024-02-01", draft: true, tags: ["Bara i utkast"] }, "Text.");
const SCHEDULED = news({ title: "Framtid", date: "2031-01-15" }, "Text.");

/** Loads a tree (the real loader) and runs the link check at a fixed "now" for the document under test. */
async function linksIn(files: Record<string, string>, file = "nyheter/2024-01-15-under-test.md") {
  const dir = writeContent(files);
  const loaded = await loadContent(dir);
  const shown = displayPath(path.join(dir, file));
  const source = fs.readFileSync(path.join(dir, file), "utf8");
  const problems = linkProblems(loaded, NOW).filter((problem) => problem.file === shown);
  return { dir, source, problems, shown };
}

function positionOf(source: string, text: string): { line: number; column: number } {
  const index = source.indexOf(text);
  if (index < 0) throw new Error(`"${text}" not in source`);
  const before = source.slice(0, index).split("\n");
  return { line: before.length, column: (before.at(-1) ?? "").length + 1 };
}

function messages(problems: readonly ContentProblem[]): string[] {
  return problems.map((problem) => `${problem.severity}: ${problem.message}`);
}

describe("links that reach a page", () => {
  it("accept documents, listings, archives, tags, organisations, feeds, the sitemap, images in bilder/ and PDFs in filer/", async () => {
    const body = [
      "[Äldre](/nyheter/2023/aldre/) [utan snedstreck](/nyheter/2023/aldre) [index](/nyheter/2023/aldre/index.html)",
      "[ankare](/nyheter/2023/aldre/#bakgrund) [fråga](/nyheter/?sida=2) [start](/) [nyheter](/nyheter/) [brev](/brev/)",
      "[arkiv](/arkiv/) [2023](/arkiv/2023/) [taggar](/taggar/) [samverkan](/taggar/samverkan/)",
      "[organisationer](/organisationer/) [nns](/organisationer/nns/) [flöde](/feed.xml) [json](/feed.json)",
      "[nyhetsflöde](/nyheter/feed.xml) [karta](/sitemap.xml) [pdf](/filer/handlingar/arsredovisning.pdf) ![Karta](/bilder/karta.png)",
      "[json-flöde](/nyheter/feed.json) [nns flöde](/organisationer/nns/feed.xml) [nns json](/organisationer/nns/feed.json) [prenumerera](/prenumerera/)",
      "[extern](https://example.se/saknas/) [mejl](mailto:info@example.se) [här](#rubrik) www.example.se",
    ].join("\n");
    const { problems } = await linksIn({
      "nyheter/2023-06-01-aldre.md": OLDER,
      "nyheter/2024-01-15-under-test.md": news({}, body),
      "filer/handlingar/arsredovisning.pdf": "%PDF",
      "bilder/karta.png": "png",
    });
    expect(problems).toEqual([]);
  });

  it("refuse the feed of an organisation that has published nothing: the build writes none", async () => {
    const body = "[blekinges flöde](/organisationer/blekinge/feed.xml)";
    const { problems } = await linksIn({ "nyheter/2024-01-15-under-test.md": news({}, body) });
    expect(messages(problems)).toEqual(["fel: länken /organisationer/blekinge/feed.xml går till en sida som inte finns på webbplatsen; kontrollera adressen"]);
  });

  it("refuse files beside the assets that the build does not copy (hidden files, backups, a PDF among the images)", async () => {
    const body = "![Dold](/bilder/.dold.jpg) ![Kopia](/bilder/karta.png~) [pdf](/bilder/arsredovisning.pdf)";
    const { problems } = await linksIn({
      "nyheter/2024-01-15-under-test.md": news({}, body),
      "bilder/.dold.jpg": "jpg",
      "bilder/karta.png~": "png",
      "bilder/arsredovisning.pdf": "%PDF",
    });
    expect(messages(problems)).toEqual([
      expect.stringMatching(/^fel: bilden \/bilder\/\.dold\.jpg finns inte/),
      expect.stringMatching(/^fel: bilden \/bilder\/karta\.png~ finns inte/),
      expect.stringMatching(/^fel: länken \/bilder\/arsredovisning\.pdf går till en fil som inte finns/),
    ]);
  });
});

describe("a link to a page that does not exist", () => {
  it("is an error at the link's address, naming it", async () => {
    const { source, problems, shown } = await linksIn({
      "nyheter/2024-01-15-under-test.md": news({}, "Intro.\n\nSe [kontakt](/kontakt/) här."),
    });
    expect(problems).toEqual([
      {
        file: shown,
        ...positionOf(source, "/kontakt/"),
        severity: "fel",
        message: "länken /kontakt/ går till en sida som inte finns på webbplatsen; kontrollera adressen",
      },
    ]);
  });

  it("suggests the document with the same file name when the year is wrong", async () => {
    const { problems } = await linksIn({
      "nyheter/2023-06-01-aldre.md": OLDER,
      "nyheter/2024-01-15-under-test.md": news({}, "[äldre](/nyheter/2022/aldre/)"),
    });
    expect(messages(problems)).toEqual(["fel: länken /nyheter/2022/aldre/ går till en sida som inte finns på webbplatsen; menade du /nyheter/2023/aldre/?"]);
  });

  it("names the target file when it exists but has errors of its own", async () => {
    const { dir, problems } = await linksIn({
      "nyheter/2023-06-01-trasig.md": news({ title: "Trasig", date: "2023-06-01", organisation: "finns-inte" }, "Text."),
      "nyheter/2024-01-15-under-test.md": news({}, "[trasig](/nyheter/2023/trasig/)"),
    });
    const broken = displayPath(path.join(dir, "nyheter/2023-06-01-trasig.md"));
    expect(messages(problems)).toEqual([
      `fel: länken /nyheter/2023/trasig/ går till ${broken}, som har fel och därför inte publiceras; rätta felen i den filen först`,
    ]);
  });

  it("finds a reference-style link at its definition", async () => {
    const { source, problems } = await linksIn({
      "nyheter/2024-01-15-under-test.md": news({}, "Se [sidan][s].\n\n[s]: /finns-inte/\n"),
    });
    expect(problems).toMatchObject([{ ...positionOf(source, "/finns-inte/"), severity: "fel" }]);
  });

  it("reports a tag page that only drafts have: a production build does not write it", async () => {
    const { problems } = await linksIn({
      "nyheter/2024-02-01-utkast.md": DRAFT,
      "nyheter/2024-01-15-under-test.md": news({}, "[tagg](/taggar/bara-i-utkast/)"),
    });
    expect(messages(problems)).toEqual(["fel: länken /taggar/bara-i-utkast/ går till en sida som inte finns på webbplatsen; kontrollera adressen"]);
  });

  it("reports a link without an address", async () => {
    const { problems } = await linksIn({ "nyheter/2024-01-15-under-test.md": news({}, "[tom]()") });
    expect(messages(problems)).toEqual(["fel: länken saknar adress; skriv den inom parentesen, t.ex. [Nyheter](/nyheter/)"]);
  });
});

describe("links to documents that are not published", () => {
  it("are an error from a published document to a draft", async () => {
    const { dir, source, problems, shown } = await linksIn({
      "nyheter/2024-02-01-utkast.md": DRAFT,
      "nyheter/2024-01-15-under-test.md": news({}, "Läs [utkastet](/nyheter/2024/utkast/)."),
    });
    expect(problems).toEqual([
      {
        file: shown,
        ...positionOf(source, "/nyheter/2024/utkast/"),
        severity: "fel",
        message: `länken /nyheter/2024/utkast/ går till ett utkast som inte publiceras (${displayPath(path.join(dir, "nyheter/2024-02-01-utkast.md"))}); ta bort länken eller publicera utkastet först`,
      },
    ]);
  });

  it("are an error from a published document to a scheduled one, with its date", async () => {
    const { dir, problems } = await linksIn({
      "nyheter/2031-01-15-framtid.md": SCHEDULED,
      "nyheter/2024-01-15-under-test.md": news({}, "[framtid](/nyheter/2031/framtid/)"),
    });
    expect(messages(problems)).toEqual([
      `fel: länken /nyheter/2031/framtid/ går till ett schemalagt dokument som inte publiceras förrän 15 januari 2031 (${displayPath(path.join(dir, "nyheter/2031-01-15-framtid.md"))}); vänta med länken eller ge det här dokumentet ett lika sent datum`,
    ]);
  });

  it("are an error from a scheduled document to one scheduled later, and fine to one scheduled earlier", async () => {
    const files = {
      "nyheter/2031-01-15-framtid.md": SCHEDULED,
      "nyheter/2030-06-01-under-test.md": news({ date: "2030-06-01" }, "[framtid](/nyheter/2031/framtid/)"),
      "nyheter/2032-01-01-senare.md": news({ title: "Senare", date: "2032-01-01" }, "[framtid](/nyheter/2031/framtid/)"),
    };
    const earlier = await linksIn(files, "nyheter/2030-06-01-under-test.md");
    expect(messages(earlier.problems)).toEqual([
      "fel: länken /nyheter/2031/framtid/ går till ett schemalagt dokument som publiceras 15 januari 2031, efter det här dokumentet (1 juni 2030); ge det här dokumentet ett lika sent datum eller ta bort länken",
    ]);
    expect((await linksIn(files, "nyheter/2032-01-01-senare.md")).problems).toEqual([]);
  });

  it("warn from a scheduled document to a draft, which must be published first", async () => {
    const { problems } = await linksIn(
      { "nyheter/2024-02-01-utkast.md": DRAFT, "nyheter/2030-06-01-under-test.md": news({ date: "2030-06-01" }, "[u](/nyheter/2024/utkast/)") },
      "nyheter/2030-06-01-under-test.md",
    );
    expect(problems.map((problem) => problem.severity)).toEqual(["varning"]);
    expect(problems[0]?.message).toMatch(/^länken \/nyheter\/2024\/utkast\/ går till ett utkast \(.+\); publicera det senast 1 juni 2030, annars stoppas bygget/);
  });

  it("are fine from a draft", async () => {
    const { problems } = await linksIn(
      { "nyheter/2031-01-15-framtid.md": SCHEDULED, "nyheter/2024-02-01-under-test.md": news({ date: "2024-02-01", draft: true }, "[f](/nyheter/2031/framtid/) [t](/taggar/ny-tagg/)") },
      "nyheter/2024-02-01-under-test.md",
    );
    expect(messages(problems)).toEqual(["fel: länken /taggar/ny-tagg/ går till en sida som inte finns på webbplatsen; kontrollera adressen"]);
  });

  it("stop the build, so build and check agree", async () => {
    const dir = writeContent({
      "nyheter/2024-02-01-utkast.md": DRAFT,
      "nyheter/2024-01-15-under-test.md": news({}, "[utkast](/nyheter/2024/utkast/)"),
    });
    const { documents, problems } = await loadSite(dir, { now: NOW });
    expect(problems.filter((problem) => problem.severity === "fel").map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^länken \/nyheter\/2024\/utkast\/ går till ett utkast/),
    ]);
    expect(documents).toHaveLength(2);
  });
});

describe("images", () => {
  it("accept files in bilder/, also with non-ASCII names written as is or percent-encoded", async () => {
    const { problems } = await linksIn({
      "bilder/styrelsen.jpg": "jpg",
      "bilder/förbundschef.jpg": "jpg",
      "nyheter/2024-01-15-under-test.md": news(
        { image: "/bilder/styrelsen.jpg", imageAlt: "Styrelsen." },
        "![Styrelsen](/bilder/styrelsen.jpg) ![Chefen](/bilder/förbundschef.jpg) ![Chefen igen](/bilder/f%C3%B6rbundschef.jpg)",
      ),
    });
    expect(problems).toEqual([]);
  });

  it("refuse a missing file in the body, at the image's path", async () => {
    const { dir, source, problems, shown } = await linksIn({
      "nyheter/2024-01-15-under-test.md": news({}, "Text.\n\n![Karta](/bilder/karta.png)"),
    });
    expect(problems).toEqual([
      {
        file: shown,
        ...positionOf(source, "/bilder/karta.png"),
        severity: "fel",
        message: `bilden /bilder/karta.png finns inte; lägg bildfilen i ${displayPath(path.join(dir, "bilder"))}/ eller rätta sökvägen`,
      },
    ]);
  });

  it("refuse a missing front matter image at the image field", async () => {
    const { source, problems } = await linksIn({
      "nyheter/2024-01-15-under-test.md": news({ image: "/bilder/saknas.jpg", imageAlt: "Saknas." }, "Text."),
    });
    expect(problems).toMatchObject([{ ...positionOf(source, '"/bilder/saknas.jpg"'), field: "image", severity: "fel" }]);
    expect(problems[0]?.message).toMatch(/^fältet "image": bilden \/bilder\/saknas\.jpg finns inte; lägg bildfilen i /);
  });

  it("name the file that differs only in upper and lower case", async () => {
    const { problems } = await linksIn({
      "bilder/karta.png": "png",
      "nyheter/2024-01-15-under-test.md": news({}, "![Karta](/bilder/Karta.PNG)"),
    });
    expect(messages(problems)).toEqual(["fel: bilden /bilder/Karta.PNG finns inte, men /bilder/karta.png gör det; stora och små bokstäver måste stämma"]);
  });

  it("outside /bilder/ are not copied by the build", async () => {
    const { problems } = await linksIn({ "nyheter/2024-01-15-under-test.md": news({}, "![Logga](/assets/logga.png)") });
    expect(problems[0]?.message).toMatch(/^bilden \/assets\/logga\.png ligger inte bland webbplatsens bilder; lägg bildfilen i .+\/bilder\/ och skriv \/bilder\/logga\.png$/);
  });
});

describe("relative links", () => {
  it("warn and suggest the root-relative address when it leads somewhere", async () => {
    const { source, problems, shown } = await linksIn({
      "nyheter/2023-06-01-aldre.md": OLDER,
      "nyheter/2024-01-15-under-test.md": news({}, "Se [äldre](../../2023/aldre/)."),
    });
    expect(problems).toEqual([
      {
        file: shown,
        ...positionOf(source, "../../2023/aldre/"),
        severity: "varning",
        message: 'länken "../../2023/aldre/" är relativ och fungerar bara från just den här sidan; skriv den från webbplatsens rot: /nyheter/2023/aldre/',
      },
    ]);
  });

  it("say where they lead when that is nowhere", async () => {
    const { problems } = await linksIn({ "nyheter/2024-01-15-under-test.md": news({}, "[bilaga](bilaga.pdf)") });
    expect(messages(problems)).toEqual([
      'varning: länken "bilaga.pdf" är relativ och går härifrån till /nyheter/2024/under-test/bilaga.pdf, som inte finns; skriv länkar från webbplatsens rot (de börjar med /)',
    ]);
  });

  it("warn for images and suggest the file in bilder/", async () => {
    const { problems } = await linksIn({
      "bilder/karta.png": "png",
      "nyheter/2024-01-15-under-test.md": news({}, "![Karta](bilder/karta.png)"),
    });
    expect(messages(problems)).toEqual([
      'varning: bilden "bilder/karta.png" har en relativ sökväg och visas bara på just den här sidan; skriv sökvägen från webbplatsens rot: /bilder/karta.png',
    ]);
  });
});

describe("the shipped content", () => {
  it("has no link problems", async () => {
    expect(linkProblems(await loadContent("content"), NOW)).toEqual([]);
  });
});

describe("a document without its links", () => {
  it("is outlined from its body, or stops the check when the load kept no bodies (npm run check)", async () => {
    const dir = writeContent({ "nyheter/2024-01-15-under-test.md": news({}, "Se [kontakt](/kontakt/).") });
    const withBodies = await loadContent(dir);
    const withoutBodies = await loadContent(dir, { bodies: false });
    const [document] = withBodies.documents;
    const [bodiless] = withoutBodies.documents;
    expect(bodyReferences(withBodies, document!).map((reference) => reference.target)).toEqual(["/kontakt/"]);
    expect(bodyReferences(withoutBodies, bodiless!)).toEqual(bodyReferences(withBodies, document!));
    // The same documents without the references the loader kept for them.
    expect(bodyReferences({ ...withBodies, references: new Map() }, document!).map((reference) => reference.target)).toEqual(["/kontakt/"]);
    expect(() => bodyReferences({ ...withoutBodies, references: new Map() }, bodiless!)).toThrow(/laddades utan text/);
  });
});

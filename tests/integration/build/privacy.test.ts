// Real builds and the GDPR guard: a personnummer stops the build with a masked message; listed contacts publish.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { buildSite, markdownFile, writeContent } from "../../helpers/build.ts";
import { privacyProblems } from "../../../src/content/checks/privacy.ts";
import { parseFrontMatter } from "../../../src/content/front-matter.ts";
import { listMarkdownFiles } from "../../../src/content/files.ts";

const FRONT = { title: "Beslut om stöd", date: "2024-01-15", summary: "Styrelsen beslutade.", organisation: "nns" };

async function buildError(contentDir: string): Promise<string> {
  return buildSite(contentDir).then(
    () => "",
    (reason: unknown) => (reason instanceof Error ? reason.message : String(reason)),
  );
}

describe("a build of a document with a personnummer", () => {
  it("stops, naming file, line and column, with the number masked", async () => {
    const text = markdownFile(FRONT, "Styrelsen beviljade stöd.\n\nSökande: 19121212-1212.");
    const dir = writeContent({ "nyheter/2024-01-15-beslut.md": text, "nyheter/2024-01-16-annan.md": markdownFile(FRONT) });
    const message = await buildError(dir);
    expect(message).toMatch(/^Bygget stoppades: 1 fel i 1 fil\./);
    const line = text.split("\n").findIndex((row) => row.includes("19121212-1212")) + 1;
    const column = (text.split("\n")[line - 1] ?? "").indexOf("19121212-1212") + 1;
    const reported = message.split("\n").find((row) => row.includes("nyheter/2024-01-15-beslut.md"));
    expect(reported).toContain(`nyheter/2024-01-15-beslut.md:${line}:${column}`);
    expect(reported).toMatch(
      /: personnummer 19121212-\*\*\*\* får inte publiceras \(GDPR\)\. Ta bort det; skriv aldrig ut personnummer eller samordningsnummer på webbplatsen\.$/,
    );
    expect(message).not.toContain("19121212-1212");
  });

  it("stops on private contact details too, and never prints them whole", async () => {
    const text = markdownFile(FRONT, "Frågor till Magnus, 070-123 45 67 eller [mejl](mailto:magnus.svensson@example.se).");
    const message = await buildError(writeContent({ "nyheter/2024-01-15-kontakt.md": text }));
    expect(message).toMatch(/^Bygget stoppades: 2 fel i 1 fil\./);
    expect(message).toContain("telefonnummer 070-123 ** **");
    expect(message).toContain("e-postadressen m***@example.se");
    expect(message).not.toContain("45 67");
    expect(message).not.toContain("magnus.svensson");
  });
});

describe("a build of a document with listed public contacts", () => {
  it("publishes them", async () => {
    const text = markdownFile(
      { ...FRONT, publicContacts: ["kansliet@finsam.example", "010-488 74 95"] },
      "Frågor till [kansliet](mailto:kansliet@finsam.example) eller växeln 010-488 74 95.",
    );
    const site = await buildSite(writeContent({ "nyheter/2024-01-15-kontakt.md": text }));
    const html = site.read("/nyheter/2024/kontakt/");
    expect(html).toContain("mailto:kansliet@finsam.example");
    expect(html).toContain("010-488 74 95");
  });
});

describe("the shipped content", () => {
  it("has nothing the guard stops", () => {
    const files = listMarkdownFiles("content");
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const parsed = parseFrontMatter(fs.readFileSync(file, "utf8"));
      expect(privacyProblems({ file, parsed }), file).toEqual([]);
    }
  });

  it("builds", async () => {
    const site = await buildSite("content");
    expect(site.files()).toContain("/index.html");
  });
});

// The bugs the property tests found, each pinned by one example so it cannot come back unnoticed.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { parseAtomFeed } from "feedsmith";
import { stringify } from "yaml";
import { parseFrontMatter } from "../../../src/content/front-matter.ts";
import { escapeXml } from "../../../src/text/xml.ts";
import { loadSite } from "../../../src/site-model/site-checks.ts";
import { FIXED_NOW, writeContent } from "../../helpers/build.ts";
import { validFrontMatter } from "../../property/arbitraries.ts";
import { expectEditorProblem } from "../../property/problems.ts";

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

function load(data: Record<string, unknown>) {
  const folder = writeContent({ "nyheter/2024-05-02-dokument.md": `---\n${stringify(data)}---\nText.\n` });
  folders.push(folder);
  return loadSite(folder, { now: FIXED_NOW });
}

describe("found by the robustness properties", () => {
  it("refuses a tag too long to name its page's folder, instead of crashing the build with ENAMETOOLONG", async () => {
    const { documents, problems } = await load({ ...validFrontMatter("nyhet"), tags: ["Samverkan", `Ämne ${"och ".repeat(80)}`] });
    expect(documents).toEqual([]);
    expect(problems).toHaveLength(1);
    expectEditorProblem(problems[0]!);
    expect(problems[0]).toMatchObject({ field: "tags[1]", severity: "fel", line: 8 });
    expect(problems[0]?.message).toContain("ett ämnesord på högst 100 tecken");
  });

  it("reads YAML's escape for an unpaired surrogate as U+FFFD, as a UTF-8 file would, so the search indexer and JSON readers get real text", () => {
    const parsed = parseFrontMatter(`---\ntitle: "Rubrik \\uD800 och \\uDFFF\\uD800"\ntags: ["\\uDC00"]\n---\n`);
    expect(parsed.data.title).toBe("Rubrik \uFFFD och \uFFFD\uFFFD");
    expect(parsed.data.tags).toEqual(["\uFFFD"]);
    // A pair written as two escapes is one character and stays one.
    expect(parseFrontMatter(`---\ntitle: "\\uD83D\\uDE00"\n---\n`).data.title).toBe("😀");
  });

  it("writes a carriage return in feed text as a character reference, so readers get a CR and not a line feed", () => {
    const title = "Rad ett\rrad två\r\nrad tre";
    expect(escapeXml(title)).toBe("Rad ett&#13;rad två&#13;\nrad tre");
    const xml = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><id>f</id><title>f</title><updated>2024-01-01T00:00:00Z</updated><entry><id>e</id><title type="text">${escapeXml(title)}</title><updated>2024-01-01T00:00:00Z</updated></entry></feed>`;
    expect(parseAtomFeed(xml).entries?.[0]?.title?.value).toBe(title);
    const raw = new XMLParser({ ignoreAttributes: false, trimValues: false, htmlEntities: true }).parse(xml) as { feed: { entry: { title: { "#text": string } } } };
    expect(raw.feed.entry.title["#text"]).toBe(title);
  });

  it("has only Swedish for every YAML error the parser can report", async () => {
    const broken = ['title: "C:\\qmappen"', "a: b\n...\nc: d", "title: @tagg", "%YAML 1.2", "title: !!timestamp x", "a: &x &y 1", "[a, b]: c", "title: *Viktigt*"];
    for (const block of broken) {
      const folder = writeContent({ "nyheter/2024-05-02-dokument.md": `---\n${block}\n---\nText.\n` });
      folders.push(folder);
      const { problems } = await loadSite(folder, { now: FIXED_NOW });
      expect(problems.length, block).toBeGreaterThan(0);
      for (const problem of problems) expectEditorProblem(problem);
      expect(path.basename(problems[0]?.file ?? "")).toBe("2024-05-02-dokument.md");
    }
  });
});

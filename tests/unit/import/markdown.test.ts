// Paragraphs to Markdown: lines a PDF broke rejoin, sub-headings are found by shape, lists stay lists,
// and a sign-off keeps its lines.
import { describe, expect, it } from "vitest";
import { splitBlocks, toSourceLines } from "../../../src/import/lines.ts";
import { toMarkdown } from "../../../src/import/markdown.ts";

function markdown(text: string, headingLevel?: number): string {
  return toMarkdown(splitBlocks(toSourceLines(text)), headingLevel === undefined ? {} : { headingLevel });
}

describe("toMarkdown", () => {
  it("rejoins lines broken by a PDF export, also over a blank line in mid-sentence", () => {
    expect(markdown("Ingrid inledde workshoppen med att\nbeskriva ambitionen. Allt har inte\n\nslagit väl ut.")).toBe(
      "Ingrid inledde workshoppen med att beskriva ambitionen. Allt har inte slagit väl ut.",
    );
  });

  it("makes a short unpunctuated line followed by text a sub-heading, at the level asked for", () => {
    expect(markdown("Stort engagemang\n\nSamtidigt stänger han inte dörren.")).toBe("## Stort engagemang\n\nSamtidigt stänger han inte dörren.");
    expect(markdown("BIP\n- Ett förhållningssätt,\ninte en metod.\n- Ett verktyg.", 3)).toBe(
      "### BIP\n\n- Ett förhållningssätt, inte en metod.\n- Ett verktyg.",
    );
    expect(markdown("Workshop\nVARMA GRUPPER\n- Vi behöver utmana.")).toBe("## Workshop: VARMA GRUPPER\n\n- Vi behöver utmana.");
  });

  it("does not take a name, a greeting or a closing line for a heading", () => {
    expect(markdown("Med vänliga hälsningar,\n\nJonas Wells\n\nSamordnare\nNorra Västmanlands Samordningsförbund")).toBe(
      "Med vänliga hälsningar,\n\nJonas Wells\n\nSamordnare\\\nNorra Västmanlands Samordningsförbund",
    );
    expect(markdown("Mötet avslutades\n\nDag som ovan")).toBe("Mötet avslutades\n\nDag som ovan");
  });

  it("escapes what Markdown would read as a numbered list or a heading", () => {
    expect(markdown("2014. Det året började allt.")).toBe("2014\\. Det året började allt.");
    expect(markdown("#1 i landet är vi.")).toBe("\\#1 i landet är vi.");
  });
});

// Deep links and aria-labelledby rely on ids: on an article page each id occurs once, whatever the body's headings.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import type { CheerioAPI } from "cheerio";
import { buildSite, writeContent } from "../../helpers/build.ts";
import { htmlPages, page } from "./html.ts";

const ARTICLE = /^\/(nyheter|konferenser|brev|minnen|protokoll)\/\d{4}\/[^/]+\/index\.html$/;

function duplicateIds($: CheerioAPI): string[] {
  const ids = $("[id]").map((_, element) => $(element).attr("id")).get();
  return ids.filter((id, index) => ids.indexOf(id) !== index);
}

function missingLabels($: CheerioAPI): string[] {
  return $("[aria-labelledby]")
    .map((_, element) => $(element).attr("aria-labelledby"))
    .get()
    .filter((id) => $(`[id="${id}"]`).length === 0);
}

describe("article pages", () => {
  it("of the shipped content have unique ids and existing aria-labelledby targets", async () => {
    const site = await buildSite("content");
    const articles = htmlPages(site).filter(({ file }) => ARTICLE.test(file));
    expect(articles).toHaveLength(5);
    for (const { file, $ } of articles) {
      expect(duplicateIds($), file).toEqual([]);
      expect(missingLabels($), file).toEqual([]);
    }
  });

  it("keep ids unique when body headings read like the page's own ids", async () => {
    const seed = fs.readFileSync("content/protokoll/2023-06-08-protokoll-styrelsemote-8-maj-2023.md", "utf8");
    const body = ["## Paragraf 5", "## Paragraf 5", "## Main", "## Facts heading", "## Agenda heading", "## Signatures heading"].join("\n\n");
    const content = writeContent({ "protokoll/2023-06-08-protokoll.md": `${seed.trimEnd()}\n\n${body}\n` });
    const site = await buildSite(content);
    const $ = page(site, "/protokoll/2023/protokoll/");
    expect($(".body h2").length).toBeGreaterThanOrEqual(6);
    expect(duplicateIds($)).toEqual([]);
    // The agenda keeps its deep links; the skip link still reaches <main>.
    expect($("#paragraf-5").is("li")).toBe(true);
    expect($("#main").is("main")).toBe(true);
    expect(missingLabels($)).toEqual([]);
  });
});

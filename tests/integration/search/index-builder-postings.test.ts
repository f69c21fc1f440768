// The index builder writes a document's postings straight into its growing arrays, field after field: a document
// whose body outgrows them keeps the postings its title, summary and facts wrote before, and every document is found
// by a word of each of its fields, searched with the search page's own engine over the built files.
import { describe, expect, it } from "vitest";
import { stemmer } from "@orama/stemmers/swedish";
import { createTerms } from "../../../src/outputs/search/browser/search-terms.js";
import { SearchIndex } from "../../../src/outputs/search/browser/search-engine.js";
import { IndexBuilder, type IndexedDocument } from "../../../src/outputs/search/index-builder.ts";
import { STOP_WORDS } from "../../../src/outputs/search/stop-words.ts";

const terms = createTerms(stemmer, STOP_WORDS);

/** A word of its own for each document (stems apart: "rubrikorda" and "rubrikordd" would meet). */
const NAMES = ["kanin", "tiger", "lodjur", "varg"];

function documentOf(index: number, body: string): IndexedDocument {
  return {
    url: `/nyheter/${index}/`,
    title: `Rubrik${NAMES[index]}`,
    summary: `Ingress${NAMES[index]}`,
    facts: [["Plats", `Plats${NAMES[index]}`]],
    body,
    type: "Nyhet",
    day: "2026-12-07",
    date: "7 december 2026",
    time: 1_765_000_000_000 - index * 86_400_000,
    typeKey: "nyhet",
    organisation: "",
    year: 2026,
  };
}

describe("the index builder's postings", () => {
  it("keeps the postings of a document's first fields when its body outgrows the arrays", async () => {
    // More distinct words than the posting arrays start with room for (65,536), in one body.
    const vast = Array.from({ length: 70_000 }, (_, index) => `zq${index.toString(36)}`).join(" ");
    const builder = new IndexBuilder(terms);
    const bodies = ["kort text", vast, "kort text igen", vast.slice(0, 300_000)];
    bodies.forEach((body, index) => builder.add(documentOf(index, body)));
    const files = new Map(builder.build(STOP_WORDS).files.map((file) => [file.name, file.text]));
    const engine = new SearchIndex("http://finsam.test/sok/index/", stemmer, async (url) => JSON.parse(files.get(new URL(url).pathname.split("/").at(-1)!)!));
    const urlsOf = async (query: string) => (await engine.documents((await engine.search(query, { prefix: false })).ids)).map((document) => document.url);
    for (const [index, name] of NAMES.entries()) {
      for (const field of ["rubrik", "ingress", "plats"]) expect(await urlsOf(field + name), field + name).toEqual([`/nyheter/${index}/`]);
    }
    expect((await urlsOf("zq1")).sort()).toEqual(["/nyheter/1/", "/nyheter/3/"]);
    expect(await urlsOf(`zq${(69_999).toString(36)}`)).toEqual(["/nyheter/1/"]);
  });
});

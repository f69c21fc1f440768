import { describe, expect, it } from "vitest";
import { load } from "cheerio";
import { buildSite, markdownFile, writeContent } from "../../helpers/build.ts";
import { readAtom, readJsonFeed } from "./feed-helpers.ts";

// Everything an editor (or a paste from Word) can put in a feed that could break XML or HTML.
const HOSTILE = `Hej & "välkommen" 'hit' <script>alert("x")</script> ]]> -- slut\u0001\u0008!`;
const INTENDED = `Hej & "välkommen" 'hit' <script>alert("x")</script> ]]> -- slut!`;
const HOSTILE_TAG = `A & B <c> "d" 'e' ]]> --\u0008`;
const INTENDED_TAG = `A & B <c> "d" 'e' ]]> --`;

describe("feeds with hostile editor text", async () => {
  const site = await buildSite(
    writeContent({
      "nyheter/2024-05-02-fientlig-text.md": markdownFile(
        {
          title: HOSTILE,
          date: "2024-05-02",
          summary: `Ingress: ${HOSTILE}`,
          organisation: "nationella-radet",
          authors: [`Anna ${HOSTILE}`],
          tags: [HOSTILE_TAG],
        },
        `Brödtext: ${HOSTILE}`,
      ),
    }),
  );

  for (const path of ["/feed.xml", "/nyheter/feed.xml"]) {
    it(`keeps ${path} well-formed and the parsed text as the editor meant it`, () => {
      const entries = readAtom(site, path).entries ?? [];
      expect(entries).toHaveLength(1);
      const [entry] = entries;
      expect(entry?.title?.value).toBe(INTENDED);
      expect(entry?.summary?.value).toBe(`Ingress: ${INTENDED}`);
      expect(entry?.authors?.map((author) => author.name)).toEqual([`Anna ${INTENDED}`]);
      expect(entry?.categories?.map((category) => category.term)).toEqual([INTENDED_TAG]);

      const $ = load(entry?.content?.value ?? "");
      expect($("script")).toHaveLength(0);
      expect($("p").text()).toBe(`Brödtext: ${INTENDED}`);
    });
  }

  it("gives a valid JSON Feed with the same text", () => {
    const items = readJsonFeed(site, "/feed.json").items;
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item?.title).toBe(INTENDED);
    expect(item?.summary).toBe(`Ingress: ${INTENDED}`);
    expect(item?.authors?.map((author) => author.name)).toEqual([`Anna ${INTENDED}`]);
    expect(item?.tags).toEqual([INTENDED_TAG]);
    const $ = load(item?.content_html ?? "");
    expect($("script")).toHaveLength(0);
    expect($("p").text()).toBe(`Brödtext: ${INTENDED}`);
  });
});

// Related documents: ranked by shared tags, then organisation, then recency; checked against a brute-force
// ranking, on built article pages, and for a build-sized collection.
import { beforeAll, describe, expect, it } from "vitest";
import { buildCollections } from "../../../src/site-model/collections.ts";
import type { AnyDocument } from "../../../src/content/document.ts";
import { newsSchema } from "../../../src/content/schema.ts";
import { RELATED_LIMIT, relatedIndex } from "../../../src/site-model/related.ts";
import { slugify } from "../../../src/text/slug.ts";
import { T } from "../../../src/site/i18n.ts";
import { FIXED_NOW, buildSite, fixtureSiteData, markdownFile, writeContent, type BuiltSite } from "../../helpers/build.ts";

const { organisations } = fixtureSiteData();
import { page } from "../pages/html.ts";

const ORGANISATIONS = ["blekinge", "nns", "alv-och-kust", "nationella-radet"];

/** A validated news document without a file: the schema still decides what its data looks like. */
function newsDocument(n: number, tags: string[], organisation: string, day: number): AnyDocument {
  const date = new Date(Date.UTC(2020, 0, 1 + day)).toISOString().slice(0, 10);
  const data = newsSchema.parse({ title: `Dokument ${n}`, date, summary: "S.", organisation, tags });
  return {
    type: "nyhet",
    data,
    body: "",
    bodyLine: 1,
    sourcePath: `content/nyheter/${n}.md`,
    fileSlug: `dokument-${n}`,
    url: `/nyheter/2020/dokument-${n}/`,
    id: `tag:finsam.se,2020-01-01:nyheter/dokument-${n}`,
    year: 2020,
  };
}

/** Deterministic pseudo-random numbers, so a failure can be reproduced. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function randomDocuments(count: number, tagCount: number, seed: number): AnyDocument[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, n) => {
    const tags = Array.from({ length: Math.floor(next() * 4) }, () => `Ämne ${Math.floor(next() * next() * tagCount)}`);
    return newsDocument(n, tags, ORGANISATIONS[Math.floor(next() * ORGANISATIONS.length)] as string, Math.floor(next() * 400));
  });
}

/** The ranking written the obvious way: score every other document. */
function bruteForce(all: readonly AnyDocument[], document: AnyDocument): AnyDocument[] {
  const mine = new Set(document.data.tags.map(slugify));
  return all
    .map((other, position) => ({
      other,
      position,
      shared: new Set(other.data.tags.map(slugify).filter((slug) => mine.has(slug))).size,
      sameOrganisation: other.data.organisation === document.data.organisation ? 1 : 0,
    }))
    .filter(({ other, shared, sameOrganisation }) => other !== document && (shared > 0 || sameOrganisation > 0))
    .sort((a, b) => b.shared - a.shared || b.sameOrganisation - a.sameOrganisation || a.position - b.position)
    .slice(0, RELATED_LIMIT)
    .map(({ other }) => other);
}

describe("relatedIndex", () => {
  // Few tags make long tag lists, where the shortcuts for the longest list matter; many make short ones.
  it.each([
    [1, 25],
    [2, 25],
    [3, 3],
    [4, 2],
    [5, 200],
  ])("agrees with the brute-force ranking on a random collection (seed %i, %i tags)", (seed, tagCount) => {
    const collections = buildCollections(randomDocuments(300, tagCount, seed), "production", FIXED_NOW, organisations);
    const related = relatedIndex(collections);
    for (const document of collections.all) {
      const found = related(document);
      expect(found.map((other) => other.url), document.url).toEqual(bruteForce(collections.all, document).map((other) => other.url));
      expect(found).not.toContain(document);
      expect(found.length).toBeLessThanOrEqual(RELATED_LIMIT);
    }
  });

  it("gives the same list every time it is asked", () => {
    const collections = buildCollections(randomDocuments(50, 5, 7), "production", FIXED_NOW, organisations);
    const related = relatedIndex(collections);
    const first = collections.all[0] as AnyDocument;
    expect(related(first)).toBe(related(first));
  });

  it("handles 10,000 documents sharing one tag in well under a few seconds", () => {
    const documents = Array.from({ length: 10_000 }, (_, n) =>
      newsDocument(n, ["Samverkan", `Ämne ${n % 500}`], ORGANISATIONS[n % ORGANISATIONS.length] as string, n % 3000),
    );
    const collections = buildCollections(documents, "production", FIXED_NOW, organisations);
    const started = performance.now();
    const related = relatedIndex(collections);
    for (const document of collections.all) related(document);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(3000);
    const sample = collections.all[1234] as AnyDocument;
    expect(related(sample).map((other) => other.url)).toEqual(bruteForce(collections.all, sample).map((other) => other.url));
  });
});

const common = (title: string, date: string, organisation: string, tags: string[]) => ({ title, date, summary: `Om ${title}.`, organisation, tags });

function relatedFixture(): string {
  return writeContent({
    "nyheter/2024-01-10-a.md": markdownFile(common("A", "2024-01-10", "blekinge", ["Samverkan", "Personal"])),
    "nyheter/2023-01-10-b.md": markdownFile(common("B delar två ämnen", "2023-01-10", "nns", ["samverkan", "Personal"])),
    "nyheter/2022-01-10-c.md": markdownFile(common("C samma förbund", "2022-01-10", "blekinge", ["Samverkan"])),
    "nyheter/2024-03-10-d.md": markdownFile(common("D nyast med ett ämne", "2024-03-10", "nns", ["Personal"])),
    "nyheter/2021-01-10-e.md": markdownFile(common("E utan ämne", "2021-01-10", "blekinge", [])),
    "nyheter/2020-01-10-f.md": markdownFile(common("F ett ämne, annat förbund", "2020-01-10", "nns", ["Samverkan"])),
    "nyheter/2024-02-10-utkast.md": markdownFile({ ...common("Utkast", "2024-02-10", "blekinge", ["Samverkan", "Personal"]), draft: true }),
    "nyheter/2027-01-10-framtid.md": markdownFile(common("Framtid", "2027-01-10", "blekinge", ["Samverkan", "Personal"])),
    "nyheter/2019-01-10-ensam.md": markdownFile(common("Ensam", "2019-01-10", "sodra-dalarna", ["Helt eget ämne"])),
  });
}

function relatedTitles(site: BuiltSite, sitePath: string): string[] {
  const $ = page(site, sitePath);
  const section = $("section.related");
  if (section.length === 0) return [];
  expect(section.find("h2").text()).toBe(T.related);
  expect(section.attr("aria-labelledby")).toBe(section.find("h2").attr("id"));
  return section.find("h3 a").map((_, a) => $(a).text()).get();
}

describe("related documents on article pages", () => {
  let site: BuiltSite;
  let content: string;
  beforeAll(async () => {
    content = relatedFixture();
    site = await buildSite(content);
  });

  it("ranks by shared tags, then the same organisation, then the newest, at most three", () => {
    expect(relatedTitles(site, "/nyheter/2024/a/")).toEqual(["B delar två ämnen", "C samma förbund", "D nyast med ett ämne"]);
  });

  it("offers the organisation's newest documents when a document has no tags", () => {
    expect(relatedTitles(site, "/nyheter/2021/e/")).toEqual(["A", "C samma förbund"]);
  });

  it("leaves drafts and scheduled documents out of a production build", () => {
    const titles = ["a", "b", "c", "d", "e", "f"].flatMap((slug) => {
      const year = { a: 2024, b: 2023, c: 2022, d: 2024, e: 2021, f: 2020 }[slug] as number;
      return relatedTitles(site, `/nyheter/${year}/${slug}/`);
    });
    expect(titles).not.toContain("Utkast");
    expect(titles).not.toContain("Framtid");
  });

  it("shows no section when nothing is related", () => {
    const $ = page(site, "/nyheter/2019/ensam/");
    expect($("section.related")).toHaveLength(0);
    expect($("h2").map((_, h2) => $(h2).text()).get()).not.toContain(T.related);
  });

  it("links with the path prefix", async () => {
    const prefixed = await buildSite(content, { pathPrefix: "/finsam/" });
    const $ = page(prefixed, "/nyheter/2024/a/");
    expect($("section.related h3 a").first().attr("href")).toBe("/finsam/nyheter/2023/b/");
  });
});

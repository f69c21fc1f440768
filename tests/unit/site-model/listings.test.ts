// The listing pages as data: one page per type today, ready to be split into pages of N.
import { beforeAll, describe, expect, it } from "vitest";
import { buildCollections, type Collections } from "../../../src/site-model/collections.ts";
import { loadContent } from "../../../src/content/load.ts";
import { ARTICLE_KEYS } from "../../../src/content/types.ts";
import { typeListings } from "../../../src/site-model/listings.ts";
import { FIXED_NOW, fixtureSiteData } from "../../helpers/build.ts";
import { TITLES, pagesFixture } from "../../integration/pages/fixture.ts";

let collections: Collections;

beforeAll(async () => {
  collections = buildCollections((await loadContent(pagesFixture())).documents, "production", FIXED_NOW, fixtureSiteData().organisations);
});

describe("typeListings", () => {
  it("gives every type exactly one page by default, an empty type included", () => {
    const listings = typeListings(collections);
    expect(listings.map((listing) => listing.type)).toEqual(ARTICLE_KEYS);
    expect(listings.every((listing) => listing.pageNumber === 0 && listing.pageCount === 1)).toBe(true);
    expect(listings.find((listing) => listing.type === "minnen")?.documents).toEqual([]);
  });

  it("splits a type into pages of the given size, newest first, under /<folder>/sida/<n>/", () => {
    const news = typeListings(collections, 2).filter((listing) => listing.type === "nyhet");
    expect(news.map((listing) => listing.url)).toEqual(["/nyheter/", "/nyheter/sida/2/"]);
    expect(news.map((listing) => listing.documents.map((document) => document.data.title))).toEqual([
      [TITLES.newsBlekinge, TITLES.newsAlvKust],
      [TITLES.newsCouncil],
    ]);
    expect(news.every((listing) => listing.pageCount === 2)).toBe(true);
  });
});

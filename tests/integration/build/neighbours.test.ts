// Previous/next links run within one type, oldest to newest, and only through what the build shows.
import { beforeAll, describe, expect, it } from "vitest";
import type { CheerioAPI } from "cheerio";
import { buildSite, type BuiltSite } from "../../helpers/build.ts";
import { MIXED, buildMixed } from "../../helpers/mixed-fixture.ts";
import { page } from "./html.ts";

const FIRST = "/nyheter/2026/forsta-nyheten/";
const SECOND = "/nyheter/2026/andra-nyheten/";
const THIRD = "/nyheter/2026/tredje-nyheten/";
const DRAFT = "/nyheter/2026/hemligt-utkast/";
const CONFERENCE = "/konferenser/2026/varkonferens/";

function link($: CheerioAPI, rel: "prev" | "next") {
  const a = $(`nav.neighbours a[rel="${rel}"]`);
  return a.length === 0 ? undefined : { href: a.attr("href"), text: a.text() };
}

let production: BuiltSite;
let preview: BuiltSite;
beforeAll(async () => {
  ({ production, preview } = await buildMixed());
});

describe("in a production build", () => {
  it("links the middle news item to the older and the newer one", () => {
    const $ = page(production, SECOND);
    expect(link($, "prev")?.href).toBe(FIRST);
    expect(link($, "prev")?.text).toContain("Första nyheten");
    expect(link($, "next")?.href).toBe(THIRD);
    expect(link($, "next")?.text).toContain("Tredje nyheten");
  });

  it("gives the oldest no previous and the newest published no next", () => {
    expect(link(page(production, FIRST), "prev")).toBeUndefined();
    expect(link(page(production, FIRST), "next")?.href).toBe(SECOND);
    expect(link(page(production, THIRD), "prev")?.href).toBe(SECOND);
    // The draft and the scheduled item are newer, but not published.
    expect(link(page(production, THIRD), "next")).toBeUndefined();
  });

  it("does not link a conference to the news published around it", () => {
    const $ = page(production, CONFERENCE);
    expect($("nav.neighbours")).toHaveLength(0);
    expect(link(page(production, FIRST), "next")?.href).not.toBe(CONFERENCE);
  });
});

describe("in a preview build", () => {
  it("runs through drafts and scheduled items too", () => {
    expect(link(page(preview, THIRD), "next")?.href).toBe(DRAFT);
    expect(link(page(preview, DRAFT), "prev")?.href).toBe(THIRD);
    expect(link(page(preview, DRAFT), "next")?.href).toBe("/nyheter/2026/schemalagd-giraff/");
  });
});

describe("under a path prefix", () => {
  it("prefixes the links", async () => {
    const site = await buildSite(MIXED, { pathPrefix: "/finsam/" });
    const $ = page(site, SECOND);
    expect(link($, "prev")?.href).toBe(`/finsam${FIRST}`);
    expect(link($, "next")?.href).toBe(`/finsam${THIRD}`);
  });
});

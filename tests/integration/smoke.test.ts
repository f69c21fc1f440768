import { describe, expect, it } from "vitest";
import { load } from "cheerio";
import { buildSite } from "../helpers/build.ts";

describe("build of the shipped content", () => {
  it("writes the start page and one article per seed", async () => {
    const site = await buildSite("content");
    const $ = load(site.read("/"));
    expect($("html").attr("lang")).toBe("sv");
    expect(site.exists("/nyheter/2022/magnus-slutar-som-nationell-stodperson/")).toBe(true);
  });
});

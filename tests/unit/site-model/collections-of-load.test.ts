// A load's collections are built once per mode: the link check's are the site model's, for the same moment and
// organisations; another moment, or a load without them, gets collections of its own.
import { describe, expect, it } from "vitest";
import { loadSite } from "../../../src/site-model/site-checks.ts";
import { siteModelFrom } from "../../../src/site-model/model.ts";
import { buildCollections } from "../../../src/site-model/collections.ts";
import type { SiteOptions } from "../../../src/site/site.ts";

const NOW = new Date("2026-12-01T12:00:00Z");

function options(mode: SiteOptions["mode"]): SiteOptions {
  return { contentDir: "content", siteUrl: "https://finsam.se", pathPrefix: "/", mode, now: NOW };
}

describe("the collections of one load", () => {
  it("are the link check's in the site model, for each mode, and equal to collections built afresh", async () => {
    const loaded = await loadSite("content", { now: NOW });
    expect(loaded.collections).toBeDefined();
    const organisations = loaded.site!.organisations;
    for (const mode of ["production", "preview"] as const) {
      const shared = loaded.collections!.get(mode, new Date(NOW), organisations);
      expect(loaded.collections!.get(mode, NOW, organisations)).toBe(shared);
      const model = siteModelFrom(options(mode), loaded, NOW);
      expect(model.collections).toBe(shared);
      const fresh = buildCollections(loaded.documents, mode, NOW, organisations);
      expect(shared.all.map((document) => document.url)).toEqual(fresh.all.map((document) => document.url));
      expect(shared.tags.map((tag) => [tag.slug, tag.documents.length])).toEqual(fresh.tags.map((tag) => [tag.slug, tag.documents.length]));
    }
  });

  it("are built afresh for another moment, whose published documents may differ", async () => {
    const loaded = await loadSite("content", { now: NOW });
    const before = new Date("2000-01-01T00:00:00Z");
    const model = siteModelFrom({ ...options("production"), now: before }, loaded, before);
    expect(model.collections).not.toBe(loaded.collections!.get("production", NOW, loaded.site!.organisations));
    expect(model.collections.all.length).toBeLessThan(loaded.collections!.get("production", NOW, loaded.site!.organisations).all.length);
  });

  it("are built by the model for a load made without them", async () => {
    const { collections, ...content } = await loadSite("content", { now: NOW });
    expect(collections).toBeDefined();
    const model = siteModelFrom(options("production"), content, NOW);
    expect(model.collections.all.map((document) => document.url)).toEqual(collections!.get("production", NOW, content.site!.organisations).all.map((document) => document.url));
  });
});

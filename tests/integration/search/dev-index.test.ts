// The dev server's search index (npm start renders pages on request and writes no index with its builds): made
// when the search page asks for it, served from memory, the same files a build writes, published documents only.
import { describe, expect, it } from "vitest";
import { DevSearchIndex } from "../../../src/eleventy/dev-search.ts";
import { buildSite, siteModelOf } from "../../helpers/build.ts";
import { MIXED } from "../../helpers/mixed-fixture.ts";

describe("the dev server's search index", () => {
  it("serves, under the path prefix, exactly the files a preview build writes, and nothing else", async () => {
    const site = await buildSite(MIXED, { mode: "preview", pathPrefix: "/finsam/" });
    const model = await siteModelOf(site.options);
    const index = new DevSearchIndex();
    const files = site.files().filter((file) => file.startsWith("/sok/index/"));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const response = await index.respond(model, new URL(`http://localhost:8080/finsam${file}?v=x`));
      expect(response?.status, file).toBe(200);
      expect(response?.headers["Content-Type"], file).toMatch(/^application\/json/);
      expect(response?.body, file).toBe(site.read(file));
    }
    // Drafts and scheduled documents are pages in preview, never in the index.
    expect(JSON.parse(site.read("/sok/index/index.json")).documents).toBe(4);
    expect((await index.respond(model, new URL("http://localhost:8080/finsam/sok/index/t9999.json")))?.status).toBe(404);
    expect(await index.respond(model, new URL("http://localhost:8080/finsam/nyheter/"))).toBeUndefined();
    expect(await index.respond(model, new URL("http://localhost:8080/sok/index/index.json"))).toBeUndefined();
    expect(await index.respond(undefined, new URL("http://localhost:8080/finsam/sok/index/index.json"))).toBeUndefined();
  });

  it("is made again for a new model, and still serves the previous one's files to a page that loaded it", async () => {
    const options = { contentDir: MIXED, siteUrl: "https://finsam.example", pathPrefix: "/", mode: "production" as const, now: new Date("2026-11-24T12:00:00Z") };
    const index = new DevSearchIndex();
    const first = JSON.parse((await index.respond(await siteModelOf(options), new URL("http://x/sok/index/index.json")))!.body) as { version: string; documents: number };
    // A week later the scheduled document is published: a new model, a new index.
    const later = await siteModelOf({ ...options, now: new Date("2026-12-02T12:00:00Z") });
    const second = JSON.parse((await index.respond(later, new URL("http://x/sok/index/index.json")))!.body) as { version: string; documents: number };
    expect(second.documents).toBe(first.documents + 1);
    expect(second.version).not.toBe(first.version);
    const old = await index.respond(later, new URL(`http://x/sok/index/d0.json?v=${first.version}`));
    expect(old?.body).not.toContain("schemalagd-giraff");
    const fresh = await index.respond(later, new URL(`http://x/sok/index/d0.json?v=${second.version}`));
    expect(fresh?.body).toContain("schemalagd-giraff");
  });
});

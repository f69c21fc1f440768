// The dev server's pages rendered on request must be the pages a build writes, byte for byte, at the same paths.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../../bench/corpus.ts";
import { PAGES_DIR } from "../../../src/eleventy/plugin.ts";
import { h } from "preact";
import * as cheerio from "cheerio";
import { OnRequestPages, modelPaginatedTemplates, renderPage, routes, sitePathOf, type PageTemplate } from "../../../src/eleventy/on-request.ts";
import { latin1Html, pageText } from "../../../src/outputs/page-text.ts";
import { buildSite, siteModelOf, type BuiltSite } from "../../helpers/build.ts";

let content: string;
let templates: PageTemplate[];

beforeAll(async () => {
  content = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-on-request-"));
  // Enough documents for listings of more than one page.
  writeCorpus(content, { documents: 70 });
  templates = await modelPaginatedTemplates(PAGES_DIR);
});

afterAll(() => fs.rmSync(content, { recursive: true, force: true }));

describe("pages rendered on request", () => {
  it("are the templates paginated over the site model: articles and listings", () => {
    const names = templates.map((template) => path.basename(template.inputPath));
    expect(names).toEqual(expect.arrayContaining(["article.11ty.tsx", "type-listing.11ty.tsx", "tag.11ty.tsx"]));
    expect(names).not.toContain("index.11ty.tsx");
    expect(names).not.toContain("feed-type.11ty.ts");
  });

  for (const mode of ["preview", "production"] as const) {
    it(`match what a ${mode} build writes, page for page`, async () => {
      const site: BuiltSite = await buildSite(content, { mode });
      const table = routes(templates, await siteModelOf(site.options, { images: true }));
      expect(table.size).toBeGreaterThan(70);
      for (const [sitePath, route] of table) {
        expect(await renderPage(route.template.module, route.data), sitePath).toBe(site.read(sitePath));
      }
      // Everything else the build wrote comes from the few templates Eleventy still builds in the dev server.
      const others = site.files().filter((file) => file.endsWith(".html") && !table.has(file.replace(/index\.html$/, "")));
      expect(others.length).toBeLessThan(20);
      expect(others).toContain("/index.html");
      // Pages carry no character beyond Latin-1 (src/outputs/page-text.ts, latin1Html): the site name's en dash is a reference.
      for (const file of site.files().filter((name) => name.endsWith(".html"))) expect(site.read(file), file).not.toMatch(/[^\0-\xff]/);
      expect(site.read("/")).toContain("Finsam &#8211; finansiell samordning");
    });
  }

  it("answers for a path with the path prefix, also written with index.html, and leaves other paths alone", async () => {
    const site = await buildSite(content, { mode: "preview", pathPrefix: "/finsam/" });
    const model = await siteModelOf(site.options, { images: true });
    const pages = new OnRequestPages(templates);
    const article = model.collections.all[0]?.url as string;
    const response = await pages.respond(model, `/finsam${article}`);
    expect(response?.status).toBe(200);
    expect(response?.headers["Content-Type"]).toMatch(/^text\/html/);
    expect(response?.body).toBe(site.read(article));
    expect((await pages.respond(model, `/finsam${article}index.html`))?.body).toBe(response?.body);
    expect(await pages.respond(model, "/finsam/assets/site.css")).toBeUndefined();
    expect(await pages.respond(model, "/finsam/")).toBeUndefined();
    expect(await pages.respond(model, article)).toBeUndefined();
    expect(await pages.respond(undefined, `/finsam${article}`)).toBeUndefined();
  });
});

describe("page text", () => {
  const TEXT = "Finsam – ”citat” ’ … \u{1F600} åäö é ½ \u00a0 & < \ud800 ensam \udc00";
  // What a reader got when the character was written raw: Node writes a lone surrogate as U+FFFD.
  const READ = TEXT.replace(/[\ud800-\udfff](?![\udc00-\udfff])/gu, "\ufffd");

  it("writes characters beyond Latin-1 as numeric references, in text and attributes, for the same text to a reader", () => {
    const html = pageText(h("html", { lang: "sv" }, h("head", null, h("title", null, TEXT)), h("body", null, h("p", { title: TEXT }, TEXT))));
    expect(html).toMatch(/^<!doctype html>\n<html lang="sv">/);
    expect(html).not.toMatch(/[^\0-\xff]/);
    expect(html).toContain("Finsam &#8211; &#8221;citat&#8221; &#8217; &#8230; &#128512; åäö é ½ \u00a0 &amp; &lt; &#65533; ensam &#65533;");
    const $ = cheerio.load(html);
    expect($("title").text()).toBe(READ);
    expect($("p").text()).toBe(READ);
    expect($("p").attr("title")).toBe(READ);
    expect(Buffer.from(html, "utf8").toString("utf8")).toBe(html);
  });

  it("leaves Latin-1 text as it is, and feeds (strings) untouched", () => {
    expect(latin1Html("<p>Ärende: åäö, ½ · é</p>")).toBe("<p>Ärende: åäö, ½ · é</p>");
    expect(latin1Html("–’\u{1F600}x…")).toBe("&#8211;&#8217;&#128512;x&#8230;");
    expect(latin1Html("")).toBe("");
    expect(pageText("<title>Finsam – flöde</title>")).toBe("<title>Finsam – flöde</title>");
  });
});

describe("sitePathOf", () => {
  it("strips the prefix and index.html, adds the slash a page path has, and decodes", () => {
    expect(sitePathOf("/nyheter/2024/a/", "/")).toBe("/nyheter/2024/a/");
    expect(sitePathOf("/nyheter/2024/a", "/")).toBe("/nyheter/2024/a/");
    expect(sitePathOf("/finsam/nyheter/index.html", "/finsam/")).toBe("/nyheter/");
    expect(sitePathOf("/feed.xml", "/")).toBe("/feed.xml");
    expect(sitePathOf("/taggar/%C3%A5r/", "/")).toBe("/taggar/år/");
    expect(sitePathOf("/other/", "/finsam/")).toBeUndefined();
    expect(sitePathOf("/%E0%A4%A/", "/")).toBeUndefined();
  });
});

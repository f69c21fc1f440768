// Ordinary pages (content/sidor/) in a real build: at the root or under their parent, listing their children, in the
// main menu when the settings' menu names them, in the sitemap and the search index, in no feed, listing or archive.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { T } from "../../../src/site/i18n.ts";
import { buildSite, fixtureDataFiles, markdownFile, writeContent, type BuiltSite } from "../../helpers/build.ts";
import { page, texts } from "../pages/html.ts";

function contentPage(title: string, fields: Record<string, unknown> = {}, body = `Text om ${title.toLowerCase()}.`) {
  return markdownFile({ title, summary: `Om ${title.toLowerCase()}.`, ...fields }, body);
}

function withMenu(entries: { label: string; path: string }[]): Record<string, string> {
  const data = fixtureDataFiles();
  const settings = data["data/installningar.yml"] as string;
  const items = entries.map((entry) => `  - label: ${entry.label}\n    path: ${entry.path}\n`).join("");
  return { ...data, "data/installningar.yml": settings.replace(/^menu:\n/m, `menu:\n${items}`) };
}

function pagesFixture(): string {
  return writeContent({
    ...withMenu([{ label: "Om oss", path: "/om-oss/" }, { label: "Kontakt", path: "/kontakt/" }]),
    "nyheter/2024-05-01-en-nyhet.md": markdownFile({ title: "En nyhet", date: "2024-05-01", summary: "Ingress.", organisation: "nationella-radet" }),
    "sidor/om-oss.md": contentPage("Om oss"),
    "sidor/kontakt.md": contentPage("Kontakt", {}, "Skriv till [kansliet](/om-oss/kansliet/)."),
    "sidor/styrelse.md": contentPage("Styrelse", { parent: "om-oss", menuOrder: 2 }),
    "sidor/kansliet.md": contentPage("Kansliet", { parent: "om-oss", menuOrder: 1 }),
    "sidor/ledamoter.md": contentPage("Ledamöter", { parent: "styrelse" }),
    "sidor/utkast.md": contentPage("Utkast", { parent: "om-oss", draft: true }),
  });
}

describe("ordinary pages in a built site", () => {
  let site: BuiltSite;
  let content: string;
  beforeAll(async () => {
    content = pagesFixture();
    site = await buildSite(content);
  });

  it("puts a top-level page at the root and a page under its parent's address", () => {
    expect(texts(page(site, "/om-oss/"), "h1")).toEqual(["Om oss"]);
    expect(texts(page(site, "/om-oss/styrelse/"), "h1")).toEqual(["Styrelse"]);
    expect(texts(page(site, "/om-oss/styrelse/ledamoter/"), "h1")).toEqual(["Ledamöter"]);
    const $ = page(site, "/om-oss/styrelse/ledamoter/");
    expect($("main .breadcrumbs a").map((_, a) => $(a).attr("href")).get()).toEqual(["/", "/om-oss/", "/om-oss/styrelse/"]);
    expect($("main .breadcrumbs [aria-current=page]").text()).toBe("Ledamöter");
  });

  it("lists a page's children in menu order, without drafts", () => {
    const $ = page(site, "/om-oss/");
    expect($("main .child-pages h2").text()).toBe(T.page.children);
    expect($("main .child-pages a").map((_, a) => $(a).attr("href")).get()).toEqual(["/om-oss/kansliet/", "/om-oss/styrelse/"]);
    expect(page(site, "/kontakt/")("main .child-pages")).toHaveLength(0);
    expect(site.exists("/om-oss/utkast/")).toBe(false);
  });

  it("shows the settings' menu, pages first as the file lists them", () => {
    const $ = page(site, "/nyheter/");
    const menu = $('header nav[aria-label="Huvudmeny"] a');
    expect(menu.slice(0, 2).map((_, a) => [[$(a).text(), $(a).attr("href")]]).get()).toEqual([
      ["Om oss", "/om-oss/"],
      ["Kontakt", "/kontakt/"],
    ]);
  });

  it("lists pages in the sitemap and the search index, in no feed, type listing or archive", () => {
    const sitemap = site.read("/sitemap.xml");
    for (const url of ["/om-oss/", "/kontakt/", "/om-oss/styrelse/", "/om-oss/styrelse/ledamoter/"]) expect(sitemap).toContain(`https://finsam.example${url}<`);
    for (const feed of ["/feed.xml", "/feed.json", "/nyheter/feed.xml"]) expect(site.read(feed)).not.toContain("om-oss");
    expect(page(site, "/arkiv/")("main").html()).not.toContain("om-oss");
    expect(site.exists("/sidor/")).toBe(false);
    expect(page(site, "/")("main").html()).not.toContain("/om-oss/");
    const chunks = fs
      .readdirSync(path.join(site.outDir, "sok", "index"))
      .filter((name) => /^d\d+\.json$/.test(name))
      .map((name) => fs.readFileSync(path.join(site.outDir, "sok", "index", name), "utf8"))
      .join("\n");
    expect(chunks).toContain("/om-oss/styrelse/");
    expect(chunks).not.toContain("/om-oss/utkast/");
  });

  it("stops the build on a menu path that leads to no page", async () => {
    const broken = writeContent({ ...withMenu([{ label: "Om oss", path: "/om-os/" }]), "sidor/om-oss.md": contentPage("Om oss") });
    await expect(buildSite(broken)).rejects.toThrow(/installningar\.yml.*\/om-os\//s);
  });
});

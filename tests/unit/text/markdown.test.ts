// Editors' Markdown: raw HTML is text, script-capable links are dropped, headings get unique Swedish ids.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { load } from "cheerio";
import { markdown } from "../../../src/text/markdown.ts";

function render(source: string, pathPrefix = "/") {
  return load(markdown.render(source, { pathPrefix }), null, false);
}

describe("raw HTML", () => {
  it("shows <script> as text instead of running it", () => {
    const source = "<script>alert(1)</script>";
    const $ = render(`Före\n\n${source}\n\nEfter`);
    expect($("script")).toHaveLength(0);
    expect($.root().text()).toContain(source);
  });

  it("shows an inline <img onerror> as text", () => {
    const source = '<img src="x" onerror="alert(1)">';
    const $ = render(`Text ${source} mer text`);
    expect($("img")).toHaveLength(0);
    expect($("[onerror]")).toHaveLength(0);
    expect($("p").text()).toBe(`Text ${source} mer text`);
  });

  it("does not let an HTML block through", () => {
    const $ = render('<div onclick="alert(1)">\nhej\n</div>');
    expect($("div")).toHaveLength(0);
    expect($("[onclick]")).toHaveLength(0);
  });
});

describe("links", () => {
  const hostile = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "file:///etc/passwd",
  ];

  it.each(hostile)("emits no href for %s", (url) => {
    const $ = render(`[klicka](<${url.trim()}>) och [här](${url.trim()})`);
    const hrefs = $("a").map((_, a) => $(a).attr("href")).get();
    for (const href of hrefs) expect(href.toLowerCase()).not.toMatch(/^\s*(javascript|vbscript|data|file):/);
  });

  it("emits no data: image", () => {
    const $ = render("![bild](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)");
    const sources = $("img").map((_, img) => $(img).attr("src")).get();
    for (const src of sources) expect(src).not.toMatch(/^data:/i);
  });

  it("keeps ordinary links", () => {
    const $ = render(
      "[Finsam](https://finsam.se/om) [Nyheter](/nyheter/) [Mejl](mailto:info@example.se) [Ankare](#bakgrund) [Relativ](../brev/)",
    );
    expect($("a").map((_, a) => $(a).attr("href")).get()).toEqual([
      "https://finsam.se/om",
      "/nyheter/",
      "mailto:info@example.se",
      "#bakgrund",
      "../brev/",
    ]);
  });

  it("links bare web addresses", () => {
    const $ = render("Läs mer på https://finsam.se/kunskapsstod idag.");
    expect($("a").attr("href")).toBe("https://finsam.se/kunskapsstod");
  });
});

describe("heading ids", () => {
  it("are Swedish slugs of the heading text", () => {
    const $ = render("## Våldsutsatta kvinnor\n\n### Älv & Kust\n\n## FINSAM är VI!");
    expect($("h2, h3").map((_, h) => $(h).attr("id")).get()).toEqual(["valdsutsatta-kvinnor", "alv-och-kust", "finsam-ar-vi"]);
  });

  it("are unique within a document", () => {
    const $ = render("## Bakgrund\n\n## Bakgrund\n\n## Bakgrund\n\n## Bakgrund 2\n\n## Beslut");
    const ids = $("h2").map((_, h) => $(h).attr("id")).get();
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    expect(ids[0]).toBe("bakgrund");
    expect(ids[4]).toBe("beslut");
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("start afresh in each document", () => {
    expect(render("## Bakgrund")("h2").attr("id")).toBe("bakgrund");
    expect(render("## Bakgrund")("h2").attr("id")).toBe("bakgrund");
  });

  it("get a fallback when the heading has no letters", () => {
    const id = render("## !!!")("h2").attr("id");
    expect(id).toBeTruthy();
  });
});

describe("path prefix", () => {
  const source = [
    "[Nyheter](/nyheter/2022/a/) [Extern](https://example.se/nyheter/) [Protokollrelativ](//cdn.example.se/x.js)",
    "[Relativ](brev/) [Ankare](#beslut) [Mejl](mailto:a@example.se)",
    "",
    "![Bild](/bilder/magnus.jpg) ![Extern bild](https://example.se/bild.jpg) ![Relativ bild](bilder/x.jpg)",
    "",
    "Texten /nyheter/ och `[kod](/nyheter/)` ändras inte.",
  ].join("\n");

  it("is added to root-relative links and images only", () => {
    const $ = render(source, "/finsam/");
    expect($("a").map((_, a) => $(a).attr("href")).get()).toEqual([
      "/finsam/nyheter/2022/a/",
      "https://example.se/nyheter/",
      "//cdn.example.se/x.js",
      "brev/",
      "#beslut",
      "mailto:a@example.se",
    ]);
    expect($("img").map((_, img) => $(img).attr("src")).get()).toEqual([
      "/finsam/bilder/magnus.jpg",
      "https://example.se/bild.jpg",
      "bilder/x.jpg",
    ]);
    expect($("p").last().text()).toBe("Texten /nyheter/ och [kod](/nyheter/) ändras inte.");
    expect($("code").text()).toBe("[kod](/nyheter/)");
  });

  it("leaves links alone at the root", () => {
    const $ = render(source, "/");
    expect($("a").first().attr("href")).toBe("/nyheter/2022/a/");
    expect($("img").first().attr("src")).toBe("/bilder/magnus.jpg");
  });

  it("leaves links alone when no prefix is given", () => {
    const $ = load(markdown.render("[Nyheter](/nyheter/)"), null, false);
    expect($("a").attr("href")).toBe("/nyheter/");
  });
});

describe("table alignment", () => {
  it("becomes a class, never a style attribute (the content security policy forbids inline style)", () => {
    const $ = render("| a | b | c | d |\n| --- | :-: | --: | :-- |\n| 1 | 2 | 3 | 4 |");
    expect($("[style]")).toHaveLength(0);
    expect($("th").map((_, cell) => $(cell).attr("class") ?? "").get()).toEqual(["", "align-center", "align-right", "align-left"]);
    expect($("td").map((_, cell) => $(cell).attr("class") ?? "").get()).toEqual(["", "align-center", "align-right", "align-left"]);
  });

  it("has a rule in the stylesheet for every alignment class", () => {
    const css = fs.readFileSync("layouts/assets/site.css", "utf8");
    for (const align of ["left", "center", "right"]) {
      expect(css, align).toMatch(new RegExp(`\\.align-${align}\\s*\\{\\s*text-align:\\s*${align};`));
    }
  });
});

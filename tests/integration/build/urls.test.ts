// URLs are Swedish slugs: file names with å, ä, ö, spaces and "&" become plain ASCII paths.
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, markdownFile, writeContent, type BuiltSite } from "../../helpers/build.ts";
import { TEST_PNG } from "../../helpers/images.ts";
import { page } from "./html.ts";

const NEWS = "/nyheter/2024/forbundschef-pa-ockero/";

let site: BuiltSite;
let content: string;
beforeAll(async () => {
  content = writeContent({
    "bilder/karta.png": TEST_PNG,
    "nyheter/2024-01-15-Förbundschef på Öckerö.md": markdownFile(
      { title: "Förbundschef på Öckerö", date: "2024-01-15", summary: "S.", organisation: "alv-och-kust", tags: ["Älv & Kust"] },
      "Se [förra nyheten](/nyheter/2023/aldre/) och ![karta](/bilder/karta.png).\n\n## Våld i nära relationer",
    ),
    "nyheter/2023-06-01-Äldre.md": markdownFile({ title: "Äldre", date: "2023-06-01", summary: "S.", organisation: "nns" }),
  });
  site = await buildSite(content);
});

describe("Swedish file names", () => {
  it("give Swedish slug URLs without the date prefix", () => {
    expect(site.exists(NEWS)).toBe(true);
    expect(site.exists("/nyheter/2023/aldre/")).toBe(true);
    expect(page(site, NEWS)("h1").text()).toBe("Förbundschef på Öckerö");
  });

  it("give only ASCII output paths", () => {
    for (const file of site.files()) expect(file).toMatch(/^[\x21-\x7e]+$/);
  });

  it("are linked at their slug URL from the start page", () => {
    const $ = page(site, "/");
    expect($(`a[href="${NEWS}"]`).first().text()).toBe("Förbundschef på Öckerö");
  });

  it("give tag links and heading ids as Swedish slugs", () => {
    const $ = page(site, NEWS);
    expect($("ul.tags a").attr("href")).toBe("/taggar/alv-och-kust/");
    expect(site.exists("/taggar/alv-och-kust/")).toBe(true);
    expect($(".body h2").attr("id")).toBe("vald-i-nara-relationer");
  });
});

describe("a path prefix", () => {
  it("is added to root-relative links and images in the body", async () => {
    const prefixed = await buildSite(content, { pathPrefix: "/finsam/" });
    const $ = page(prefixed, NEWS);
    expect($(".body a").attr("href")).toBe("/finsam/nyheter/2023/aldre/");
    // The image is published as renditions (src/outputs/images/), named from its slug.
    expect($(".body img").attr("src")).toMatch(/^\/finsam\/bilder\/karta-[\w-]+-\d+\.jpeg$/);
    expect($('link[rel="canonical"]').attr("href")).toBe(`https://finsam.example/finsam${NEWS}`);
  });
});

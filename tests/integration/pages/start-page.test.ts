// The start page and the listing cards from a real build: the newest document leads (with its image), the coming
// events stand beside it, then the latest of each type, nothing shown twice, every section linking on; cards carry
// type, organisation, date, summary and a thumbnail where the document has an image.
import { beforeAll, describe, expect, it } from "vitest";
import { DOCUMENT_TYPES } from "../../../src/content/types.ts";
import { T } from "../../../src/site/i18n.ts";
import { PATHS } from "../../../src/site-model/urls.ts";
import { buildSite, fixtureSiteData, markdownFile, writeContent, type BuiltSite } from "../../helpers/build.ts";
import "../../helpers/image-cache.ts";
import { writeImage } from "../../helpers/images.ts";
import { page } from "./html.ts";

const ORGANISATIONS = fixtureSiteData().organisations;

const news = (title: string, date: string, extra: Record<string, unknown> = {}) =>
  markdownFile({ title, date, summary: `Ingress för ${title}.`, organisation: "blekinge", tags: [], ...extra });

let site: BuiltSite;

beforeAll(async () => {
  const dir = writeContent({
    // FIXED_NOW is 2026-11-24: the newest document leads, with the image it has.
    "nyheter/2026-11-20-nyast.md": news("Nyast <med> tecken & allt", "2026-11-20", { image: "/bilder/ledare.jpg", imageAlt: "Styrelsen samlad" }),
    "nyheter/2026-10-01-andra.md": news("Andra nyheten", "2026-10-01", { image: "/bilder/tumme.jpg", imageAlt: "En tumme" }),
    "nyheter/2026-09-01-tredje.md": news("Tredje nyheten", "2026-09-01"),
    "nyheter/2026-08-01-fjarde.md": news("Fjärde nyheten", "2026-08-01"),
    "nyheter/2026-07-01-femte.md": news("Femte nyheten", "2026-07-01"),
    // Coming up: already among the events, so not again under Konferenser.
    "konferenser/2026-11-01-kommande.md": markdownFile({
      title: "Kommande konferens",
      date: "2026-11-01",
      summary: "Ingress.",
      organisation: "nationella-radet",
      tags: [],
      event: "Vinterkonferens",
      startDate: "2027-01-20",
      endDate: "2027-01-21",
      place: "Saltsjöbaden",
    }),
    "konferenser/2024-10-24-forra.md": markdownFile({
      title: "Förra årets konferens",
      date: "2024-10-24",
      summary: "Ingress.",
      organisation: "nationella-radet",
      tags: [],
      event: "Höstkonferens",
      startDate: "2024-10-22",
      endDate: "2024-10-23",
      place: "Karlskrona",
    }),
  });
  await writeImage(dir, "bilder/ledare.jpg", { width: 1600, height: 900 });
  await writeImage(dir, "bilder/tumme.jpg", { width: 1200, height: 800 });
  site = await buildSite(dir);
});

describe("the start page", () => {
  it("does not repeat the site's name as a visible heading: its h1 is for screen readers, the header bar shows the name", () => {
    const $ = page(site, "/");
    expect($("h1")).toHaveLength(1);
    expect($("h1").hasClass("visually-hidden")).toBe(true);
    expect($("h1").text()).toBe($("header .site-name-long").text());
  });

  it("leads with the newest document and its image, fetched at once; the image repeats the title, so it is decorative", () => {
    const $ = page(site, "/");
    const lead = $("main .home-lead .lead-card");
    expect(lead).toHaveLength(1);
    expect(lead.find(".card-title a").text()).toBe("Nyast <med> tecken & allt");
    expect(lead.find(".card-title a").attr("href")).toBe("/nyheter/2026/nyast/");
    const img = lead.find("picture img");
    expect(img.attr("fetchpriority")).toBe("high");
    expect(img.attr("alt")).toBe("");
    expect(img.attr("src")).toMatch(/^\/bilder\/ledare-[\w-]+-800\.jpeg$/);
    expect(lead.find(".meta").text()).toContain(ORGANISATIONS.find("blekinge")?.name);
  });

  it("shows the coming events beside the lead item, linking on to the calendar", () => {
    const $ = page(site, "/");
    const events = $("main .home-events");
    expect(events.find("h2").text()).toBe(T.calendar.upcoming);
    expect(events.find(".card-title a").map((_, a) => $(a).attr("href")).get()).toContain("/konferenser/2026/kommande/");
    expect(events.find(`a[href="${PATHS.calendar}"]`).text()).toBe(T.calendar.all);
  });

  it("shows no document twice: the latest per type leave out the lead item and a conference already among the events", () => {
    const $ = page(site, "/");
    const linked = $("main .card-title a")
      .map((_, a) => $(a).attr("href"))
      .get();
    expect(linked.length).toBeGreaterThan(4);
    expect(new Set(linked).size).toBe(linked.length);
    const section = (key: "nyhet" | "konferens") => $(`main section[aria-labelledby="section-${key}"]`);
    expect(section("nyhet").find(".card-title a").map((_, a) => $(a).text()).get()).toEqual(["Andra nyheten", "Tredje nyheten", "Fjärde nyheten"]);
    expect(section("konferens").find(".card-title a").map((_, a) => $(a).text()).get()).toEqual(["Förra årets konferens"]);
  });

  it("links every section on to its listing, and leaves out a type with nothing more to show", () => {
    const $ = page(site, "/");
    for (const key of ["nyhet", "konferens"] as const) {
      const info = DOCUMENT_TYPES[key];
      expect($(`main section[aria-labelledby="section-${key}"] a[href="/${info.folder}/"]`).text(), key).toBe(T.allOfType(info.plural));
    }
    expect($(`main .home-lead a[href="${PATHS.archive}"]`).text()).toBe(T.startPage.allPublished);
    for (const key of ["brev", "minnen", "protokoll"] as const) expect($(`#section-${key}`), key).toHaveLength(0);
  });
});

describe("listing cards", () => {
  it("carry type, organisation, date and summary, and a thumbnail of the image where the document has one", () => {
    // The year's archive lists every type, so its cards name the type.
    const $ = page(site, "/arkiv/2026/");
    const cards = $("main .document-list .card");
    const withImage = cards.filter((_, card) => $(card).find(".card-title a").text() === "Andra nyheten");
    const meta = withImage.find(".meta").text();
    expect(meta).toContain(DOCUMENT_TYPES.nyhet.label);
    expect(meta).toContain(ORGANISATIONS.find("blekinge")?.name);
    expect(withImage.find(".meta time").attr("datetime")).toMatch(/^2026-10-01/);
    expect(withImage.find(".card-summary").text()).toBe("Ingress för Andra nyheten.");
    const thumb = withImage.find("picture img.card-thumb");
    expect(thumb.attr("alt")).toBe("");
    expect(thumb.attr("loading")).toBe("lazy");
    expect(thumb.attr("sizes")).toBe("8rem");
    expect(withImage.hasClass("has-thumb")).toBe(true);
    const without = cards.filter((_, card) => $(card).find(".card-title a").text() === "Tredje nyheten");
    expect(without.find("picture, img")).toHaveLength(0);
    expect(without.hasClass("has-thumb")).toBe(false);
  });

  it("leave the organisation out on the organisation's own listing, where every card would repeat it", () => {
    const $ = page(site, "/organisationer/blekinge/");
    const metas = $("main .document-list .card .meta").map((_, meta) => $(meta).text()).get();
    expect(metas.length).toBe(5);
    for (const meta of metas) expect(meta).not.toContain(ORGANISATIONS.find("blekinge")?.name);
    expect($("main h1").text()).toBe(ORGANISATIONS.find("blekinge")?.name);
  });
});

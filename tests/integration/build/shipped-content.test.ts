// A real build of the five seed documents: each article page shows its type's key facts.
import { beforeAll, describe, expect, it } from "vitest";
import type { CheerioAPI } from "cheerio";
import { buildSite, type BuiltSite } from "../../helpers/build.ts";
import { T } from "../../../src/site/i18n.ts";
import { facts, page, visibleStrings } from "./html.ts";

const PAGES = {
  nyhet: "/nyheter/2022/magnus-slutar-som-nationell-stodperson/",
  konferens: "/konferenser/2019/forbundschefsdagar-22-23-oktober-2019/",
  brev: "/brev/2014/brev-till-styrelsen-2014-01-25/",
  minnen: "/minnen/2020/14-ar-med-samordningsforbundet-alv-och-kust/",
  protokoll: "/protokoll/2023/protokoll-styrelsemote-8-maj-2023/",
};

let site: BuiltSite;
beforeAll(async () => {
  site = await buildSite("content");
});

function article(type: keyof typeof PAGES): CheerioAPI {
  return page(site, PAGES[type]);
}

describe("every seed page", () => {
  it.each(Object.entries(PAGES))("%s is written at %s", (_, url) => {
    expect(site.exists(url)).toBe(true);
    const $ = page(site, url);
    expect($("html").attr("lang")).toBe("sv");
    expect($("h1")).toHaveLength(1);
    expect($("main article.document")).toHaveLength(1);
    expect($('link[rel="canonical"]').attr("href")).toBe(`https://finsam.example${url}`);
  });

  it.each(Object.entries(PAGES))("%s has no replacement character, e-mail address or phone number", (_, url) => {
    const html = site.read(url);
    expect(html).not.toContain("\uFFFD");
    const $ = page(site, url);
    for (const text of visibleStrings($)) {
      expect(text).not.toMatch(/[^\s@<>"']+@[^\s@<>"']+\.[a-z]{2,}/i);
      expect(text).not.toContain("+46");
      expect(text).not.toMatch(/^mailto:/i);
    }
  });
});

describe("nyhet: staffing change", () => {
  it("shows who, the role and that the person leaves", () => {
    const $ = article("nyhet");
    expect($("h1").text()).toBe("Magnus slutar som nationell stödperson");
    const shown = facts($);
    expect(shown.get(T.staffing.person)).toBe("Magnus Simonsson");
    expect(shown.get(T.staffing.role)).toBe("nationell stödperson");
    expect(shown.get(T.staffing.change)).toBe("Slutar");
  });

  it("shows the publishing day in Swedish with a machine-readable date", () => {
    const $ = article("nyhet");
    const time = $("header time").first();
    expect(time.text()).toBe("3 mars 2022");
    expect(time.attr("datetime")).toBe("2022-03-03");
  });

  it("renders the body's heading with a Swedish id", () => {
    expect(article("nyhet")(".body h2").attr("id")).toBe("stort-engagemang");
  });
});

describe("konferens", () => {
  it("shows the days, the place and every speaker with affiliation", () => {
    const $ = article("konferens");
    const shown = facts($);
    expect(shown.get(T.conference.when)).toBe("22–23 oktober 2019");
    expect(shown.get(T.conference.place)).toBe("Saltsjöbaden");
    expect(shown.get(T.conference.event)).toBe("Förbundschefsdagar");
    const speakers = $(".facts dd li").map((_, li) => $(li).text()).get();
    expect(speakers).toEqual([
      "Malin Lundblad, Försäkringskassan",
      "Gunnar Sundquist, SKR",
      "Åse Larsson, Arbetsförmedlingen",
      "Lina Karlsson, Arbetsförmedlingen",
      "Kristina Landmark, Kriminalvården",
      "Helena Furumarker, Föreläsare",
      "Anita Kruse, NNS",
      "Ulrika Eklund, Föreläsare",
    ]);
  });
});

describe("brev", () => {
  it("shows sender with role and organisation, recipient and the letter's date", () => {
    const shown = facts(article("brev"));
    expect(shown.get(T.letter.sender)).toBe("Jonas Wells, samordnare, Norra Västmanlands Samordningsförbund");
    expect(shown.get(T.letter.recipient)).toBe("Styrelsen i Norra Västmanlands Samordningsförbund");
    expect(shown.get(T.letter.letterDate)).toBe("25 januari 2014");
  });
});

describe("minnen", () => {
  it("shows the author, the years and the successor", () => {
    const shown = facts(article("minnen"));
    expect(shown.get(T.memoir.author)).toBe("Per Liljebäck");
    expect(shown.get(T.memoir.years)).toBe("2006–2020");
    expect(shown.get(T.memoir.successor)).toBe("Henrik");
  });
});

describe("protokoll", () => {
  it("shows the meeting day, time and place", () => {
    const shown = facts(article("protokoll"));
    expect(shown.get(T.minutes.date)).toBe("8 maj 2023");
    expect(shown.get(T.minutes.time)).toBe("kl. 8.30–12.00");
    expect(shown.get(T.minutes.place)).toBe("Bubbetorps Gård, Karlskrona");
    expect(shown.get(T.minutes.chair)).toBe("Ingrid Hermansson");
    expect(shown.get(T.minutes.adjusters)).toBe("Karin Blomdahl");
    expect(shown.get(T.minutes.secretary)).toBe("Magnus von Schenck");
  });

  it("numbers the agenda §1–§7 in order", () => {
    const $ = article("protokoll");
    const headings = $(".agenda h3").map((_, h3) => $(h3).text().replace(/\s+/g, " ").trim()).get();
    expect(headings).toEqual([
      "§1 Mötets öppnande",
      "§2 Val av justerare",
      "§3 Förslag till dagordning",
      "§4 Föregående mötesprotokoll",
      "§5 FINSAM är VI!",
      "§6 Dialog kring FINSAM:s kick-off den 5 september på Kreativum",
      "§7 Övriga frågor",
    ]);
  });

  it("shows the signatures as a protokoll ends: the secretary at the minutes, then the chair and the adjuster, with Swedish times", () => {
    const $ = article("protokoll");
    const groups = $(".signatures dl > div")
      .map((_, group) => ({
        label: $(group).children("dt").text(),
        signers: $(group)
          .children("dd")
          .map((_, dd) => $(dd).text().replace(/\s+/g, " ").trim())
          .get(),
      }))
      .get();
    expect(groups.map(({ label }) => label)).toEqual([T.minutes.atMinutes, T.minutes.adjustedBy]);
    // Signed 07:58:34Z, 09:24:35Z and 10:13:12Z: Swedish summer time is UTC+2.
    expect(groups[0]?.signers).toHaveLength(1);
    expect(groups[0]?.signers[0]).toMatch(/^Magnus von Schenck, sekreterare\. .*8 juni 2023 kl\. 9\.58$/);
    expect(groups[1]?.signers).toHaveLength(2);
    expect(groups[1]?.signers[0]).toMatch(/^Ingrid Hermansson, ordförande\. .*8 juni 2023 kl\. 12\.13$/);
    expect(groups[1]?.signers[1]).toMatch(/^Karin Blomdahl, justerare\. .*8 juni 2023 kl\. 11\.24$/);
    expect($(".signatures > p").first().text()).toBe(`${T.minutes.adjustedOn} 8 juni 2023.`);
  });

  it("puts each §'s discussion under it, its decision after, and no § heading twice", () => {
    const $ = article("protokoll");
    const item = (section: number) => $(`#paragraf-${section}`);
    expect(item(1).find(".paragraph-text").text().trim()).toBe("Ingrid Hermansson välkomnade styrelsen.");
    expect(item(5).find(".paragraph-text h4").map((_, h4) => $(h4).text()).get()).toContain("BIP");
    expect(item(7).find(".paragraph-text").text().trim()).toBe("Mötet avslutades.");
    // "Beslut" where the agenda records a decision (§2–§5), not on the opening or the open items.
    expect($(".agenda .decision").map((_, p) => $(p).closest("li").attr("id")).get()).toEqual(["paragraf-2", "paragraf-3", "paragraf-4", "paragraf-5"]);
    expect(item(4).children().map((_, child) => $(child).attr("class") ?? child.tagName).get()).toEqual(["h3", "body paragraph-text", "decision"]);
    // Each § heading once, in the agenda: the body's "## §5 FINSAM är VI!" is not repeated below it.
    const headings = $("main h2, main h3, main h4").map((_, heading) => $(heading).text().replace(/\s+/g, " ").trim()).get();
    expect(headings.filter((text) => /^§\s*5\b/.test(text))).toEqual(["§5 FINSAM är VI!"]);
    expect($("article.document > .body")).toHaveLength(0);
    expect($("article.document").text()).not.toContain("Lästid");
  });
});

describe("the start page", () => {
  it("links every seed", () => {
    const $ = page(site, "/");
    const hrefs = new Set($("a").map((_, a) => $(a).attr("href")).get());
    for (const url of Object.values(PAGES)) expect(hrefs.has(url), url).toBe(true);
  });
});

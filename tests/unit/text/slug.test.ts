// The Swedish slug: å/ä → a, ö → o, "&" → "och", accents dropped, one dash between words.
import { describe, expect, it } from "vitest";
import { slugify } from "../../../src/text/slug.ts";

describe("slugify", () => {
  it("turns a Swedish headline into the URL finsam.se would use", () => {
    expect(slugify("Magnus slutar som nationell stödperson")).toBe("magnus-slutar-som-nationell-stodperson");
  });

  it('reads "&" as "och"', () => {
    expect(slugify("Älv & Kust")).toBe("alv-och-kust");
    expect(slugify("Älv&Kust")).toBe("alv-och-kust");
  });

  it("writes å and ä as a and ö as o, in both cases", () => {
    expect(slugify("å ä ö")).toBe("a-a-o");
    expect(slugify("Å Ä Ö")).toBe("a-a-o");
    expect(slugify("Förbundschef på Öckerö")).toBe("forbundschef-pa-ockero");
    expect(slugify("Ålands väg")).toBe("alands-vag");
  });

  it("writes æ as ae, ø as o and ß as ss (no accent to drop: left alone they would become dashes)", () => {
    expect(slugify("Ærø")).toBe("aero");
    expect(slugify("Smørrebrød och æbleskiver")).toBe("smorrebrod-och-aebleskiver");
    expect(slugify("Große Straße")).toBe("grosse-strasse");
  });

  it("gives the same slug for decomposed letters (file names saved on a Mac)", () => {
    const decomposed = "Förbundschef på Öckerö".normalize("NFD");
    expect(decomposed).not.toBe("Förbundschef på Öckerö");
    expect(slugify(decomposed)).toBe("forbundschef-pa-ockero");
  });

  it("drops accents from other languages", () => {
    expect(slugify("Café René")).toBe("cafe-rene");
    expect(slugify("Señora Müller")).toBe("senora-muller");
    expect(slugify("Crème brûlée")).toBe("creme-brulee");
  });

  it("collapses punctuation and repeated dashes into single dashes, trimmed at both ends", () => {
    expect(slugify("Förbundschefsdagar 22-23 oktober 2019")).toBe("forbundschefsdagar-22-23-oktober-2019");
    expect(slugify("  FINSAM är VI!  ")).toBe("finsam-ar-vi");
    expect(slugify("Dialog kring FINSAM:s kick-off")).toBe("dialog-kring-finsam-s-kick-off");
    expect(slugify("a -- b___c...d")).toBe("a-b-c-d");
    expect(slugify("--§5 Beslut--")).toBe("5-beslut");
    expect(slugify("”Citat” – och tankstreck")).toBe("citat-och-tankstreck");
  });

  it("is empty when nothing but punctuation is left", () => {
    expect(slugify("!!! ... ---")).toBe("");
    expect(slugify("–—”")).toBe("");
    expect(slugify("")).toBe("");
  });

  it("leaves a slug unchanged", () => {
    for (const slug of ["alv-och-kust", "forbundschefsdagar-22-23-oktober-2019", "2024"]) {
      expect(slugify(slug)).toBe(slug);
    }
  });

  it("gives the same slug however often it is asked, for short and long texts alike (it remembers short ones)", () => {
    const long = `Ämne ${"och & ".repeat(60)}slut`;
    const texts = ["Älv & Kust", "Styrelsearbete", long, ...Array.from({ length: 10_050 }, (_, index) => `Tagg ${index} Ö`)];
    const first = texts.map((text) => slugify(text));
    expect(first[0]).toBe("alv-och-kust");
    expect(first[2]).toBe(`amne-${"och-och-".repeat(60)}slut`);
    expect(first[3]).toBe("tagg-0-o");
    // Past the memo's bound it starts afresh; every answer stays the same.
    expect(texts.map((text) => slugify(text))).toEqual(first);
  });
});

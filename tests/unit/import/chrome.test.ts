// Chrome stripping on small exports written here: what goes (logo, repeats, captions, footer, calendar,
// e-signature log, personal data) and what must stay (the text, headings that repeat in the body).
import { describe, expect, it } from "vitest";
import { PHONE, stripChrome } from "../../../src/import/chrome.ts";
import { toSourceLines } from "../../../src/import/lines.ts";
import { fixtureSiteData } from "../../helpers/build.ts";

const { memberAgencies } = fixtureSiteData();

function strip(text: string) {
  const result = stripChrome(toSourceLines(text), memberAgencies);
  // Blank lines only separate paragraphs; how many there are is not the point here.
  return { ...result, body: result.lines.map((line) => line.text).join("\n").replace(/\n{3,}/g, "\n\n").trim() };
}

const PAGE = `Logotyp Finsam, finansiell samordning. Länk till startsidan för Finsam

Ny samordnare i Blekinge

Bild på Anna Andersson

Anna Andersson börjar som samordnare i maj.

Ny samordnare i Blekinge

Anna Andersson, Samordningsförbundet

Anna Andersson, Samordningsförbundet

Hon kommer närmast från Försäkringskassan.

Kalendarium

Arbetsförmedlingen
Försäkringskassan
Socialstyrelsen
Sveriges kommuner och regioner`;

describe("stripChrome", () => {
  it("takes the first line after the logo as the title and drops the site's chrome around the text", () => {
    const result = strip(PAGE);
    expect(result.title?.text).toBe("Ny samordnare i Blekinge");
    expect(result.site).toBe("finsam.se");
    expect(result.body).toBe("Anna Andersson börjar som samordnare i maj.\n\nHon kommer närmast från Försäkringskassan.");
    expect(result.removed.map((note) => note.line)).toEqual([1, 5, 9, 11, 13, 17, 19]);
  });

  it("keeps a lone member agency name in the text: only a run of them at the end is the footer", () => {
    const result = strip("Rubrik\n\nVi besökte\nArbetsförmedlingen\n\nOch sedan hem.\n\nArbetsförmedlingen");
    expect(result.body).toContain("Arbetsförmedlingen\n\nOch sedan hem.\n\nArbetsförmedlingen");
  });

  it("reads a date line above the title as the date line, not as the title", () => {
    const result = strip("lördag 25 januari 2014\n\nBrev till styrelsen 2014-01-25\n\n \nHej alla i styrelsen,");
    expect(result.dateline?.text).toBe("lördag 25 januari 2014");
    expect(result.title?.text).toBe("Brev till styrelsen 2014-01-25");
    expect(result.body).toBe("Hej alla i styrelsen,");
  });

  it("reads the signers from an e-signature log, drops the log, and reports the personal data it held", () => {
    const result = strip(`Protokoll

Text.

Ingrid Hermansson, Ordförande

Dialog
 Deltagare

 FÖRBUNDET Sverige

Signerat med E-signering

Ingrid Hermansson

ingrid@example.com

+46701234567

2023-06-08 10:13:12 UTC

Datum

Leveranskanal: E-post
         Revisionshistorik

                    2023-06-0810:13:12
                    Ingrid Hermansson signerade.

Download verification:
 `);
    expect(result.signings).toEqual([{ name: "Ingrid Hermansson", signedAt: "2023-06-08T10:13:12Z" }]);
    expect(result.body).toBe("Text.\n\nIngrid Hermansson, Ordförande");
    expect(result.privacy.map((note) => note.text)).toEqual(["e-postadress i e-signeringsloggen", "telefonnummer i e-signeringsloggen"]);
  });

  it("falls back on the revision history when the log has no participant blocks", () => {
    const result = strip("Protokoll\n\nText.\n\nRevisionshistorik\n\n2023-06-0809:24:35\nKarin Blomdahl signerade.\n");
    expect(result.signings).toEqual([{ name: "Karin Blomdahl", signedAt: "2023-06-08T09:24:35Z" }]);
  });

  it("replaces e-mail addresses, phone numbers and personnummer in running text, and notes each line", () => {
    const result = strip("Rubrik\n\nRing 070-123 45 67 eller skriv till anna.andersson@gmail.com.\nPersonnummer 19121212-1212 hör inte hit.");
    expect(result.body).toBe("Ring [telefonnummer borttaget] eller skriv till [e-postadress borttagen].\nPersonnummer [personnummer borttaget] hör inte hit.");
    expect(result.privacy).toEqual([
      { line: 3, text: "e-postadress" },
      { line: 3, text: "telefonnummer" },
      { line: 4, text: "personnummer" },
    ]);
  });

  it("does not read dates, clock times or log stamps as phone numbers", () => {
    for (const text of ["2023-05-08 kl. 08.30 - 12.00", "2023-06-08 07:58:34 UTC", "2023-06-0807:58:15", "18 – 29 år", "110 %"]) {
      expect(text.match(PHONE), text).toBeNull();
    }
    expect("+46793532286".match(PHONE)).toEqual(["+46793532286"]);
  });
});

// Minutes as a board keeps them: paragraphs that run on through the year (§34–§36) and a signed original attached as
// a PDF from content/filer/, linked from the page (with the path prefix); an original that is not there stops the
// build at its line.
import { describe, expect, it } from "vitest";
import { load } from "cheerio";
import { buildSite, writeContent } from "../../helpers/build.ts";
import { T } from "../../../src/site/i18n.ts";

function minutes(signedOriginal?: string): string {
  return `---
title: Protokoll styrelsemöte 12 september 2024
date: 2024-09-20
summary: Styrelsens femte möte för året.
organisation: blekinge
meetingDate: 2024-09-12
startTime: "09.00"
endTime: "11.00"
place: Karlskrona
chair: Ingrid Hermansson
adjusters:
  - Karin Blomdahl
secretary: Magnus von Schenck
${signedOriginal === undefined ? "" : `signedOriginal: ${signedOriginal}\n`}agenda:
  - section: 34
    heading: Mötets öppnande
  - section: 35
    heading: Val av justerare
    decision: Styrelsen valde Karin Blomdahl.
  - section: 36
    heading: Mötets avslutande
---
Protokollet i sin helhet.
`;
}

const PAGE = "/protokoll/2024/protokoll-styrelsemote-12-september-2024/index.html";

describe("minutes", () => {
  it("numbers paragraphs from §34 and links the signed original under the path prefix", async () => {
    const dir = writeContent({
      "protokoll/2024-09-20-protokoll-styrelsemote-12-september-2024.md": minutes("/filer/protokoll-2024-09-12.pdf"),
      "filer/protokoll-2024-09-12.pdf": "%PDF-1.4\n%%EOF\n",
    });
    const site = await buildSite(dir, { pathPrefix: "/finsam/" });
    const $ = load(site.read(PAGE));
    expect($(".agenda li h3 .section-number").map((_, element) => $(element).text()).get()).toEqual(["§34", "§35", "§36"]);
    expect($("#paragraf-35").length).toBe(1);
    const link = $(".signatures a");
    expect(link.text()).toBe(T.minutes.signedOriginal);
    expect(link.attr("href")).toBe("/finsam/filer/protokoll-2024-09-12.pdf");
    expect(site.files()).toContain("/filer/protokoll-2024-09-12.pdf");
  });

  it("has no link to an original when none is attached", async () => {
    const dir = writeContent({ "protokoll/2024-09-20-protokoll-styrelsemote-12-september-2024.md": minutes() });
    const site = await buildSite(dir);
    expect(load(site.read(PAGE))(".signatures").length).toBe(0);
  });

  it("stops the build when the signed original is not in content/filer/, naming the line", async () => {
    const dir = writeContent({
      "protokoll/2024-09-20-protokoll-styrelsemote-12-september-2024.md": minutes("/filer/finns-inte.pdf"),
      "filer/Finns-inte.pdf": "%PDF-1.4\n%%EOF\n",
    });
    const message = await buildSite(dir).then(
      () => "",
      (error: Error) => error.message,
    );
    expect(message).toMatch(/protokoll\/2024-09-20-protokoll-styrelsemote-12-september-2024\.md:14:\d+ fel: fältet "signedOriginal": filen \/filer\/finns-inte\.pdf finns inte, men \/filer\/Finns-inte\.pdf gör det/);
  });
});

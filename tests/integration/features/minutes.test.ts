// Minutes as a board keeps them: paragraphs that run on through the year (§34–§36) and a signed original attached as
// a PDF from content/filer/, linked from the page (with the path prefix); an original that is not there stops the
// build at its line.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { load } from "cheerio";
import { buildSite, writeContent } from "../../helpers/build.ts";
import { T } from "../../../src/site/i18n.ts";
import { at, runCheck, shown } from "../../helpers/check-cli.ts";

function minutes(signedOriginal?: string, body = "Protokollet i sin helhet.\n", signatures = ""): string {
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
${signatures}---
${body}`;
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

  it("puts the text under each § heading under its agenda item, and keeps what belongs to no § after the agenda", async () => {
    const body = [
      "Protokollet är preliminärt.",
      "## § 35 Val av justerare",
      "Två namn föreslogs.",
      "### Förslagen",
      "Karin och Lisa.",
      "## §40 Finns inte",
      "Text under en paragraf som dagordningen saknar.",
      "## Bilagor",
      "Bilaga 1.",
      "## §34",
      "Ordföranden öppnade mötet.",
      "",
    ].join("\n\n");
    const file = "protokoll/2024-09-20-protokoll-styrelsemote-12-september-2024.md";
    const dir = writeContent({ [file]: minutes(undefined, body) });
    const site = await buildSite(dir);
    const $ = load(site.read(PAGE));
    const text = (section: number) => $(`#paragraf-${section} .paragraph-text`);
    expect(text(34).text().trim()).toBe("Ordföranden öppnade mötet.");
    expect(text(35).find("p").map((_, p) => $(p).text()).get()).toEqual(["Två namn föreslogs.", "Karin och Lisa."]);
    // The body's ### under a § is a level below the § heading (h3).
    expect(text(35).find("h4").text()).toBe("Förslagen");
    expect(text(36)).toHaveLength(0);
    // The decision follows the discussion; only §35 records one.
    expect($("#paragraf-35").children().last().text()).toBe(`${T.minutes.decision}: Styrelsen valde Karin Blomdahl.`);
    expect($(".agenda .decision")).toHaveLength(1);
    // After the agenda, in the order written: the text before the first §, the unknown § with its heading, other sections.
    const rest = $("article.document > .body");
    expect($(".agenda").nextAll(".body").is(rest)).toBe(true);
    expect(rest.find("p").map((_, p) => $(p).text()).get()).toEqual(["Protokollet är preliminärt.", "Text under en paragraf som dagordningen saknar.", "Bilaga 1."]);
    expect(rest.find("h2").map((_, h2) => $(h2).text()).get()).toEqual(["§40 Finns inte", "Bilagor"]);
    // No § heading twice, no reading time on minutes, no leftover marks.
    expect($("main").text().match(/§\s*35/g)).toHaveLength(1);
    expect($(".reading-time")).toHaveLength(0);
    expect(site.read(PAGE)).not.toContain("<!--paragraf");

    // npm run check: a warning in Swedish, at the heading's line, for the § the agenda lacks and for a § at level 3.
    fs.appendFileSync(path.join(dir, file), "\n### §36 Under fel nivå\n");
    const check = runCheck(["--content", dir]);
    const where = shown(dir, file);
    expect(check.stdout).toContain(`${where}:${at(dir, file, "## §40")} varning: rubriken "## §40 Finns inte" hör till §40, men paragraferna i agenda är §34–§36`);
    expect(check.stdout).toContain(`${where}:${at(dir, file, "### §36")} varning: rubriken "### §36 Under fel nivå" har nivå 3`);
    expect(check.stdout).not.toMatch(/rubriken "## §(34|35)/);
  });

  it("groups the signatures as a protokoll ends and dates the adjustment by the last of the chair and adjusters", async () => {
    const signatures = `signatures:
  - name: Karin Blomdahl
    role: Justerare
    signedAt: "2024-09-19T08:00:00Z"
  - name: Magnus von Schenck
    role: Sekreterare
    signedAt: "2024-09-13T08:00:00Z"
  - name: Ingrid Hermansson
    role: Ordförande
    signedAt: "2024-09-18T08:00:00Z"
  - name: Lisa Berg
    role: Revisor
    signedAt: "2024-09-20T08:00:00Z"
`;
    const dir = writeContent({ "protokoll/2024-09-20-protokoll-styrelsemote-12-september-2024.md": minutes(undefined, "Text.\n", signatures) });
    const $ = load((await buildSite(dir)).read(PAGE));
    const groups = $(".signatures dl > div")
      .map((_, group) => `${$(group).children("dt").text()}: ${$(group).find("dd strong").map((_, name) => $(name).text()).get().join(", ")}`)
      .get();
    expect(groups).toEqual([
      `${T.minutes.atMinutes}: Magnus von Schenck`,
      `${T.minutes.adjustedBy}: Ingrid Hermansson, Karin Blomdahl`,
      `${T.minutes.otherSigners}: Lisa Berg`,
    ]);
    expect($(".signatures > p").first().text()).toBe(`${T.minutes.adjustedOn} 19 september 2024.`);
    expect($(".signatures > p time").attr("datetime")).toBe("2024-09-19");
  });

  it("check warns when the chair or an adjuster is missing from the signatures, at the name's line, and not without signatures", () => {
    const file = "protokoll/2024-09-20-protokoll-styrelsemote-12-september-2024.md";
    const signatures = `signatures:
  - name: Ingrid Hermansson
    role: Ordförande
    signedAt: "2024-09-18T08:00:00Z"
  - name: Karin Blomdal
    role: Justerare
    signedAt: "2024-09-19T08:00:00Z"
`;
    const dir = writeContent({ [file]: minutes(undefined, "Text.\n", signatures) });
    const warnings = runCheck(["--content", dir]).stdout.split("\n").filter((line) => line.includes("ingen underskrift"));
    expect(warnings).toEqual([
      `${shown(dir, file)}:${at(dir, file, "Karin Blomdahl")} varning: Karin Blomdahl är justerare men har ingen underskrift i signatures: protokollet är justerat först när ordföranden och justerarna har skrivit under; lägg till underskriften eller rätta stavningen så att namnen är lika`,
    ]);
    const unsigned = writeContent({ [file]: minutes(undefined, "Text.\n") });
    expect(runCheck(["--content", unsigned]).stdout).not.toContain("ingen underskrift");
  });
});

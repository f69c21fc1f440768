// What editors may mark beyond plain Markdown, through a real build and `npm run check`: a passage in another language
// ([text]{lang=en}, WCAG 3.1.2), abbreviations (*[FK]: Försäkringskassan) and a wide table in its own scrolling region.
import { describe, expect, it } from "vitest";
import { load } from "cheerio";
import { buildSite, writeContent } from "../../helpers/build.ts";
import { at, runCheck, shown } from "../../helpers/check-cli.ts";
import { T } from "../../../src/site/i18n.ts";

const FILE = "nyheter/2024-03-01-markering.md";
const BODY = `FINSAM-dagen hade temat [*Together we are stronger*]{lang=en}, och FK och AF deltog.

Samiska: [Buorre beaivi]{lang=se}. Fel kod: [hello]{lang=engelska}.

| År | Deltagare | Kostnad |
| --- | ---: | ---: |
| 2024 | 120 | 45 000 |

\`\`\`
[exempel]{lang=fel}
\`\`\`

*[FK]: Försäkringskassan
*[AF]: Arbetsförmedlingen "<script>"
`;

function news(): string {
  return `---
title: Markering
date: 2024-03-01
summary: Text på flera språk.
organisation: blekinge
---

${BODY}`;
}

describe("editors' markup in a built page", () => {
  it("marks languages and abbreviations, puts the table in a named region, and check warns at a bad language code", async () => {
    const dir = writeContent({ [FILE]: news() });
    const site = await buildSite(dir);
    const $ = load(site.read("/nyheter/2024/markering/"));
    const body = $("article.document .body");
    expect(body.find("span[lang]").map((_, span) => `${$(span).attr("lang")}:${$(span).text()}`).get()).toEqual(["en:Together we are stronger", "se:Buorre beaivi"]);
    expect(body.find("span[lang=en] em")).toHaveLength(1);
    // A code that is no language stays as written.
    expect(body.text()).toContain("[hello]{lang=engelska}");
    expect(body.find("abbr").map((_, abbr) => `${$(abbr).text()}=${$(abbr).attr("title")}`).get()).toEqual(["FK=Försäkringskassan", 'AF=Arbetsförmedlingen "<script>"']);
    expect(body.find("script")).toHaveLength(0);
    expect(site.read("/nyheter/2024/markering/")).toContain('title="Arbetsförmedlingen &quot;&lt;script&gt;&quot;"');
    const region = body.find(".table-scroll");
    expect(region.attr("role")).toBe("region");
    expect(region.attr("tabindex")).toBe("0");
    expect(region.attr("aria-label")).toBe(T.table("År, Deltagare, Kostnad"));
    expect(region.find("table td").map((_, td) => $(td).text()).get()).toEqual(["2024", "120", "45 000"]);

    const check = runCheck(["--content", dir]);
    const lines = check.stdout.split("\n").filter((line) => line.includes("lang="));
    expect(lines).toEqual([expect.stringContaining(`${shown(dir, FILE)}:${at(dir, FILE, "{lang=engelska}")} varning: {lang=engelska} anger inget språk`)]);
  });
});

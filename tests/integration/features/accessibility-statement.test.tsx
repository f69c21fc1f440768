// The tillgänglighetsredogörelse: everything the law asks for, from the typed data file, linked from every page.
import { beforeAll, describe, expect, it } from "vitest";
import { load, type CheerioAPI } from "cheerio";
import { renderToStaticMarkup } from "preact-render-to-string";
import { XMLParser } from "fast-xml-parser";
import type { AccessibilityStatement } from "../../../src/content/data-files.ts";
import { T } from "../../../src/site/i18n.ts";
import { AccessibilityStatementBody } from "../../../layouts/components/accessibility-statement.tsx";
import { readSiteData } from "../../../src/content/data-files.ts";
import { listContent } from "../../../src/content/files.ts";
import { buildSite, fixtureDataFiles, fixtureSiteData, writeContent, type BuiltSite } from "../../helpers/build.ts";
import { pagesFixture } from "../pages/fixture.ts";
import { htmlPages, page, texts } from "../pages/html.ts";

const A = T.accessibility;
/** The statement the fixture's data file holds (tests/fixtures/mixed/data/tillganglighet.yml). */
const ACCESSIBILITY_STATEMENT = fixtureSiteData().accessibility;
const PATH = "/tillganglighet/";

function render(statement: AccessibilityStatement): CheerioAPI {
  return load(renderToStaticMarkup(<AccessibilityStatementBody statement={statement} />));
}

/** The text of the section under an h2, up to the next h2. */
function section($: CheerioAPI, heading: string): string {
  const h2 = $("h2").filter((_, element) => $(element).text() === heading);
  expect(h2, heading).toHaveLength(1);
  return h2.nextUntil("h2").text().replace(/\s+/g, " ").trim();
}

let site: BuiltSite;
beforeAll(async () => {
  site = await buildSite(pagesFixture());
});

describe("/tillganglighet/", () => {
  it("is a page with the statement's title in Swedish", () => {
    const $ = page(site, PATH);
    expect($("html").attr("lang")).toBe("sv");
    expect(texts($, "h1")).toEqual(["Tillgänglighetsredogörelse"]);
    expect($("title").text()).toBe("Tillgänglighetsredogörelse – Finsam");
  });

  it("names the organisation and the service", () => {
    const lede = page(site, PATH)("main .lede").text();
    expect(lede).toContain(ACCESSIBILITY_STATEMENT.organisation);
    expect(lede).toContain(ACCESSIBILITY_STATEMENT.service);
  });

  it("states the conformance in the law's words", () => {
    const $ = page(site, PATH);
    expect(section($, A.technical)).toContain(`Den här webbplatsen är ${A.conformanceText[ACCESSIBILITY_STATEMENT.conformance]} om tillgänglighet till digital offentlig service`);
    expect(["helt förenlig med lagen", "delvis förenlig med lagen", "inte förenlig med lagen"]).toContain(A.conformanceText[ACCESSIBILITY_STATEMENT.conformance]);
  });

  it("lists the content that is not accessible, with why", () => {
    const $ = page(site, PATH);
    const listed = section($, A.nonAccessible);
    for (const item of ACCESSIBILITY_STATEMENT.nonAccessible) {
      expect(listed).toContain(item.content);
      expect(listed).toContain(A.reasonHeading[item.reason]);
    }
  });

  it("says how and when it was assessed and updated, with dates written the Swedish way", () => {
    const $ = page(site, PATH);
    const assessment = section($, A.assessment);
    expect(assessment).toContain(ACCESSIBILITY_STATEMENT.assessmentMethod);
    expect(assessment).toContain(`${A.assessedOn} 24 november 2026.`);
    expect(assessment).toContain(`${A.updatedOn} 24 november 2026.`);
    expect($("main .statement-dates time").map((_, time) => $(time).attr("datetime")).get()).toEqual(["2026-11-24", "2026-11-24", "2026-11-24"]);
  });

  it("gives a working way to give feedback and ask for content in another form", () => {
    const $ = page(site, PATH);
    const mail = `mailto:${ACCESSIBILITY_STATEMENT.contactEmail}`;
    expect(section($, A.otherFormat)).toContain(ACCESSIBILITY_STATEMENT.contactEmail);
    expect(section($, A.report)).toContain(ACCESSIBILITY_STATEMENT.contactEmail);
    expect($(`main a[href="${mail}"]`).length).toBeGreaterThanOrEqual(2);
    expect(ACCESSIBILITY_STATEMENT.contactEmail).toMatch(/^[a-z0-9.-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });

  it("links to DIGG's report form", () => {
    const $ = page(site, PATH);
    expect(section($, A.enforcement)).toContain("Digg");
    expect($('main a[href="https://www.digg.se/tdosanmalan"]').text()).toBe(A.enforcementLink);
  });

  it("is linked from the footer of every page", () => {
    const pages = htmlPages(site);
    expect(pages.length).toBeGreaterThan(10);
    for (const sitePath of pages) {
      const link = page(site, sitePath)(`footer a[href="${PATH}"]`);
      expect(link.text(), sitePath).toBe("Tillgänglighetsredogörelse");
    }
  });

  it("is in the sitemap, dated by its last update", () => {
    const parsed = new XMLParser({ isArray: (name) => name === "url", parseTagValue: false }).parse(site.read("/sitemap.xml"));
    const entry = (parsed.urlset.url as { loc: string; lastmod?: string }[]).find((url) => url.loc === `https://finsam.example${PATH}`);
    expect(entry?.lastmod).toBe("2026-11-24");
  });

  it("follows the path prefix", async () => {
    const prefixed = await buildSite(site.options.contentDir, { pathPrefix: "/finsam/" });
    expect(page(prefixed, "/")('footer a[href="/finsam/tillganglighet/"]')).toHaveLength(1);
    expect(prefixed.exists(PATH)).toBe(true);
  });
});

describe("the statement for other findings", () => {
  const base = ACCESSIBILITY_STATEMENT;

  it("says so when nothing is known to be inaccessible, and claims no problems", () => {
    const $ = render({ ...base, conformance: "helt", nonAccessible: [] });
    expect(section($, A.nonAccessible)).toBe(A.nonAccessibleNone);
    expect(section($, A.technical)).toContain("helt förenlig med lagen");
    expect(section($, A.technical)).not.toContain("brister");
    expect(section($, A.howAccessible)).toBe(A.howAccessibleText.helt);
  });

  it("groups findings under the law's three reasons, with criteria and plans", () => {
    const $ = render({
      ...base,
      conformance: "inte",
      nonAccessible: [
        { content: "Bilder saknar text.", reason: "brister", criteria: ["1.1.1", "1.4.5"], plan: "Rättas i mars." },
        { content: "Gamla filmer saknar textning.", reason: "oskälig-börda" },
        { content: "Kartor.", reason: "undantaget" },
      ],
    });
    expect(texts($, "h3")).toEqual([A.reasonHeading.brister, A.reasonHeading["oskälig-börda"], A.reasonHeading.undantaget]);
    expect($("#reason-brister").next("ul").text()).toBe("Bilder saknar text. WCAG-kriterium 1.1.1, 1.4.5. Rättas i mars.");
    expect(section($, A.technical)).toContain("inte förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan");
  });

  it("shows text from the data file as text", () => {
    const $ = render({ ...base, nonAccessible: [{ content: "<script>alert(1)</script> & <b>x</b>", reason: "brister" }] });
    expect($("script, b")).toHaveLength(0);
    expect(section($, A.nonAccessible)).toContain("<script>alert(1)</script> & <b>x</b>");
  });
});

describe("the statement's own facts: its dates, a phone number, the shipped known problems", () => {
  // Dates far from the build's (FIXED_NOW is 24 november 2026), each different, so a build date cannot pass for one.
  function statementTree(extra: string): string {
    const data = fixtureDataFiles();
    const file = "data/tillganglighet.yml";
    const yaml = (data[file] ?? "")
      .replace(/^assessedOn: .*$/m, "assessedOn: 2025-03-10")
      .replace(/^publishedOn: .*$/m, "publishedOn: 2024-01-15")
      .replace(/^updatedOn: .*$/m, "updatedOn: 2025-09-01");
    return writeContent({ ...data, [file]: `${yaml}\n${extra}\n` });
  }

  it("dates the statement from the data file whatever day it is built, and gives the phone beside the e-mail in both places", async () => {
    const dir = statementTree('contactPhone: "0455-30 50 00"');
    const early = await buildSite(dir);
    const later = await buildSite(dir, { now: new Date("2027-05-02T09:00:00Z") });
    for (const built of [early, later]) {
      const $ = page(built, PATH);
      expect($("main .statement-dates time").map((_, time) => $(time).attr("datetime")).get()).toEqual(["2025-03-10", "2024-01-15", "2025-09-01"]);
      expect(section($, A.assessment)).toContain(`${A.updatedOn} 1 september 2025.`);
      const parsed = new XMLParser({ isArray: (name) => name === "url", parseTagValue: false }).parse(built.read("/sitemap.xml"));
      expect((parsed.urlset.url as { loc: string; lastmod?: string }[]).find((url) => url.loc.endsWith(PATH))?.lastmod).toBe("2025-09-01");
      for (const heading of [A.otherFormat, A.report]) {
        expect(section($, heading)).toContain(`${A.email}: ${ACCESSIBILITY_STATEMENT.contactEmail}`);
        expect(section($, heading)).toContain(`${A.phone}: 0455-30 50 00`);
      }
      expect($('main a[href="tel:+46455305000"]').map((_, a) => $(a).text()).get()).toEqual(["0455-30 50 00", "0455-30 50 00"]);
    }
    expect(page(early, PATH)("main").html()).toBe(page(later, PATH)("main").html());
  });

  it("has no phone line without a number, and refuses a number that cannot be dialled, at its line", async () => {
    const $ = page(await buildSite(statementTree("")), PATH);
    expect($('main a[href^="tel:"]')).toHaveLength(0);
    expect(section($, A.report)).not.toContain(A.phone);
    const message = await buildSite(statementTree('contactPhone: "12-34"')).then(
      () => "",
      (error: Error) => error.message,
    );
    expect(message).toMatch(/data\/tillganglighet\.yml:\d+:\d+ fel: fältet "contactPhone" ska vara ett telefonnummer som går att ringa/);
  });

  it("lists the shipped data file's known problems, the signed minutes' PDFs among them", () => {
    const { data } = readSiteData("content", listContent("content").data);
    const statement = data?.accessibility;
    expect(statement).toBeDefined();
    if (!statement) return;
    const $ = render(statement);
    const listed = section($, A.nonAccessible);
    expect(statement.nonAccessible.length).toBeGreaterThanOrEqual(3);
    for (const item of statement.nonAccessible) expect(listed).toContain(item.content);
    expect(listed).toMatch(/PDF/);
  });
});

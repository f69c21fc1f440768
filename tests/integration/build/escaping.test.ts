// Editors' text is text: markup, quotes and ampersands in front matter and body never become HTML.
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, markdownFile, writeContent, type BuiltSite } from "../../helpers/build.ts";
import { TEST_JPEG } from "../../helpers/images.ts";
import { T } from "../../../src/site/i18n.ts";
import { facts, htmlPages, page } from "./html.ts";

const HOSTILE = `<script>alert(1)</script> "dubbla" 'enkla' & &amp; </title><b>fet</b> Ä`;
const TITLE = `Rubrik ${HOSTILE}`;
const SUMMARY = `Ingress ${HOSTILE}`;
const TAG = `Ämne ${HOSTILE}`;
const PERSON = `Person ${HOSTILE}`;
const IMAGE = `/bilder/bild" onerror="alert(1).jpg`;
const IMAGE_ALT = `Bild ${HOSTILE}`;
const URL = "/nyheter/2024/fientlig/";
// Markdown decodes entity references by design ("&amp;" is how an editor writes "&"), so the body leaves them out.
const BODY_HOSTILE = `<script>alert(1)</script> "dubbla" 'enkla' & </title><b>fet</b> Ä`;

let site: BuiltSite;
beforeAll(async () => {
  const content = writeContent({
    // The hostile image path names a real file, so the build accepts it and the test sees how it is escaped.
    [`bilder/${IMAGE.slice("/bilder/".length)}`]: TEST_JPEG,
    "nyheter/2024-01-15-fientlig.md": markdownFile(
      {
        title: TITLE,
        date: "2024-01-15",
        summary: SUMMARY,
        organisation: "nns",
        tags: [TAG],
        authors: [PERSON],
        person: PERSON,
        role: `Roll ${HOSTILE}`,
        change: "börjar",
        image: IMAGE,
        imageAlt: IMAGE_ALT,
      },
      // A javascript: link is refused by check (tests/integration/careless-input.test.ts); the renderer's own refusal is
      // tested in tests/unit/text/markdown.test.ts. Here a safe link stands beside the markup.
      [`Text ${BODY_HOSTILE}`, "", `## Rubrik ${BODY_HOSTILE}`, "", '<iframe src="https://example.se"></iframe>', "", "[länk](https://example.se/)"].join("\n"),
    ),
  });
  site = await buildSite(content);
});

describe("a document full of markup characters", () => {
  it("shows title and summary as the exact text", () => {
    const $ = page(site, URL);
    expect($("h1").text()).toBe(TITLE);
    expect($("article header .lede").text()).toBe(SUMMARY);
    expect($("title")).toHaveLength(1);
    expect($("title").text().startsWith(TITLE)).toBe(true);
  });

  it("holds the exact text in meta attributes", () => {
    const $ = page(site, URL);
    expect($('meta[name="description"]').attr("content")).toBe(SUMMARY);
    expect($('meta[property="og:title"]').attr("content")).toBe(TITLE);
    expect($('meta[property="og:description"]').attr("content")).toBe(SUMMARY);
    expect($('meta[property="og:image:alt"]').attr("content")).toBe(IMAGE_ALT);
  });

  it("shows tag, author and person as text", () => {
    const $ = page(site, URL);
    expect($("ul.tags a").text()).toBe(TAG);
    expect($("ul.tags a").attr("href")).toMatch(/^\/taggar\/[a-z0-9]+(-[a-z0-9]+)*\/$/);
    expect(facts($).get(T.staffing.person)).toBe(PERSON);
    expect($("article header").text()).toContain(PERSON);
  });

  it("keeps the hostile image path out of the markup: the rendition's name is a slug", () => {
    const $ = page(site, URL);
    expect($("img.lead-image").attr("src")).toMatch(/^\/bilder\/bild-onerror-alert-1-[\w-]+-\d+\.jpeg$/);
    expect($("img.lead-image").attr("alt")).toBe(IMAGE_ALT);
    expect($("[onerror]")).toHaveLength(0);
  });

  it("shows raw HTML in the body as text and drops the script link", () => {
    const $ = page(site, URL);
    expect($(".body p").first().text()).toBe(`Text ${BODY_HOSTILE}`);
    expect($(".body h2").text()).toBe(`Rubrik ${BODY_HOSTILE}`);
    expect($(".body iframe")).toHaveLength(0);
    expect($(".body").text()).toContain('<iframe src="https://example.se"></iframe>');
    expect($('.body a[href^="javascript"]')).toHaveLength(0);
  });

  it("adds no element from the text on any page", () => {
    const pages = htmlPages(site);
    expect(pages.map((built) => built.file)).toContain(`${URL}index.html`);
    for (const { file, $ } of pages) {
      // The search page's own external script is the one script the site ships (tests/search/).
      expect($('script:not([src="/assets/search.js"]):not([type="application/ld+json"])'), file).toHaveLength(0);
      // Article pages carry one JSON-LD block; the hostile title stays inside it (tests/integration/features/json-ld.test.ts).
      expect($('script[type="application/ld+json"]').length, file).toBeLessThanOrEqual(1);
      expect($("iframe"), file).toHaveLength(0);
      expect($("b"), file).toHaveLength(0);
      expect($("title"), file).toHaveLength(1);
    }
  });

  it("shows the title as text on the start page", () => {
    const $ = page(site, "/");
    const link = $(`a[href="${URL}"]`).first();
    expect(link.text()).toBe(TITLE);
  });
});

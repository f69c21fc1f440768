// The stylesheet covers the reader features' components: a rule for every class they render, page links as
// large targets marked without colour alone, and nothing navigational on paper.
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import { load } from "cheerio";
import { renderToStaticMarkup } from "preact-render-to-string";
import type { VNode } from "preact";
import { SiteModel } from "../../../src/site-model/model.ts";
import { buildCollections } from "../../../src/site-model/collections.ts";
import type { CalendarEvent } from "../../../src/site-model/calendar.ts";
import { Pagination } from "../../../layouts/components/pagination.tsx";
import { EventList } from "../../../layouts/components/event-list.tsx";
import { AccessibilityStatementBody } from "../../../layouts/components/accessibility-statement.tsx";
import { FIXED_NOW, fixtureSiteData } from "../../helpers/build.ts";

const css = fs.readFileSync("layouts/assets/site.css", "utf8");

const data = fixtureSiteData();
const finsam = new SiteModel(
  { contentDir: "unused", siteUrl: "https://finsam.example", pathPrefix: "/", mode: "production", now: FIXED_NOW },
  buildCollections([], "production", FIXED_NOW, data.organisations),
  FIXED_NOW,
  data,
);

/** The body of the first at-rule or rule block that starts with `opening`, braces balanced. */
function block(opening: string): string {
  const start = css.indexOf(opening);
  expect(start, opening).toBeGreaterThanOrEqual(0);
  let depth = 0;
  for (let index = css.indexOf("{", start); index < css.length; index++) {
    if (css[index] === "{") depth++;
    if (css[index] === "}" && --depth === 0) return css.slice(start, index + 1);
  }
  throw new Error(`unbalanced block after ${opening}`);
}

function hasSelectorFor(className: string): boolean {
  return new RegExp(`\\.${className.replace(/[-]/g, "\\-")}(?![\\w-])`).test(css);
}

function classesOf(vnode: VNode): string[] {
  const $ = load(renderToStaticMarkup(vnode));
  const used = new Set<string>();
  $("[class]").each((_, element) => {
    for (const name of ($(element).attr("class") ?? "").split(/\s+/)) if (name) used.add(name);
  });
  return [...used];
}

const EVENTS: CalendarEvent[] = [
  { uid: "a", title: "Heldag", timing: { allDay: true, firstDay: "2027-02-10", lastDay: "2027-02-11" }, place: "Umeå", organisation: data.organisations.find("nns"), url: "/kalendarium/a/", description: "Text." },
  { uid: "b", title: "Webbinarium", timing: { allDay: false, start: new Date("2027-03-04T08:00:00Z"), end: new Date("2027-03-04T10:30:00Z") }, place: "Digitalt" },
];

describe("site.css for the reader features", () => {
  const components: [string, VNode][] = [
    ["pagination", <Pagination finsam={finsam} page={{ pageNumber: 10, pageCount: 30, pageUrls: Array.from({ length: 30 }, (_, n) => `/x/${n}/`) }} />],
    ["events", <EventList finsam={finsam} events={EVENTS} />],
    ["statement", <AccessibilityStatementBody statement={data.accessibility} />],
  ];

  it.each(components)("has a rule for every class the %s component renders", (_name, vnode) => {
    const classes = classesOf(vnode);
    expect(classes.length).toBeGreaterThan(0);
    expect(classes.filter((name) => !hasSelectorFor(name))).toEqual([]);
  });

  it("makes page links targets of at least 44 px, and marks the current page by more than colour", () => {
    expect(block(".pagination a {")).toMatch(/min-width:\s*2\.75rem/);
    expect(block(".pagination a {")).toMatch(/min-height:\s*2\.75rem/);
    expect(block('.pagination a[aria-current="page"] {')).toMatch(/font-weight:\s*700/);
    expect(block("@media (forced-colors: active)")).toMatch(/\.pagination a\[aria-current="page"\]\s*\{[^}]*border-width/);
  });

  it("uses the colour variables, so dark mode covers the new components", () => {
    for (const selector of [".pagination a {", '.pagination a[aria-current="page"] {', ".subscribe {", ".pagination-gap {"]) {
      expect(block(selector), selector).not.toMatch(/#[0-9a-f]{3,6}\b/i);
    }
  });

  it("leaves page links and related documents off paper", () => {
    const print = block("@media print");
    const hidden = /([^{}]+)\{\s*display:\s*none\s*!important;?\s*\}/.exec(print)?.[1] ?? "";
    const selectors = hidden.split(",").map((selector) => selector.trim());
    expect(selectors).toEqual(expect.arrayContaining([".pagination", ".related", ".neighbours", ".skip-link"]));
  });
});

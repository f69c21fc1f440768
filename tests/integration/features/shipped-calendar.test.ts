// The kalendarium of the shipped content, built from content/evenemang/, against what the same content built when its
// events were a TypeScript constant (src/site/data/events.ts, before issue 12): the same events with the same UIDs,
// times, places and descriptions, so no subscriber's calendar sees a duplicate. What differs is wanted: each
// event now has a page of its own, which the .ics gives as URL and the kalendarium links from the title.
import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, type BuiltSite } from "../../helpers/build.ts";

const BEFORE = "tests/fixtures/kalendarium/before-evenemang";

/** The calendar without what changes on every build (DTSTAMP) and the event pages' URLs, which are new. */
function comparable(ics: string): string {
  return ics
    .split("\r\n")
    .filter((line) => !line.startsWith("DTSTAMP:") && !line.startsWith("URL:https://finsam.se/kalendarium/"))
    .join("\r\n");
}

describe("the shipped content's kalendarium", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite("content", { siteUrl: "https://finsam.se" });
  });

  it("/kalendarium.ics holds the same events as before, apart from DTSTAMP and the event pages' URLs", () => {
    const ics = site.read("/kalendarium.ics");
    expect(comparable(ics)).toBe(comparable(fs.readFileSync(`${BEFORE}.ics`, "utf8")));
    for (const key of ["nns-natverkstraff-februari-2027", "webbinarium-uppfoljning-sus-mars-2027", "samverkansdag-blekinge-april-2027", "forbundschefsdagar-oktober-2027"]) {
      expect(ics).toContain(`UID:tag:finsam.se\\,2026:kalendarium/${key}\r\n`);
      expect(ics).toContain(`URL:https://finsam.se/kalendarium/${key}/\r\n`);
      expect(site.exists(`/kalendarium/${key}/`)).toBe(true);
    }
  });

  it("/kalendarium/ shows the same text as before, with each title now linking to its event's page", () => {
    const html = site.read("/kalendarium/");
    const main = /<main.*<\/main>/s.exec(html)?.[0] ?? "";
    const unlinked = main.replace(/<a href="\/kalendarium\/[a-z0-9-]+\/">([^<]*)<\/a>/g, "$1");
    expect(main).not.toBe(unlinked);
    expect(`${unlinked}\n`).toBe(fs.readFileSync(`${BEFORE}.html`, "utf8"));
  });
});

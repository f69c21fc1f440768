// The machine's time zone (a CI runner in California, a laptop in New Zealand) never moves a Swedish day.
import { afterEach, describe, expect, it } from "vitest";
import { buildSite, markdownFile, writeContent } from "../../helpers/build.ts";
import { T } from "../../../src/site/i18n.ts";
import { facts, page } from "./html.ts";

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

function content(): string {
  // A fresh tree per build, so no cached document carries over from the other zone.
  return writeContent({
    "nyheter/2019-10-22-en-dag-i-oktober.md": markdownFile({ title: "En dag i oktober", date: "2019-10-22", summary: "S.", organisation: "nns" }),
    "nyheter/2020-01-01-nyarsdagen.md": markdownFile({ title: "Nyårsdagen", date: "2020-01-01", summary: "S.", organisation: "nns" }),
    "konferenser/2019-10-24-dagarna.md": markdownFile({
      title: "Dagarna",
      date: "2019-10-24",
      summary: "S.",
      organisation: "nns",
      event: "Förbundschefsdagar",
      startDate: "2019-10-22",
      endDate: "2019-10-23",
      place: "Saltsjöbaden",
    }),
  });
}

describe.each(["America/Los_Angeles", "Pacific/Auckland"])("a build under TZ=%s", (zone) => {
  it("shows the Swedish days and years", async () => {
    process.env.TZ = zone;
    const expectedOffset = zone === "America/Los_Angeles" ? 420 : -780;
    expect(new Date(Date.UTC(2019, 9, 22, 12)).getTimezoneOffset(), "the zone change took effect").toBe(expectedOffset);

    const site = await buildSite(content());

    const news = page(site, "/nyheter/2019/en-dag-i-oktober/");
    const published = news("article header time").first();
    expect(published.text()).toBe("22 oktober 2019");
    expect(published.attr("datetime")).toBe("2019-10-22");

    // New Year's Day belongs to 2020 whatever the zone: the year is in the URL.
    expect(site.exists("/nyheter/2020/nyarsdagen/")).toBe(true);
    expect(page(site, "/nyheter/2020/nyarsdagen/")("article header time").first().text()).toBe("1 januari 2020");

    const conference = page(site, "/konferenser/2019/dagarna/");
    expect(facts(conference).get(T.conference.when)).toBe("22–23 oktober 2019");
  });
});

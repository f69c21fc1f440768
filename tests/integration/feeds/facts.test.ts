// A feed entry carries what the document's page says below its heading: the type's facts before the body and what
// follows it (the minutes' § list with decisions, the signatures), with absolute links and no page chrome; a long
// body is cut, the facts never; editors' text in the facts stays text. Read from real builds with feed parsers
// (feedsmith over fast-xml-parser, JSON.parse) and the content with an HTML parser (cheerio).
import { describe, expect, it } from "vitest";
import { load, type CheerioAPI } from "cheerio";
import { T } from "../../../src/site/i18n.ts";
import { formatDateRange, formatLongDate } from "../../../src/text/dates.ts";
import { FEED_CONTENT_LIMIT } from "../../../src/outputs/feeds/cut.ts";
import { buildSite, markdownFile, writeContent, type BuiltSite } from "../../helpers/build.ts";
import { readAtom, readJsonFeed } from "./feed-helpers.ts";

const ORIGIN = "https://finsam.example";

interface Names {
  chair: string;
  place: string;
  decision: string;
  heading: string;
  signer: string;
  speaker: string;
  affiliation: string;
  person: string;
  role: string;
  sender: string;
  recipient: string;
  author: string;
}

const PLAIN: Names = {
  chair: "Ingrid Hermansson",
  place: "Bubbetorps Gård, Karlskrona",
  decision: "Styrelsen godkände dagordningen.",
  heading: "Förslag till dagordning",
  signer: "Karin Blomdahl",
  speaker: "Malin Lundblad",
  affiliation: "Försäkringskassan",
  person: "Magnus Simonsson",
  role: "nationell stödperson",
  sender: "Jonas Wells",
  recipient: "Styrelsen i Norra Västmanland",
  author: "Per Liljebäck",
};

// What an editor (or a paste) can put in a fact that would be markup if it were not escaped.
const HOSTILE = `<script>alert("x")</script> & <b>fet</b> "citat" ]]> <img src=x onerror=alert(1)>`;
const hostile = (label: string) => `${label} ${HOSTILE}`;
const HOSTILE_NAMES = Object.fromEntries(Object.keys(PLAIN).map((key) => [key, hostile(key)])) as unknown as Names;

/** One document of each type, with every fact the feeds must carry; the minutes' body can be made long. */
function content(names: Names, minutesBody = "Protokollets text.\n\n## §2\n\nDiskussionen under paragrafen."): string {
  return writeContent({
    "filer/protokoll-2023-05-08.pdf": "%PDF-1.4\n%%EOF\n",
    "protokoll/2023-06-08-styrelsemote.md": markdownFile(
      {
        title: "Protokoll styrelsemöte 8 maj 2023",
        date: "2023-06-08",
        summary: "Styrelsens möte.",
        organisation: "blekinge",
        meetingDate: "2023-05-08",
        startTime: "08.30",
        endTime: "12.00",
        place: names.place,
        chair: names.chair,
        adjusters: [names.signer],
        secretary: "Magnus von Schenck",
        signedOriginal: "/filer/protokoll-2023-05-08.pdf",
        agenda: [
          { section: 1, heading: "Mötets öppnande" },
          { section: 2, heading: names.heading, decision: names.decision },
        ],
        signatures: [
          { name: "Magnus von Schenck", role: "Sekreterare", signedAt: "2023-06-08T07:58:34Z" },
          { name: names.signer, role: "Justerare", signedAt: "2023-06-08T09:24:35Z" },
        ],
      },
      minutesBody,
    ),
    "konferenser/2019-10-24-forbundschefsdagar.md": markdownFile({
      title: "Förbundschefsdagar",
      date: "2019-10-24",
      summary: "Två dagar i Saltsjöbaden.",
      organisation: "nationella-radet",
      event: "Förbundschefsdagar",
      startDate: "2019-10-22",
      endDate: "2019-10-23",
      place: "Saltsjöbaden",
      speakers: [
        { name: names.speaker, affiliation: names.affiliation },
        { name: "Gunnar Sundquist", affiliation: "SKR" },
      ],
    }),
    "nyheter/2022-03-03-magnus-slutar.md": markdownFile({
      title: "Magnus slutar",
      date: "2022-03-03",
      summary: "Magnus slutar som nationell stödperson.",
      organisation: "nationella-radet",
      person: names.person,
      role: names.role,
      change: "slutar",
      effectiveDate: "2022-04-01",
    }),
    "brev/2014-01-25-brev-till-styrelsen.md": markdownFile({
      title: "Brev till styrelsen",
      date: "2014-01-25",
      summary: "Ett brev.",
      organisation: "norra-vastmanland",
      sender: names.sender,
      senderRole: "Samordnare",
      senderOrganisation: "norra-vastmanland",
      recipient: names.recipient,
      letterDate: "2014-01-25",
    }),
    "minnen/2020-06-01-fjorton-ar.md": markdownFile({
      title: "Fjorton år",
      date: "2020-06-01",
      summary: "Tillbakablick.",
      organisation: "alv-och-kust",
      author: names.author,
      yearFrom: 2006,
      yearTo: 2020,
    }),
  });
}

const FEEDS = {
  minutes: { title: "Protokoll styrelsemöte 8 maj 2023", feeds: ["/feed.xml", "/feed.json", "/protokoll/feed.xml", "/protokoll/feed.json", "/organisationer/blekinge/feed.xml", "/organisationer/blekinge/feed.json"] },
  conference: { title: "Förbundschefsdagar", feeds: ["/feed.xml", "/feed.json", "/konferenser/feed.xml", "/konferenser/feed.json"] },
  staffing: { title: "Magnus slutar", feeds: ["/feed.xml", "/feed.json", "/nyheter/feed.xml", "/organisationer/nationella-radet/feed.json"] },
  letter: { title: "Brev till styrelsen", feeds: ["/feed.xml", "/feed.json", "/brev/feed.json"] },
  memoir: { title: "Fjorton år", feeds: ["/feed.xml", "/feed.json", "/minnen/feed.xml", "/organisationer/alv-och-kust/feed.xml"] },
} as const;

/** The content HTML of the entry titled `title` in a built feed, read by the feed parser for its format. */
function entryHtml(site: BuiltSite, feedPath: string, title: string): string {
  if (feedPath.endsWith(".json")) {
    const item = readJsonFeed(site, feedPath).items.find((candidate) => candidate.title === title);
    expect(item, `${feedPath}: ${title}`).toBeDefined();
    return item?.content_html ?? "";
  }
  const entry = (readAtom(site, feedPath).entries ?? []).find((candidate) => candidate.title?.value === title);
  expect(entry, `${feedPath}: ${title}`).toBeDefined();
  expect(entry?.content?.type).toBe("html");
  return entry?.content?.value ?? "";
}

/** The site path of the page of the entry titled `title`, from its link in the site's JSON Feed. */
function pagePath(site: BuiltSite, title: string): string {
  const url = readJsonFeed(site, "/feed.json").items.find((item) => item.title === title)?.url ?? "";
  expect(url.startsWith(`${ORIGIN}/`), title).toBe(true);
  return url.slice(ORIGIN.length);
}

/** Every label of a description list with its value's text, as a reader sees them. */
function facts($: CheerioAPI): Record<string, string> {
  const found: Record<string, string> = {};
  $("dt").each((_, dt) => {
    found[$(dt).text().trim()] = $(dt).next("dd").text().replace(/\s+/g, " ").trim();
  });
  return found;
}

function expectNoChrome($: CheerioAPI, where: string): void {
  // What only the page has: its frame, its scripts and styles, its heading, and the reading time minutes never show.
  expect($("html, head, body, header, nav, footer, main, form, script, style, h1, link, meta").length, where).toBe(0);
  expect($.root().text(), where).not.toContain("Lästid");
  for (const url of [...$("[href]").map((_, element) => $(element).attr("href")).get(), ...$("[src]").map((_, element) => $(element).attr("src")).get()]) {
    expect(url, where).toMatch(/^https?:\/\//);
  }
}

describe("facts in feed entries", async () => {
  const site = await buildSite(content(PLAIN));

  it.each(FEEDS.minutes.feeds)("minutes in %s: meeting date, chair, § with decision, signatures and the signed original", (feedPath) => {
    const $ = load(entryHtml(site, feedPath, FEEDS.minutes.title), null, false);
    expectNoChrome($, feedPath);
    const shown = facts($);
    expect(shown[T.minutes.date]).toBe(formatLongDate(new Date("2023-05-08T00:00:00Z")));
    expect(shown[T.minutes.chair]).toBe(PLAIN.chair);
    expect(shown[T.minutes.place]).toBe(PLAIN.place);
    expect(shown[T.minutes.adjusters]).toBe(PLAIN.signer);
    // The § list: each § with its heading, the decision where one is recorded.
    const text = $.root().text().replace(/\s+/g, " ");
    expect(text).toContain(`§1 Mötets öppnande`);
    expect(text).toContain(`§2 ${PLAIN.heading}`);
    expect(text).toContain(`${T.minutes.decision}: ${PLAIN.decision}`);
    expect(text.match(new RegExp(`${T.minutes.decision}:`, "g"))).toHaveLength(1);
    // Signatures with names and roles, after the body.
    expect(text).toContain(T.minutes.signatures);
    expect(text).toContain(`${PLAIN.signer}, justerare`);
    expect(text).toContain("Magnus von Schenck, sekreterare");
    expect(text.indexOf("Protokollets text.")).toBeLessThan(text.lastIndexOf(PLAIN.signer));
    expect(text.indexOf(PLAIN.chair)).toBeLessThan(text.indexOf("Protokollets text."));
    // A § heading in the body puts its discussion under that § in the entry too, as on the page.
    expect(text.indexOf(`§2 ${PLAIN.heading}`)).toBeLessThan(text.indexOf("Diskussionen under paragrafen."));
    expect(text.indexOf("§1 Mötets öppnande")).toBeLessThan(text.indexOf(`§2 ${PLAIN.heading}`));
    expect($(`a[href="${ORIGIN}/filer/protokoll-2023-05-08.pdf"]`).text()).toBe(T.minutes.signedOriginal);
  });

  it.each(FEEDS.conference.feeds)("conference in %s: dates, place and speakers one per item", (feedPath) => {
    const $ = load(entryHtml(site, feedPath, FEEDS.conference.title), null, false);
    expectNoChrome($, feedPath);
    const shown = facts($);
    expect(shown[T.conference.when]).toBe(formatDateRange(new Date("2019-10-22T00:00:00Z"), new Date("2019-10-23T00:00:00Z")));
    expect(shown[T.conference.place]).toBe("Saltsjöbaden");
    expect($("dd li").map((_, li) => $(li).text().trim()).get()).toEqual([`${PLAIN.speaker}, ${PLAIN.affiliation}`, "Gunnar Sundquist, SKR"]);
  });

  it.each(FEEDS.staffing.feeds)("staffing change in %s: person, role, change and date", (feedPath) => {
    const $ = load(entryHtml(site, feedPath, FEEDS.staffing.title), null, false);
    expectNoChrome($, feedPath);
    expect(facts($)).toMatchObject({
      [T.staffing.person]: PLAIN.person,
      [T.staffing.role]: PLAIN.role,
      [T.staffing.change]: T.staffing.changeText.slutar,
      [T.staffing.effective]: formatLongDate(new Date("2022-04-01T00:00:00Z")),
    });
  });

  it.each(FEEDS.letter.feeds)("letter in %s: sender and recipient", (feedPath) => {
    const $ = load(entryHtml(site, feedPath, FEEDS.letter.title), null, false);
    expectNoChrome($, feedPath);
    const shown = facts($);
    expect(shown[T.letter.sender]).toMatch(new RegExp(`^${PLAIN.sender}, samordnare, `));
    expect(shown[T.letter.recipient]).toBe(PLAIN.recipient);
  });

  it.each(FEEDS.memoir.feeds)("memoir in %s: author and years", (feedPath) => {
    const $ = load(entryHtml(site, feedPath, FEEDS.memoir.title), null, false);
    expectNoChrome($, feedPath);
    expect(facts($)).toMatchObject({ [T.memoir.author]: PLAIN.author, [T.memoir.years]: "2006–2020" });
  });

  it("shows the same facts as the document's page, and the same in Atom and JSON Feed", () => {
    for (const { title } of Object.values(FEEDS)) {
      const atom = entryHtml(site, "/feed.xml", title);
      expect(entryHtml(site, "/feed.json", title)).toBe(atom);
      const onPage = facts(load(site.read(pagePath(site, title))));
      const inFeed = facts(load(atom, null, false));
      expect(Object.keys(inFeed).length, title).toBeGreaterThanOrEqual(2);
      for (const [label, value] of Object.entries(inFeed)) expect(onPage[label], `${title}: ${label}`).toBe(value);
    }
  });
});

describe("a long minutes body in a feed", async () => {
  const paragraphs = Array.from({ length: 1200 }, (_, index) => `Stycke ${index + 1} av diskussionen, där styrelsen resonerade om samverkan i länet och om vad som ska följas upp.`);
  const site = await buildSite(content(PLAIN, paragraphs.join("\n\n")));

  it.each(["/feed.xml", "/protokoll/feed.json"])("%s cuts the body only: facts, § list and signatures stay whole", (feedPath) => {
    const html = entryHtml(site, feedPath, FEEDS.minutes.title);
    expect(Buffer.byteLength(paragraphs.join(""))).toBeGreaterThan(1.2 * FEED_CONTENT_LIMIT);
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(FEED_CONTENT_LIMIT);
    const $ = load(html, null, false);
    expect(facts($)[T.minutes.chair]).toBe(PLAIN.chair);
    const text = $.root().text();
    expect(text).toContain(`${T.minutes.decision}: ${PLAIN.decision}`);
    expect(text).toContain("Stycke 1 av diskussionen");
    expect(text).not.toContain("Stycke 1200 av diskussionen");
    // The link to the whole text ends the body, and the signatures still follow it.
    const readOn = $(`a[href="${ORIGIN}${pagePath(site, FEEDS.minutes.title)}"]`);
    expect(readOn.text()).toBe(T.feedReadWhole);
    expect(text.indexOf(T.feedReadWhole)).toBeLessThan(text.indexOf(`${PLAIN.signer}, justerare`));
    expect($(`a[href="${ORIGIN}/filer/protokoll-2023-05-08.pdf"]`)).toHaveLength(1);
  });
});

/** The facts of each document, by the names they are written with. */
const FACTS_OF: Record<keyof typeof FEEDS, (keyof Names)[]> = {
  minutes: ["chair", "place", "decision", "heading", "signer"],
  conference: ["speaker", "affiliation"],
  staffing: ["person", "role"],
  letter: ["sender", "recipient"],
  memoir: ["author"],
};

describe("editors' text in the facts", async () => {
  const site = await buildSite(content(HOSTILE_NAMES));
  const everyFeed = [...new Set(Object.values(FEEDS).flatMap((document) => document.feeds))];

  it.each(everyFeed)("%s keeps every hostile fact as the text the editor wrote", (feedPath) => {
    let checked = 0;
    for (const [key, document] of Object.entries(FEEDS) as [keyof typeof FEEDS, (typeof FEEDS)[keyof typeof FEEDS]][]) {
      if (!(document.feeds as readonly string[]).includes(feedPath)) continue;
      const $ = load(entryHtml(site, feedPath, document.title), null, false);
      expect($("script, b, img, [onerror]").length, `${feedPath}: ${document.title}`).toBe(0);
      const text = $.root().text();
      for (const name of FACTS_OF[key]) expect(text, `${feedPath}: ${name}`).toContain(hostile(name));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(0);
  });
});

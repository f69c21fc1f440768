// What issue 14 asked of search, on real builds searched with the site's own modules (tests/helpers/search.ts): the
// facts of each type are searchable (people, places, § headings and decisions, event names, with events in the index
// at their page's URL), a word written as the document writes it ranks above a stem-only match, each result has an
// excerpt of its text around the matched words, fetched only for the results shown, and the filters by type,
// organisation and year let through exactly the documents they name.
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, markdownFile, writeContent, type BuiltSite } from "../../helpers/build.ts";
import fs from "node:fs";
import path from "node:path";
import { stemmer } from "@orama/stemmers/swedish";
import { search } from "../../helpers/search.ts";
import { EXCERPT_BLOCKS, SearchIndex, excerptBlockSize, textFile } from "../../../src/outputs/search/browser/search-engine.js";

const MINUTES = "/protokoll/2023/protokoll-styrelsemote-8-maj-2023/";
const MEMOIR = "/minnen/2020/14-ar-med-samordningsforbundet-alv-och-kust/";

async function urls(site: BuiltSite, query: string, filters = {}): Promise<string[]> {
  return (await search(site, query, { prefix: false, filters })).map((hit) => hit.url);
}

describe("the shipped content", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite("content");
  }, 120_000);

  it("finds the chair and the meeting place of the minutes, which only its facts name", async () => {
    expect(await urls(site, "Hermansson")).toContain(MINUTES);
    expect(await urls(site, "Bubbetorps")).toEqual([MINUTES]);
    // The page shows the place among its facts: a reader who read it there can find the page again.
    expect(site.read(MINUTES)).toContain("Bubbetorps");
  });

  it("finds a § heading's word, the minutes first; while typing 'kreativ', both it and the memoir's 'kreativa'", async () => {
    expect((await urls(site, "Kreativum"))[0]).toBe(MINUTES);
    const typing = await search(site, "kreativ");
    expect(typing.map((hit) => hit.url)).toEqual(expect.arrayContaining([MINUTES, MEMOIR]));
  });

  it("finds calendar events by name, at their own page's URL", async () => {
    const hits = await search(site, "Nätverksträff");
    expect(hits.map((hit) => hit.url)).toContain("/kalendarium/nns-natverkstraff-februari-2027/");
    const event = hits.find((hit) => hit.url === "/kalendarium/nns-natverkstraff-februari-2027/")!;
    expect(event.type).toBe("Evenemang");
    expect(event.date).toBe("10 februari 2027");
    expect(site.exists("/kalendarium/nns-natverkstraff-februari-2027/")).toBe(true);
  });

  it("finds a conference's speaker, a staffing change's person and a letter's recipient", async () => {
    expect(await urls(site, "Furumarker")).toEqual(["/konferenser/2019/forbundschefsdagar-22-23-oktober-2019/"]);
    expect(await urls(site, "Simonsson")).toContain("/nyheter/2022/magnus-slutar-som-nationell-stodperson/");
    expect(await urls(site, "Västmanlands")).toContain("/brev/2014/brev-till-styrelsen-2014-01-25/");
  });

  it("explains a match in the facts with an excerpt that marks it", async () => {
    const [hit] = await search(site, "Bubbetorps");
    expect(hit!.excerpt).toContain("<mark>Bubbetorps</mark>");
    expect(hit!.excerpt).toContain("Plats:");
  });
});

/** A paragraph of filler words (none of them searched for below), `n` words long. */
function filler(n: number): string {
  return Array.from({ length: n }, (_, at) => ["lorem", "ipsum", "dolor", "amet"][at % 4]).join(" ");
}

describe("a fixture", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    const common = { summary: "En ingress.", tags: [] as string[] };
    site = await buildSite(
      writeContent({
        // Facts only: the body says nothing of them.
        "protokoll/2024-06-08-protokoll-juni.md": markdownFile({
          ...common,
          title: "Protokoll juni",
          date: "2024-06-08",
          organisation: "blekinge",
          meetingDate: "2024-05-08",
          startTime: "08.30",
          endTime: "12.00",
          place: "Ronnebygården",
          chair: "Ingrid Ordförandesson",
          adjusters: ["Karin Justerasson"],
          secretary: "Magnus Sekreterarsson",
          agenda: [{ section: 3, heading: "Rubriken Paragrafhuvud", decision: "Styrelsen beslutade Beslutsordet." }],
          signatures: [{ name: "Sigrid Signatursson", role: "Ordförande", signedAt: "2024-06-08T10:00:00Z" }],
        }),
        "konferenser/2024-10-24-host.md": markdownFile({
          ...common,
          title: "Höstkonferens",
          date: "2024-10-24",
          organisation: "nationella-radet",
          event: "Evenemangsnamnkonferensen",
          startDate: "2024-10-22",
          endDate: "2024-10-23",
          place: "Saltsjöbaden",
          speakers: [{ name: "Talarsson Talare", affiliation: "Talarorganisationen" }],
        }),
        "nyheter/2025-02-10-ny.md": markdownFile({ ...common, title: "Ny person", date: "2025-02-10", organisation: "blekinge", person: "Personsson Nyanställd", role: "samordnare", change: "börjar" }),
        "brev/2014-01-25-brev.md": markdownFile({
          ...common,
          title: "Ett brev",
          date: "2014-01-25",
          organisation: "norra-vastmanland",
          sender: "Avsändarsson",
          senderRole: "Samordnare",
          senderOrganisation: "norra-vastmanland",
          recipient: "Mottagarstyrelsen",
          letterDate: "2014-01-25",
        }),
        "evenemang/traff.md": markdownFile({ title: "Evenemangsträffen", start: "2027-02-10", end: "2027-02-10", place: "Evenemangsorten", organisation: "nns" }, "Om träffen."),
        // Ranking: "förbundens" written often in one, "förbunden" once in the other (same stem).
        "nyheter/2025-03-01-manga.md": markdownFile({ ...common, title: "Många former", date: "2025-03-01", organisation: "blekinge" }, "förbundens förbundens förbundens förbundens förbundens"),
        "nyheter/2024-03-01-en.md": markdownFile({ ...common, title: "En form", date: "2024-03-01", organisation: "alv-och-kust" }, "Om förbunden i länet."),
        // Excerpts: the word deep in the body, in the second block; another one past the last block.
        "nyheter/2023-03-01-lang.md": markdownFile(
          { ...common, title: "Lång text", date: "2023-03-01", organisation: "nationella-radet" },
          `${filler(400)}\n\nHär står djupordet <script>alert(1)</script> & "citat" mitt i.\n\n${filler(2400)} bortomordet`,
        ),
      }),
    );
  }, 120_000);

  it.each([
    ["chair", "Ordförandesson", "/protokoll/2024/protokoll-juni/"],
    ["adjuster", "Justerasson", "/protokoll/2024/protokoll-juni/"],
    ["secretary", "Sekreterarsson", "/protokoll/2024/protokoll-juni/"],
    ["signature", "Signatursson", "/protokoll/2024/protokoll-juni/"],
    ["meeting place", "Ronnebygården", "/protokoll/2024/protokoll-juni/"],
    ["§ heading", "Paragrafhuvud", "/protokoll/2024/protokoll-juni/"],
    ["decision", "Beslutsordet", "/protokoll/2024/protokoll-juni/"],
    ["conference's event name", "Evenemangsnamnkonferensen", "/konferenser/2024/host/"],
    ["speaker", "Talarsson", "/konferenser/2024/host/"],
    ["speaker's organisation", "Talarorganisationen", "/konferenser/2024/host/"],
    ["staffing change's person", "Nyanställd", "/nyheter/2025/ny/"],
    ["letter's sender", "Avsändarsson", "/brev/2014/brev/"],
    ["letter's recipient", "Mottagarstyrelsen", "/brev/2014/brev/"],
    ["event's name", "Evenemangsträffen", "/kalendarium/traff/"],
    ["event's place", "Evenemangsorten", "/kalendarium/traff/"],
  ])("finds the %s", async (_, word, url) => {
    expect(await urls(site, word)).toEqual([url]);
  });

  it("searches the facts' values, not their labels: 'Plats' or 'Ordförande' alone find no document by its label", async () => {
    expect(await urls(site, "plats")).toEqual([]);
    expect(await urls(site, "sekreterare")).toEqual([]);
    // The signature's role is a value, though: the minutes' signer is "Ordförande".
    expect(await urls(site, "ordförande")).toEqual(["/protokoll/2024/protokoll-juni/"]);
  });

  it("ranks the document that writes the word as typed above one with the same stem only, whatever the weights", async () => {
    const exact = await search(site, "förbunden", { prefix: false });
    expect(exact.map((hit) => [hit.url, hit.exact])).toEqual([
      ["/nyheter/2024/en/", 1],
      ["/nyheter/2025/manga/", 0],
    ]);
    const other = await search(site, "förbundens", { prefix: false });
    expect(other.map((hit) => [hit.url, hit.exact])).toEqual([
      ["/nyheter/2025/manga/", 1],
      ["/nyheter/2024/en/", 0],
    ]);
  });

  it("gives an excerpt around a word deep in the body, marked, cut with '…', the editor's text as it is", async () => {
    const [hit] = await search(site, "djupordet");
    expect(hit!.excerpt).toMatch(/^… .*<mark>djupordet<\/mark> <script>alert\(1\)<\/script> & "citat" mitt i\. .* …$/);
    expect(hit!.excerpt.replace(/<\/?mark>/g, "").length).toBeLessThan(260);
    // A word past the excerpt text's last block is still found; the result shows its summary instead.
    const [beyond] = await search(site, "bortomordet");
    expect(beyond!.url).toBe("/nyheter/2023/lang/");
    expect(beyond!.excerpt).toBe("");
  });

  it("fetches excerpt text only for the results shown, block by block until a block has a matched word", async () => {
    // A fresh engine, as on a newly opened page: nothing fetched yet.
    const fetched: string[] = [];
    const engine = new SearchIndex("http://finsam.test/sok/index/", stemmer, async (url) => {
      const name = new URL(url).pathname.split("/").at(-1)!;
      fetched.push(name);
      return JSON.parse(fs.readFileSync(path.join(site.outDir, "sok", "index", name), "utf8"));
    });
    const texts = () => fetched.filter((name) => name.startsWith("x"));
    // A word of the summary: the first block only, whether or not it has an excerpt.
    const inSummary = await engine.search("ingress", { filters: { typ: "nyhet", ar: "2023" } });
    expect(texts()).toEqual([]);
    const [long] = await engine.documents(inSummary.ids, inSummary.matches);
    expect(texts()).toEqual([textFile(long!.text, 0)]);
    // A word of the body's second block: the first (fetched once, above), then the second.
    const found = await engine.search("djupordet");
    const [document] = await engine.documents(found.ids, found.matches);
    expect(document!.id).toBe(long!.id);
    expect(texts()).toEqual([textFile(document!.text, 0), textFile(document!.text, 1)]);
    expect(document!.blocks).toBe(EXCERPT_BLOCKS);
    // A short first block, then the rest in one: a long text in two files.
    const lengths = Array.from({ length: EXCERPT_BLOCKS }, (_, block) => (JSON.parse(site.read(`/sok/index/${textFile(document!.text, block)}`)) as string).length);
    lengths.forEach((length, block) => {
      expect(length).toBeLessThanOrEqual(excerptBlockSize(block));
      expect(length).toBeGreaterThan(excerptBlockSize(block) * 0.8);
    });
    // The summary only, without matches: no text fetched at all.
    fetched.length = 0;
    await engine.documents((await engine.search("Evenemangsträffen")).ids);
    expect(texts()).toEqual([]);
  });

  it("filters by type, organisation and year: exactly the documents named, and nothing for an unknown value", async () => {
    // "ingress" is in every article's summary.
    const all = await search(site, "ingress", { prefix: false });
    expect(all.length).toBe(7);
    expect(await urls(site, "ingress", { typ: "nyhet" })).toEqual(all.filter((hit) => hit.type === "Nyhet").map((hit) => hit.url));
    expect(await urls(site, "ingress", { organisation: "blekinge" })).toEqual(["/nyheter/2025/manga/", "/nyheter/2025/ny/", "/protokoll/2024/protokoll-juni/"]);
    expect(await urls(site, "ingress", { ar: "2024" })).toEqual(all.filter((hit) => hit.date.endsWith("2024")).map((hit) => hit.url));
    expect(await urls(site, "ingress", { typ: "nyhet", organisation: "blekinge", ar: "2025" })).toEqual(["/nyheter/2025/manga/", "/nyheter/2025/ny/"]);
    expect(await urls(site, "ingress", { typ: "okänd" })).toEqual([]);
    expect(await urls(site, "ingress", { ar: "1999" })).toEqual([]);
    expect(await urls(site, "Evenemangsträffen", { typ: "evenemang", organisation: "nns", ar: "2027" })).toEqual(["/kalendarium/traff/"]);
  });
});

// Documents in, pages and entries out: every published document becomes exactly one article page, one entry in
// the site feed (newest FEED_ENTRY_LIMIT), one in its type's feed and one sitemap URL; drafts and scheduled
// documents appear nowhere. Expected URLs come from the file names, not from the code under test.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { load } from "cheerio";
import { XMLParser } from "fast-xml-parser";
import { stringify } from "yaml";
import { writeCorpus } from "../../../bench/corpus.ts";
import { ARTICLE_KEYS, DOCUMENT_TYPES, type ArticleKey } from "../../../src/content/types.ts";
import { FEED_ENTRY_LIMIT } from "../../../src/outputs/feeds/feeds.ts";
import { FIXED_NOW, buildSite, type BuiltSite } from "../../helpers/build.ts";
import { linkHref, readAtom, readJsonFeed } from "../feeds/feed-helpers.ts";
import { validFrontMatter } from "../../property/arbitraries.ts";

const ORIGIN = "https://finsam.example";
// More than the feed's limit, so the limit is exercised; fewer than it per type, so every type feed is whole.
const PUBLISHED = 60;
const HIDDEN_MARK = "Dolt-dokument";

interface Expected {
  url: string;
  type: ArticleKey;
  day: string;
}

let content: string;
let site: BuiltSite;
let published: Expected[];
const hidden: { url: string; marker: string }[] = [];

/** "nyheter/2019-03-04-rad-och-mote.md" → its page "/nyheter/2019/rad-och-mote/", read off the file name. */
function expectedFrom(relative: string): Expected {
  const [folder, name] = relative.split(path.sep) as [string, string];
  const match = /^(\d{4})-(\d{2})-(\d{2})-(.+)\.md$/.exec(name);
  if (!match) throw new Error(`unexpected corpus file name ${relative}`);
  const type = ARTICLE_KEYS.find((key) => DOCUMENT_TYPES[key].folder === folder) as ArticleKey;
  return { url: `/${folder}/${match[1]}/${match[4]}/`, type, day: `${match[1]}-${match[2]}-${match[3]}` };
}

function writeHidden(kind: "utkast" | "schemalagt", index: number): void {
  const type = ARTICLE_KEYS[index % ARTICLE_KEYS.length] as ArticleKey;
  const folder = DOCUMENT_TYPES[type].folder;
  // Drafts dated just before "now" and scheduled documents after it: either would be the newest in every feed.
  const day = kind === "utkast" ? `2026-11-${String(10 + index).padStart(2, "0")}` : `2027-01-${String(10 + index).padStart(2, "0")}`;
  const marker = `${HIDDEN_MARK}-${kind}-${index}`;
  const data = { ...validFrontMatter(type), title: marker, date: day, summary: `${marker}.`, tags: [`Ämne ${marker}`] };
  if (kind === "utkast") Object.assign(data, { draft: true });
  const slug = `${kind}-${index}`;
  fs.mkdirSync(path.join(content, folder), { recursive: true });
  fs.writeFileSync(path.join(content, folder, `${day}-${slug}.md`), `---\n${stringify(data)}---\nText om ${marker}.\n`);
  hidden.push({ url: `/${folder}/${day.slice(0, 4)}/${slug}/`, marker });
}

beforeAll(async () => {
  content = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-counts-"));
  const stats = writeCorpus(content, { documents: PUBLISHED, seed: 5 });
  expect(stats.documents).toBe(PUBLISHED);
  published = (fs.readdirSync(content, { recursive: true }) as string[])
    .filter((file) => file.endsWith(".md"))
    .map(expectedFrom)
    .sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
  for (let index = 0; index < 5; index++) {
    writeHidden("utkast", index);
    writeHidden("schemalagt", index);
  }
  site = await buildSite(content);
});

afterAll(() => {
  fs.rmSync(content, { recursive: true, force: true });
  if (site) fs.rmSync(site.outDir, { recursive: true, force: true });
});

const urlsOf = (documents: readonly Expected[]) => documents.map((document) => document.url);
const sitePath = (absolute: string | undefined) => (absolute ?? "").replace(ORIGIN, "");

describe("a corpus with drafts and scheduled documents mixed in", () => {
  it("has every published document in, each on its own day, and fewer per type than the feed limit", () => {
    expect(published).toHaveLength(PUBLISHED);
    expect(new Set(published.map((document) => document.day)).size).toBe(PUBLISHED);
    expect(PUBLISHED).toBeGreaterThan(FEED_ENTRY_LIMIT);
    for (const key of ARTICLE_KEYS) expect(published.filter((document) => document.type === key).length).toBeLessThan(FEED_ENTRY_LIMIT);
  });

  it("writes exactly one article page per published document, and no other", () => {
    const articlePages = site
      .files()
      .filter((file) => file.endsWith(".html"))
      .filter((file) => load(site.read(file))("article.document").length > 0)
      .map((file) => file.replace(/index\.html$/, ""));
    expect(articlePages.sort()).toEqual(urlsOf(published).sort());
    for (const url of urlsOf(published)) expect(load(site.read(url))("article.document")).toHaveLength(1);
  });

  it("puts the newest FEED_ENTRY_LIMIT published documents in the site's Atom and JSON feeds, newest first", () => {
    const newest = urlsOf(published.slice(0, FEED_ENTRY_LIMIT));
    const atom = (readAtom(site, "/feed.xml").entries ?? []).map((entry) => sitePath(linkHref(entry.links, "alternate")));
    expect(atom).toEqual(newest);
    const json = readJsonFeed(site, "/feed.json").items.map((item) => sitePath(item.url));
    expect(json).toEqual(newest);
  });

  it("puts every published document in its own type's feed exactly once: the type feeds add up to all of them", () => {
    const all: string[] = [];
    for (const key of ARTICLE_KEYS) {
      const entries = (readAtom(site, `/${DOCUMENT_TYPES[key].folder}/feed.xml`).entries ?? []).map((entry) =>
        sitePath(linkHref(entry.links, "alternate")),
      );
      expect(entries).toEqual(urlsOf(published.filter((document) => document.type === key)));
      all.push(...entries);
    }
    expect(all).toHaveLength(PUBLISHED);
    expect(new Set(all)).toEqual(new Set(urlsOf(published)));
  });

  it("lists every article page in the sitemap exactly once", () => {
    const parser = new XMLParser({ isArray: (name) => name === "url" });
    const parsed = parser.parse(site.read("/sitemap.xml")) as { urlset: { url: { loc: string }[] } };
    const locs = parsed.urlset.url.map((url) => sitePath(url.loc));
    expect(new Set(locs).size).toBe(locs.length);
    const folders = new Set<string>(ARTICLE_KEYS.map((key) => DOCUMENT_TYPES[key].folder));
    // An article's path is /<folder>/<year>/<slug>/; listings are /<folder>/ and /<folder>/sida/<n>/.
    const articles = locs.filter((loc) => {
      const parts = loc.split("/").filter(Boolean);
      return parts.length === 3 && folders.has(parts[0] as string) && /^\d{4}$/.test(parts[1] as string);
    });
    expect(articles.sort()).toEqual(urlsOf(published).sort());
  });

  it("shows drafts and scheduled documents nowhere: no page, no feed entry, no sitemap URL, no tag, no text", () => {
    expect(hidden).toHaveLength(10);
    for (const { url } of hidden) expect(site.exists(url), url).toBe(false);
    expect(site.files().filter((file) => file.toLowerCase().includes(HIDDEN_MARK.toLowerCase()))).toEqual([]);
    const textFiles = site.files().filter((file) => /\.(html|xml|json|txt)$/.test(file));
    expect(textFiles.length).toBeGreaterThan(PUBLISHED);
    for (const file of textFiles) {
      const text = site.read(file);
      expect(text.includes(HIDDEN_MARK), file).toBe(false);
      expect(text.toLowerCase().includes(HIDDEN_MARK.toLowerCase()), file).toBe(false);
    }
  });
});

// A deterministic content tree of valid documents across every type, for benchmarks: realistic length
// (600–900 words), headings, lists, images and links between the documents, tag, organisation and year pages.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isMap, isSeq, parseDocument } from "yaml";
import { ARTICLE_KEYS as TYPE_KEYS, DOCUMENT_TYPES, type ArticleKey as TypeKey } from "../src/content/types.ts";
import { DATA_FILE_NAMES, DATA_FOLDER, readDataFile } from "../src/content/data-files.ts";
import { slugify } from "../src/text/slug.ts";
import { typePath, organisationPath, tagPath, yearPath } from "../src/site-model/urls.ts";
import { STOP_WORDS } from "../src/outputs/search/stop-words.ts";

export interface CorpusOptions {
  documents?: number;
  seed?: number;
  /**
   * "bench": about 100 words, as the corpus had from the start; "real": a real Swedish vocabulary, words drawn
   * Zipf-distributed (s = 1.07) from the ~150,000 words of dictionary-sv, as an archive has them.
   */
  vocabulary?: Vocabulary;
}

export type Vocabulary = "bench" | "real";

/** The generator's source of randomness, and of the words of its running text. */
type Next = (() => number) & { word(): string };

export interface CorpusStats {
  documents: number;
  words: number;
  bytes: number;
  byType: Record<TypeKey, number>;
  /** Queries the bench weighs the search index with, drawn from the corpus's own words (see queriesOf). */
  queries: CorpusQueries;
}

export interface CorpusQueries {
  /** The word of running text found in the most documents. */
  common: string;
  /** The two words found in the most documents. */
  twoWords: string;
  /** A long word found in one document only. */
  rare: string;
}

/** In how many documents each generated word stands: where the bench's search queries come from. */
class WordTally {
  private readonly documents = new Map<string, { count: number; last: number }>();
  /** The document whose searched text is being written, or -1 while words are drawn for anything else. */
  current = -1;
  add(word: string): void {
    if (this.current < 0) return;
    const tally = this.documents.get(word);
    if (!tally) this.documents.set(word, { count: 1, last: this.current });
    else if (tally.last !== this.current) {
      tally.count++;
      tally.last = this.current;
    }
  }
  /** Words that are not stop words (the index leaves those out), by how many documents have them, then A–Z. */
  queries(stopWords: ReadonlySet<string>): CorpusQueries {
    const words = [...this.documents].filter(([word]) => !stopWords.has(word) && word.length >= 4);
    const common = [...words].sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : 1)).map(([word]) => word);
    const rare = words.filter(([word, tally]) => tally.count === 1 && word.length >= 9).map(([word]) => word).sort();
    return { common: common[0] ?? "", twoWords: common.slice(0, 2).join(" "), rare: rare[Math.floor(rare.length / 2)] ?? "" };
  }
}

/** mulberry32: small, fast and the same sequence on every machine. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  "samverkan förbundet styrelsen arbetet insatser rehabilitering kommunen regionen arbetsförmedlingen " +
  "försäkringskassan deltagare målgruppen utveckling uppföljning processledare samordnare förbundschef " +
  "verksamheten kunskap metoder stöd insatsen projektet ledning nätverket möten dialog förståelse " +
  "långsiktigt gemensamt lokalt nationellt tillsammans resultat erfarenhet uppdrag budget strategi " +
  "arbetsmarknad studier hälsa trygghet förtroende ansvar frågor vägen framåt året våren hösten " +
  "handläggare chefer medarbetare parterna myndigheterna ungdomar individen behov möjligheter värdet " +
  "beslut planen rapporten utvärdering effekt struktur förhållningssätt lärande mötesplats sammanhang"
).split(/\s+/);

const VERBS = "beskrev visade berättade betonade diskuterade lyfte planerade följde utvecklade stärkte".split(" ");
// Ordered by how often they are used: a few tags carry much of the site, a long tail is rare (see weighted()).
const TAGS = [
  "Samverkan", "Personal", "Styrelsearbete", "Uppföljning", "Unga vuxna", "Arbetsmiljö", "Förbundschefer",
  "Nationellt stöd", "Metodutveckling", "Psykisk hälsa", "Jämställdhet", "Utvärdering", "Älv & Kust",
  "Arbetsförmedlingen", "Försäkringskassan", "Kommuner och regioner", "Ekonomi", "Budget", "Konferenser",
  "Nätverk", "Lagstiftning", "Finansiell samordning", "Digitalisering", "Kompetensutveckling", "Rehabilitering",
  "Socialtjänsten", "Integration", "Forskning", "Statistik", "SUS", "Insatser", "Medarbetare",
];
const NAMES = ["Anna Berg", "Karin Lund", "Per Holm", "Lina Ek", "Jonas Wik", "Sara Nord", "Erik Strand", "Maria Dahl", "Olle Sten", "Eva Björk"];
const PLACES = ["Saltsjöbaden", "Karlskrona", "Kungälv", "Avesta", "Västerås", "Göteborg", "Sala"];
export const CORPUS_IMAGES = ["styrelsen.jpg", "konferens.jpg", "kansliet.png", "karta.png"];

interface Planned {
  type: TypeKey;
  index: number;
  day: string;
  year: number;
  slug: string;
  title: string;
  organisation: string;
  tags: string[];
}

/** dictionary-sv's words (lower case, letters only), in an order the seed decides: rank 1 is the most frequent. */
function dictionaryWords(next: () => number): string[] {
  const file = path.join(path.dirname(fileURLToPath(import.meta.resolve("dictionary-sv"))), "index.dic");
  const words = [
    ...new Set(
      fs
        .readFileSync(file, "utf8")
        .split("\n")
        .slice(1)
        .map((line) => line.split("/")[0] ?? "")
        .filter((word) => /^\p{Ll}{2,}$/u.test(word)),
    ),
  ];
  for (let index = words.length - 1; index > 0; index--) {
    const other = Math.floor(next() * (index + 1));
    [words[index], words[other]] = [words[other] as string, words[index] as string];
  }
  return words;
}

/** Words of running text: the bench's hundred, or a real vocabulary by Zipf's law (a few words carry most text). */
function wordSource(vocabulary: Vocabulary, next: () => number): () => string {
  if (vocabulary === "bench") return () => pick(next, WORDS);
  const words = dictionaryWords(next);
  const cumulative = new Float64Array(words.length);
  let total = 0;
  words.forEach((_, rank) => (cumulative[rank] = total += 1 / (rank + 1) ** 1.07));
  return () => {
    const target = next() * total;
    let low = 0;
    let high = words.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    return words[low] as string;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

/** Zipf-like: the item at rank r is picked in proportion to 1 / (r + 1). */
function weighted<T>(next: () => number, items: readonly T[]): T {
  const total = items.reduce((sum, _, rank) => sum + 1 / (rank + 1), 0);
  let left = next() * total;
  for (let rank = 0; rank < items.length; rank++) {
    left -= 1 / (rank + 1);
    if (left < 0) return items[rank] as T;
  }
  return items[items.length - 1] as T;
}

function sentence(next: Next): string {
  const length = 8 + Math.floor(next() * 10);
  const words = Array.from({ length }, (_, position) => (position === 2 ? pick(next, VERBS) : next.word()));
  const text = words.join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(next: Next, sentences: number, links: string[] = []): string {
  const parts = Array.from({ length: sentences }, () => sentence(next));
  for (const link of links) {
    const at = Math.floor(next() * parts.length);
    parts.splice(at, 0, `Läs mer i [${next.word()} och ${next.word()}](${link}).`);
  }
  return parts.join(" ");
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The body: h2 sections with h3 subsections, lists, an image, links to earlier documents and listing pages. */
function body(next: Next, document: Planned, earlier: readonly Planned[]): string {
  const target = 600 + Math.floor(next() * 300);
  const url = (other: Planned): string => `/${DOCUMENT_TYPES[other.type].folder}/${other.year}/${other.slug}/`;
  const linkPool = [
    ...Array.from({ length: Math.min(3, earlier.length) }, () => url(pick(next, earlier))),
    ...(document.tags.length > 0 ? [tagPath(slugify(pick(next, document.tags)))] : []),
    organisationPath(document.organisation),
    typePath(pick(next, TYPE_KEYS)),
    yearPath(document.year),
  ];
  const blocks: string[] = [paragraph(next, 4, linkPool.splice(0, 1))];
  let words = countWords(blocks[0] ?? "");
  let section = 0;
  while (words < target) {
    section++;
    const heading = `## ${next.word()} och ${next.word()} ${section}`;
    const parts = [heading, paragraph(next, 3 + Math.floor(next() * 3), linkPool.splice(0, 1))];
    if (section % 2 === 0) {
      parts.push(`### ${next.word()} i ${pick(next, PLACES)}`);
      parts.push(Array.from({ length: 3 + Math.floor(next() * 3) }, () => `- ${sentence(next)}`).join("\n"));
    }
    if (section === 2) parts.push(`![${sentence(next)}](/bilder/${pick(next, CORPUS_IMAGES)})`);
    if (section % 3 === 0) parts.push(Array.from({ length: 3 }, (_, n) => `${n + 1}. ${sentence(next)}`).join("\n"));
    parts.push(paragraph(next, 3 + Math.floor(next() * 4)));
    const added = countWords(parts.join(" "));
    // Stay within 600–900 words: leave out a section that would overshoot (room kept for the closing links).
    if (words >= 600 && words + added > 840) break;
    blocks.push(...parts);
    words += added;
  }
  if (linkPool.length > 0) blocks.push(paragraph(next, 2, linkPool));
  return `${blocks.join("\n\n")}\n`;
}

function yaml(data: Record<string, unknown>): string {
  const lines: string[] = [];
  const scalar = (value: unknown): string => JSON.stringify(value);
  for (const [key, value] of Object.entries(data)) {
    if (Array.isArray(value) && value.length === 0) {
      lines.push(`${key}: []`);
    } else if (Array.isArray(value)) {
      lines.push(`${key}:`);
      for (const item of value) {
        if (item !== null && typeof item === "object") {
          const entries = Object.entries(item as Record<string, unknown>);
          entries.forEach(([field, fieldValue], position) => lines.push(`  ${position === 0 ? "-" : " "} ${field}: ${scalar(fieldValue)}`));
        } else {
          lines.push(`  - ${scalar(item)}`);
        }
      }
    } else {
      lines.push(`${key}: ${scalar(value)}`);
    }
  }
  return lines.join("\n");
}

function typeFields(next: Next, document: Planned): Record<string, unknown> {
  const day = document.day;
  switch (document.type) {
    case "nyhet":
      return document.index % 4 === 0 ? { person: pick(next, NAMES), role: "samordnare", change: pick(next, ["slutar", "börjar", "byter"]) } : {};
    case "konferens":
      return {
        event: `Förbundschefsdagar ${document.year}`,
        startDate: day,
        endDate: day,
        place: pick(next, PLACES),
        speakers: Array.from({ length: 3 }, () => ({ name: pick(next, NAMES), affiliation: pick(next, ["Försäkringskassan", "SKR", "Arbetsförmedlingen", "NNS"]) })),
      };
    case "brev":
      return { sender: pick(next, NAMES), senderRole: "samordnare", senderOrganisation: document.organisation, recipient: "Styrelsen", letterDate: day };
    case "minnen":
      return { author: pick(next, NAMES), yearFrom: document.year - 10, yearTo: document.year };
    case "protokoll": {
      const items = 3 + Math.floor(next() * 6);
      const place = pick(next, PLACES);
      const present = [pick(next, NAMES), pick(next, NAMES)];
      const chair = pick(next, NAMES);
      const adjuster = pick(next, NAMES);
      return {
        meetingDate: day,
        startTime: "08.30",
        endTime: "12.00",
        place,
        present,
        chair,
        adjusters: [adjuster],
        secretary: pick(next, NAMES),
        agenda: Array.from({ length: items }, (_, n) => ({ section: n + 1, heading: `${next.word()} och ${next.word()}`, decision: sentence(next) })),
        // Signed as a protokoll is: by the chair and the adjuster (check warns when either is missing).
        signatures: [
          { name: chair, role: "Ordförande", signedAt: `${day}T10:00` },
          { name: adjuster, role: "Justerare", signedAt: `${day}T11:00` },
        ],
      };
    }
  }
}

/** The shipped data files (settings, organisations …): a corpus is a whole content folder, and its documents use them. */
const SHIPPED_DATA = fileURLToPath(new URL(`../content/${DATA_FOLDER}/`, import.meta.url));

/** The shipped pages (content/sidor/), which the shipped menu links to. */
const SHIPPED_PAGES = fileURLToPath(new URL(`../content/${DOCUMENT_TYPES.sida.folder}/`, import.meta.url));

/** The settings' menu without the shipped pages: a corpus has articles only, and a link to a missing page stops the build. */
function dropShippedPagesFromMenu(settingsFile: string): void {
  const pages = new Set(fs.readdirSync(SHIPPED_PAGES).filter((file) => file.endsWith(".md")).map((file) => `/${file.slice(0, -3)}/`));
  const settings = parseDocument(fs.readFileSync(settingsFile, "utf8"));
  const menu = settings.get("menu");
  if (!isSeq(menu)) return;
  menu.items = menu.items.filter((entry) => !(isMap(entry) && pages.has(String(entry.get("path")))));
  fs.writeFileSync(settingsFile, settings.toString());
}

/** The shipped images the settings name (the logo, the icon): the link check stops a build whose settings lack them. */
function copySettingsImages(settingsFile: string, dir: string): void {
  const settings = parseDocument(fs.readFileSync(settingsFile, "utf8"));
  for (const field of ["logo", "icon"]) {
    const image = settings.get(field);
    if (typeof image !== "string") continue;
    const target = path.join(dir, image);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(fileURLToPath(new URL(`../content${image}`, import.meta.url)), target);
  }
}

/** Writes the corpus into `dir` (which should be empty) and returns what it wrote. */
export function writeCorpus(dir: string, { documents = 1000, seed = 20261124, vocabulary = "bench" }: CorpusOptions = {}): CorpusStats {
  fs.mkdirSync(path.join(dir, DATA_FOLDER), { recursive: true });
  for (const name of DATA_FILE_NAMES) fs.copyFileSync(path.join(SHIPPED_DATA, name), path.join(dir, DATA_FOLDER, name));
  dropShippedPagesFromMenu(path.join(dir, DATA_FOLDER, "installningar.yml"));
  copySettingsImages(path.join(dir, DATA_FOLDER, "installningar.yml"), dir);
  const organisationsFile = path.join(dir, DATA_FOLDER, "organisationer.yml");
  const organisations = readDataFile("organisationer.yml", organisationsFile, fs.readFileSync(organisationsFile, "utf8")).data?.organisations ?? [];
  const draw = random(seed);
  const source = wordSource(vocabulary, draw);
  const tally = new WordTally();
  const next: Next = Object.assign(draw, {
    word: () => {
      const word = source();
      tally.add(word);
      return word;
    },
  });
  const planned: Planned[] = Array.from({ length: documents }, (_, index) => {
    tally.current = index;
    const type = TYPE_KEYS[index % TYPE_KEYS.length] as TypeKey;
    // Spread over 2008–2025, oldest first, so links go to documents published earlier.
    const dayNumber = Math.floor((index / documents) * 18 * 365);
    const date = new Date(Date.UTC(2008, 0, 1) + dayNumber * 86_400_000);
    const day = date.toISOString().slice(0, 10);
    const title = `${next.word()} och ${next.word()} ${index + 1}`;
    return {
      type,
      index,
      day,
      year: date.getUTCFullYear(),
      slug: slugify(title),
      title: `${title.charAt(0).toUpperCase()}${title.slice(1)}`,
      organisation: weighted(next, organisations).key,
      // One to three tags; a few documents have none.
      tags: [...new Set(Array.from({ length: index % 23 === 0 ? 0 : 1 + Math.floor(next() * 3) }, () => weighted(next, TAGS)))],
    };
  });

  fs.mkdirSync(path.join(dir, "bilder"), { recursive: true });
  // Real images, wide enough for a lead image: the check reads every image file (an empty one is an error).
  for (const image of CORPUS_IMAGES) fs.copyFileSync(path.join(import.meta.dirname, "images", image), path.join(dir, "bilder", image));

  const stats: CorpusStats = {
    documents,
    words: 0,
    bytes: 0,
    byType: Object.fromEntries(TYPE_KEYS.map((key) => [key, 0])) as Record<TypeKey, number>,
    queries: { common: "", twoWords: "", rare: "" },
  };
  planned.forEach((document, index) => {
    tally.current = index;
    const text = body(next, document, planned.slice(Math.max(0, index - 50), index));
    const summary = sentence(next);
    // The rest of the front matter (alt texts, agenda, speakers…) is not searched: its words make no query.
    tally.current = -1;
    const frontMatter = yaml({
      title: document.title,
      date: document.day,
      summary,
      organisation: document.organisation,
      tags: document.tags,
      ...(index % 7 === 0 ? { image: `/bilder/${pick(next, CORPUS_IMAGES)}`, imageAlt: sentence(next) } : {}),
      ...typeFields(next, document),
    });
    const source = `---\n${frontMatter}\n---\n\n${text}`;
    const file = path.join(dir, DOCUMENT_TYPES[document.type].folder, `${document.day}-${document.slug}.md`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, source);
    stats.words += countWords(text);
    stats.bytes += Buffer.byteLength(source);
    stats.byType[document.type]++;
  });
  stats.queries = tally.queries(new Set(STOP_WORDS));
  return stats;
}

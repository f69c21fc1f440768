// The checks no single file can make, run once every file is loaded: one address and one feed id per document,
// links and images that reach something. With loadSite, the one way a command or a test gets a checked site.
import { loadContent, type LoadOptions, type LoadResult } from "../content/load.ts";
import { asDraftProblems, type ContentProblem } from "../content/problems.ts";
import type { ContentDocument } from "../content/document.ts";
import { linkProblems } from "./links.ts";
import { CollectionsOfLoad, type SiteLoadResult } from "./collections.ts";
import { imageProblems } from "./image-checks.ts";
import { PATHS } from "./urls.ts";
import { DOCUMENT_TYPES, TYPE_KEYS } from "../content/types.ts";
import { isPage } from "../content/pages.ts";

/** Two documents may not share a URL: the second would silently replace the first. */
export function duplicateUrlProblems(documents: readonly ContentDocument[]): ContentProblem[] {
  const byUrl = new Map<string, ContentDocument[]>();
  for (const document of documents) byUrl.set(document.url, [...(byUrl.get(document.url) ?? []), document]);
  const problems: ContentProblem[] = [];
  for (const [url, sharing] of byUrl) {
    if (sharing.length < 2) continue;
    for (const document of sharing) {
      const others = sharing.filter((other) => other !== document).map((other) => other.sourcePath);
      problems.push({
        file: document.sourcePath,
        severity: "fel",
        message: `får samma adress ${url} som ${others.join(", ")}; byt filnamn på ett av dokumenten`,
      });
    }
  }
  return problems;
}

/**
 * Two entries with one feed id are one entry to a feed reader: the later one replaces the earlier for subscribers.
 * The message says where each id comes from, and only a file that has an `id` field is told to change it.
 */
export function duplicateIdProblems(documents: readonly ContentDocument[]): ContentProblem[] {
  const byId = new Map<string, ContentDocument[]>();
  for (const document of documents) byId.set(document.id, [...(byId.get(document.id) ?? []), document]);
  return [...byId].flatMap(([id, sharing]) =>
    sharing.length < 2 ? [] : sharing.map((document) => duplicateIdProblem(document, id, sharing.filter((other) => other !== document))),
  );
}

/** The `id` field, which only articles have (they may have moved here with a feed id of their own). */
function writtenId(document: ContentDocument): string | undefined {
  return "id" in document.data ? document.data.id : undefined;
}

function duplicateIdProblem(document: ContentDocument, id: string, others: readonly ContentDocument[]): ContentProblem {
  const written = writtenId(document) !== undefined;
  const origin = (other: ContentDocument) =>
    writtenId(other) !== undefined ? `${other.sourcePath} (fältet id)` : `${other.sourcePath} (id från publiceringsdag och filnamn)`;
  const why = written
    ? `fältet id är ${id}, samma id som ${others.map(origin).join(" och ")} har, så flödesläsare ser bara ett av dokumenten`
    : `får flödes-id:t ${id} från sin publiceringsdag och sitt filnamn, samma id som ${others.map(origin).join(" och ")} har, så flödesläsare ser bara ett av dokumenten`;
  const fix = written
    ? "ge det här dokumentet ett eget id, eller ta bort fältet id om filen är en kopia som inte flyttats från en annan webbplats"
    : others.some((other) => writtenId(other) !== undefined)
      ? "rätta fältet id i den andra filen"
      : "byt filnamn eller publiceringsdag på ett av dokumenten";
  return { file: document.sourcePath, ...(written ? { field: "id" } : {}), severity: "fel", message: `${why}; ${fix}` };
}

/** The folders the content's own files are published in, beside the pages the site makes (PATHS). */
const COPIED_FOLDERS = ["bilder", "filer"];
/** Later pages of a listing are "<listing>sida/2/" (urls.ts pagedPath), the start page's too. */
const PAGED = "sida";

/** The first segment of every path the site itself uses: a top-level page may not take one. */
export function reservedSegments(): Set<string> {
  const first = (sitePath: string) => sitePath.split("/").filter(Boolean)[0];
  return new Set(
    [...Object.values(PATHS).map(first), ...TYPE_KEYS.map((key) => DOCUMENT_TYPES[key].folder), ...COPIED_FOLDERS, PAGED].filter(
      (segment): segment is string => segment !== undefined,
    ),
  );
}

/**
 * A top-level page takes its file's name as its address (/om-oss/): a name the site already uses (/nyheter/, /sok/,
 * /kalendarium/, /admin/ …) would put the page over a listing or under another part of the site. Pages under a
 * parent are inside the parent's address, which this has checked.
 */
export function pagePathProblems(documents: readonly ContentDocument[]): ContentProblem[] {
  const reserved = reservedSegments();
  const pages = documents.filter(isPage);
  const drafts = new Set(pages.filter((page) => page.data.draft).map((page) => page.fileSlug));
  return pages.flatMap((page): ContentProblem[] => {
    // A published page under a draft would have an address whose parent page is not there.
    if (page.data.parent !== undefined && drafts.has(page.data.parent) && !page.data.draft) {
      return [
        {
          file: page.sourcePath,
          field: "parent",
          severity: "fel",
          message: `sidan ligger under ${page.data.parent}, som är ett utkast: publicera den sidan först, eller gör också den här sidan till ett utkast`,
        },
      ];
    }
    if (page.data.parent !== undefined || !reserved.has(page.fileSlug)) return [];
    return [
      {
        file: page.sourcePath,
        line: 1,
        column: 1,
        severity: "fel",
        message: `filnamnet ger sidan adressen ${page.url}, som webbplatsen redan använder; byt namn på filen (t.ex. om-${page.fileSlug}.md) eller lägg sidan under en annan sida med parent`,
      },
    ];
  });
}

/** A draft's site-wide problems are warnings, as its own are (problems.ts asDraftProblems). */
function withDraftsAsWarnings(loaded: LoadResult, problems: readonly ContentProblem[]): ContentProblem[] {
  const { documents, rejected } = loaded;
  const drafts = new Set([...documents.filter((document) => document.data.draft).map((document) => document.sourcePath), ...rejected.filter((file) => file.draft).map((file) => file.file)]);
  return problems.flatMap((problem) => (drafts.has(problem.file) ? asDraftProblems([problem]) : [problem]));
}

/** The site-wide problems of a loaded folder that need no file read again (images: imageProblems, in loadSite). */
export function siteProblems(loaded: LoadResult, now: Date, collections?: CollectionsOfLoad): ContentProblem[] {
  const { documents } = loaded;
  return withDraftsAsWarnings(loaded, [...duplicateUrlProblems(documents), ...duplicateIdProblems(documents), ...pagePathProblems(documents), ...linkProblems(loaded, now, collections)]);
}

export interface SiteLoadOptions extends LoadOptions {
  /** Decides which link targets count as published; builds with a fixed "now" pass theirs. */
  now?: Date;
}

/** A content folder loaded and checked as a whole: every problem a build would stop on or warn about. */
export async function loadSite(contentDir: string, { now = new Date(), ...options }: SiteLoadOptions = {}): Promise<SiteLoadResult> {
  const loaded = await loadContent(contentDir, options);
  // The image files are read (on libuv's threads) while this thread makes the other site-wide checks.
  const images = imageProblems(loaded);
  const collections = loaded.site ? new CollectionsOfLoad(loaded.documents, now, loaded.site.organisations) : undefined;
  loaded.problems.push(...siteProblems(loaded, now, collections));
  loaded.problems.push(...withDraftsAsWarnings(loaded, await images));
  const result: SiteLoadResult = loaded;
  if (collections) result.collections = collections;
  return result;
}

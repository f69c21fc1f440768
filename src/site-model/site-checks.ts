// The checks no single file can make, run once every file is loaded: one address and one feed id per document,
// links and images that reach something. With loadSite, the one way a command or a test gets a checked site.
import { loadContent, type LoadOptions, type LoadResult } from "../content/load.ts";
import { asDraftProblems, type ContentProblem } from "../content/problems.ts";
import type { AnyDocument } from "../content/document.ts";
import { linkProblems } from "./links.ts";
import { CALENDAR_ENTRIES, EVENTS_FILE, calendarEntryProblems } from "../site/data/events.ts";

/** Two documents may not share a URL: the second would silently replace the first. */
export function duplicateUrlProblems(documents: readonly AnyDocument[]): ContentProblem[] {
  const byUrl = new Map<string, AnyDocument[]>();
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
export function duplicateIdProblems(documents: readonly AnyDocument[]): ContentProblem[] {
  const byId = new Map<string, AnyDocument[]>();
  for (const document of documents) byId.set(document.id, [...(byId.get(document.id) ?? []), document]);
  return [...byId].flatMap(([id, sharing]) =>
    sharing.length < 2 ? [] : sharing.map((document) => duplicateIdProblem(document, id, sharing.filter((other) => other !== document))),
  );
}

function duplicateIdProblem(document: AnyDocument, id: string, others: readonly AnyDocument[]): ContentProblem {
  const written = document.data.id !== undefined;
  const origin = (other: AnyDocument) =>
    other.data.id !== undefined ? `${other.sourcePath} (fältet id)` : `${other.sourcePath} (id från publiceringsdag och filnamn)`;
  const why = written
    ? `fältet id är ${id}, samma id som ${others.map(origin).join(" och ")} har, så flödesläsare ser bara ett av dokumenten`
    : `får flödes-id:t ${id} från sin publiceringsdag och sitt filnamn, samma id som ${others.map(origin).join(" och ")} har, så flödesläsare ser bara ett av dokumenten`;
  const fix = written
    ? "ge det här dokumentet ett eget id, eller ta bort fältet id om filen är en kopia som inte flyttats från en annan webbplats"
    : others.some((other) => other.data.id !== undefined)
      ? "rätta fältet id i den andra filen"
      : "byt filnamn eller publiceringsdag på ett av dokumenten";
  return { file: document.sourcePath, ...(written ? { field: "id" } : {}), severity: "fel", message: `${why}; ${fix}` };
}

/** The kalendarium's entries name their organisers by key: the keys must be this build's organisations. */
export function eventOrganiserProblems(loaded: Pick<LoadResult, "site">): ContentProblem[] {
  if (!loaded.site) return [];
  return calendarEntryProblems(CALENDAR_ENTRIES, loaded.site.organisations).map((problem) => ({
    file: EVENTS_FILE,
    severity: "fel",
    message: problem.startsWith(`${EVENTS_FILE}, `) ? problem.slice(EVENTS_FILE.length + 2) : problem,
  }));
}

/** The site-wide problems of a loaded folder; a draft's are warnings, as its own are (problems.ts asDraftProblems). */
export function siteProblems(loaded: LoadResult, now: Date): ContentProblem[] {
  const { documents, rejected } = loaded;
  const drafts = new Set([...documents.filter((document) => document.data.draft).map((document) => document.sourcePath), ...rejected.filter((file) => file.draft).map((file) => file.file)]);
  return [...duplicateUrlProblems(documents), ...duplicateIdProblems(documents), ...linkProblems(loaded, now), ...eventOrganiserProblems(loaded)].flatMap((problem) =>
    drafts.has(problem.file) ? asDraftProblems([problem]) : [problem],
  );
}

export interface SiteLoadOptions extends LoadOptions {
  /** Decides which link targets count as published; builds with a fixed "now" pass theirs. */
  now?: Date;
}

/** A content folder loaded and checked as a whole: every problem a build would stop on or warn about. */
export async function loadSite(contentDir: string, { now = new Date(), ...options }: SiteLoadOptions = {}): Promise<LoadResult> {
  const loaded = await loadContent(contentDir, options);
  loaded.problems.push(...siteProblems(loaded, now));
  return loaded;
}

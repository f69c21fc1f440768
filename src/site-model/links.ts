// Internal links and images must point at a page or file the site has, and a published text must not
// link to one that is not published yet. External links are not checked (they need the network).
import fs from "node:fs";
import path from "node:path";
import { formatLongDate } from "../text/dates.ts";
import { sitePagesOf } from "./pages.ts";
import { PATHS } from "./urls.ts";
import { publishedFeedPaths } from "./feed-list.ts";
import { buildCollections, statusOf, type CollectionsOfLoad } from "./collections.ts";
import { parseFrontMatter } from "../content/front-matter.ts";
import { fileSlugOf, type RejectedFile } from "../content/read.ts";
import { normaliseSitePath, offSitePathReason } from "../content/fields.ts";
import { displayPath, type ContentProblem, type Severity } from "../content/problems.ts";
import type { LoadResult } from "../content/load.ts";
import { DATA_FOLDER, Organisations, type SiteSettings } from "../content/data-files.ts";
import { parseYamlFile } from "../content/front-matter.ts";
import { fieldName } from "../content/validate.ts";
import { isArticle, type ContentDocument, type Status } from "../content/document.ts";
import type { BuildMode } from "../site/site.ts";
import { outlineBody, type BodyReference, type Position } from "../content/checks/body.ts";
import { PLAIN_PATH } from "../content/checks/plain-outline.ts";

/** The folder under the content folder the build copies to /bilder/. */
export const IMAGES_FOLDER = "bilder";
const FILES_FOLDER = "filer";

// A missing image is as broken as a missing page: readers get an empty box and the alt text.
const MISSING_IMAGE: Severity = "fel";

// Only used to resolve paths; never shown and never fetched.
const BASE = "https://finsam.invalid";

/** Every path a build in this mode writes: the sitemap's pages plus feeds, the 404 page and assets. */
function generatedPaths(documents: readonly ContentDocument[], mode: BuildMode, now: Date, organisations: Organisations, built?: CollectionsOfLoad): Set<string> {
  const collections = built ? built.get(mode, now, organisations) : buildCollections(documents, mode, now, organisations);
  return new Set([...sitePagesOf(collections).map((page) => page.path), ...Object.values(PATHS), ...publishedFeedPaths(collections)]);
}


type Kind = "external" | "fragment" | "empty" | "root" | "relative";

function kindOf(target: string): Kind {
  const trimmed = target.trim();
  if (trimmed === "") return "empty";
  if (trimmed.startsWith("#")) return "fragment";
  if (trimmed.startsWith("//") || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return "external";
  return trimmed.startsWith("/") ? "root" : "relative";
}

// A plain path (content/checks/plain-outline.ts) without "." or ".." segments is its own site path: most links are,
// and resolving tens of thousands of them through URL took a quarter of the link check.
const DOT_SEGMENT = /(^|\/)\.{1,2}(\/|$)/;

/** The site path a link leads to, without query or fragment, percent-decoded: "/nyheter/2024/a/". */
export function sitePath(target: string, from = "/"): string {
  if (PLAIN_PATH.test(target) && !DOT_SEGMENT.test(target)) return target;
  const pathname = new URL(target.trim(), `${BASE}${from}`).pathname;
  return pathname
    .split("/")
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join("/")
    .normalize("NFC");
}

class SiteIndex {
  private readonly byUrl: Map<string, ContentDocument>;
  private readonly bySlug = new Map<string, ContentDocument[]>();
  private readonly imagesLowerCase: Map<string, string>;
  /** Files that did not become documents (they have errors), by "<folder>/<slug>". */
  private readonly rejected = new Map<string, string>();
  readonly imagesDir: string;
  readonly filesDir: string;

  constructor(
    documents: readonly ContentDocument[],
    /** Pages a production build writes: what a published document may link to. */
    readonly published: Set<string>,
    /** Pages a preview build writes: a draft's links are judged again when it is published. */
    readonly everything: Set<string>,
    /** The files the build copies (images, PDFs) as site paths: only these exist, not a hidden file beside them. */
    readonly images: Set<string>,
    contentDir: string,
    /** The content folder's Markdown files. */
    files: readonly string[],
  ) {
    this.byUrl = new Map(documents.map((document) => [document.url, document]));
    for (const document of documents) this.bySlug.set(document.fileSlug, [...(this.bySlug.get(document.fileSlug) ?? []), document]);
    this.imagesLowerCase = new Map([...images].map((image) => [image.toLowerCase(), image]));
    this.imagesDir = displayPath(path.join(contentDir, IMAGES_FOLDER));
    this.filesDir = displayPath(path.join(contentDir, FILES_FOLDER));
    // When every file became a document (one each), none was rejected: no need to compare 10,000 paths.
    if (files.length === documents.length) return;
    const loaded = new Set(documents.map((document) => document.sourcePath));
    for (const file of files) {
      const shown = displayPath(path.resolve(file));
      if (loaded.has(shown)) continue;
      const folder = path.relative(contentDir, file).split(path.sep)[0] ?? "";
      this.rejected.set(`${folder}/${fileSlugOf(file)}`, shown);
    }
  }

  /** A file the link was probably meant for that has errors of its own, so it is not a page (yet). */
  rejectedFile(sitePathname: string): string | undefined {
    const [folder, , slug] = pageForm(sitePathname).split("/").filter(Boolean);
    return folder && slug ? this.rejected.get(`${folder}/${slug}`) : undefined;
  }

  /** The document at a path, also written without its trailing slash or with index.html. */
  document(sitePathname: string): ContentDocument | undefined {
    return this.byUrl.get(pageForm(sitePathname));
  }

  hasPage(sitePathname: string, pages: Set<string>): boolean {
    return pages.has(sitePathname) || pages.has(pageForm(sitePathname)) || this.images.has(sitePathname);
  }

  /** A document with the same file slug, for "menade du …" when the year or folder is wrong. */
  guess(sitePathname: string): string | undefined {
    const slug = pageForm(sitePathname).split("/").filter(Boolean).pop() ?? "";
    const candidates = this.bySlug.get(slug) ?? [];
    return candidates.length === 1 ? candidates[0]?.url : undefined;
  }

  /** An image that differs only in upper and lower case: the web server will not find it. */
  imageWithOtherCase(sitePathname: string): string | undefined {
    return this.imagesLowerCase.get(sitePathname.toLowerCase());
  }
}

function pageForm(sitePathname: string): string {
  const withoutIndex = sitePathname.replace(/\/index\.html$/, "/");
  return withoutIndex.endsWith("/") || /\.[a-z0-9]+$/i.test(withoutIndex) ? withoutIndex : `${withoutIndex}/`;
}

/** Where a link is written: a document, or a file with errors of its own (judged as a draft would be). */
interface LinkSource {
  url: string;
  status: Status;
  document?: ContentDocument;
}

/**
 * A document's links and images: the loader keeps them for every document it makes; a document made some other way (a
 * test) is outlined here. A load without bodies (`npm run check`) has nothing to outline: a document of it without
 * its references would pass every link check unread, so that stops the check instead.
 */
export function bodyReferences(loaded: Pick<LoadResult, "references" | "bodies">, document: ContentDocument): readonly BodyReference[] {
  const kept = loaded.references.get(document);
  if (kept) return kept;
  if (!loaded.bodies) throw new Error(`${document.sourcePath}: laddades utan text och utan sina länkar, så länkarna kan inte kontrolleras`);
  return outlineBody(document.body, document.bodyLine).references;
}

/** The links and images of every document and of every file rejected for errors of its own. */
/** `built`: the load's collections, which the site model then takes as they are (site-checks.ts loadSite). */
export function linkProblems(
  loaded: Pick<LoadResult, "documents" | "root" | "files" | "assets" | "references" | "rejected" | "site" | "bodies">,
  now: Date,
  built?: CollectionsOfLoad,
): ContentProblem[] {
  const { documents, root: contentDir, files, rejected } = loaded;
  if (documents.length === 0 && rejected.length === 0 && !loaded.site) return [];
  // A data file with an error of its own (reported beside this) leaves no organisations: the pages a link may reach
  // are then worked out from the keys the documents use, which is all an organisation's address needs.
  const organisations =
    loaded.site?.organisations ??
    new Organisations([...new Set(documents.flatMap((document) => ("organisation" in document.data ? [document.data.organisation] : [])))].map((key) => ({ key, name: key, kind: "förbund", region: "" })));
  const published = generatedPaths(documents, "production", now, organisations, built);
  // With nothing unpublished a preview build writes the same pages: its collections differ only by what they leave out.
  const everything = documents.every((document) => statusOf(document, now) === "published") ? published : generatedPaths(documents, "preview", now, organisations, built);
  const index = new SiteIndex(
    documents,
    published,
    everything,
    new Set(loaded.assets),
    contentDir,
    files,
  );
  const problems: ContentProblem[] = loaded.site ? settingsProblems(contentDir, loaded.site.settings, index, now) : [];
  for (const document of documents) {
    problems.push(...frontMatterImageProblems(document, index), ...signedOriginalProblems(document, index));
    const source: LinkSource = { url: document.url, status: statusOf(document, now), document };
    for (const reference of bodyReferences(loaded, document)) {
      const problem = referenceProblem(source, reference, index, now);
      if (problem) problems.push({ file: document.sourcePath, ...reference.position, ...problem });
    }
  }
  for (const file of rejected) {
    problems.push(...rejectedImageProblems(file, index));
    const source: LinkSource = { url: file.url, status: "draft" };
    for (const reference of file.references) {
      const problem = referenceProblem(source, reference, index, now);
      if (problem) problems.push({ file: file.file, ...reference.position, ...problem });
    }
  }
  return problems;
}

type Finding = Pick<ContentProblem, "severity" | "message">;

/**
 * The menus, the logo and the icon of content/data/installningar.yml are on every page: each must lead to a published page or
 * a file the site has, as a published text's links must.
 */
function settingsProblems(contentDir: string, settings: SiteSettings, index: SiteIndex, now: Date): ContentProblem[] {
  const found: { at: (string | number)[]; finding: Finding }[] = [];
  for (const list of ["menu", "footerLinks"] as const) {
    settings[list].forEach((link, entry) => {
      const at = [list, entry, "path"];
      const linked = index.document(sitePath(link.path));
      if (linked && statusOf(linked, now) !== "published") {
        found.push({ at, finding: { severity: "fel", message: `länken ${link.path} går till ${linked.sourcePath}, som inte är publicerad; ta bort länken eller publicera texten först` } });
        return;
      }
      if (index.images.has(sitePath(link.path))) return;
      const reference: BodyReference = { kind: "link", target: link.path, written: link.path, alt: "", position: { line: 1, column: 1 }, start: { line: 1, column: 1 } };
      const finding = referenceProblem({ url: "/", status: "published" }, reference, index, now);
      if (finding) found.push({ at, finding });
    });
  }
  for (const field of ["logo", "icon"] as const) {
    const image = settings[field];
    if (image === undefined) continue;
    const finding = imageProblem(sitePath(image), image, index);
    if (finding) found.push({ at: [field], finding });
  }
  if (found.length === 0) return [];
  // Only asked when there is a problem to show: the file's positions are read again, as for an image field.
  const file = path.join(contentDir, DATA_FOLDER, "installningar.yml");
  let locate: (at: (string | number)[]) => Position | undefined = () => undefined;
  try {
    locate = parseYamlFile(fs.readFileSync(file, "utf8")).locate;
  } catch {
    // Read a moment ago: positions are a help, the finding stands without them.
  }
  return found.map(({ at, finding }) => {
    const field = fieldName(at);
    return { file: displayPath(file), ...locate(at), field, ...finding, message: `fältet "${field}": ${finding.message}` };
  });
}

function referenceProblem(source: LinkSource, reference: BodyReference, index: SiteIndex, now: Date): Finding | undefined {
  const { written } = reference;
  const noun = reference.kind === "image" ? "bilden" : "länken";
  switch (kindOf(reference.target)) {
    case "external":
      // An http: image on an https page is blocked by browsers (mixed content) and by the content security policy.
      if (reference.kind === "image" && /^http:/i.test(reference.target.trim())) {
        return {
          severity: "fel",
          message: `bilden ${written} hämtas över okrypterad http:, och webbläsare visar den inte på webbplatsen; lägg bilden i ${index.imagesDir}/ och skriv /${IMAGES_FOLDER}/<filnamn>, eller använd en https:-adress`,
        };
      }
      return undefined;
    case "fragment":
      return undefined;
    case "empty":
      return {
        severity: "fel",
        message: reference.kind === "image"
          ? "bilden saknar sökväg; skriv den inom parentesen, t.ex. ![Beskrivning](/bilder/bild.jpg)"
          : "länken saknar adress; skriv den inom parentesen, t.ex. [Nyheter](/nyheter/)",
      };
    case "relative":
      return relativeProblem(source, reference, index);
    case "root":
      break;
  }
  const target = sitePath(reference.target);
  if (reference.kind === "image") return imageProblem(target, written, index);

  const linked = index.document(target);
  if (linked) return source.document && statusProblem(source.document, linked, written, now);
  const pages = source.status === "published" ? index.published : index.everything;
  if (index.hasPage(target, pages)) return undefined;
  if (target.startsWith(`/${IMAGES_FOLDER}/`)) {
    return { severity: "fel", message: `${noun} ${written} går till en fil som inte finns i ${index.imagesDir}/; lägg filen där eller rätta adressen` };
  }
  const rejected = index.rejectedFile(target);
  if (rejected) {
    return { severity: "fel", message: `${noun} ${written} går till ${rejected}, som har fel och därför inte publiceras; rätta felen i den filen först` };
  }
  const guess = index.guess(target);
  return {
    severity: "fel",
    message: `${noun} ${written} går till en sida som inte finns på webbplatsen; ${guess ? `menade du ${guess}?` : "kontrollera adressen"}`,
  };
}

/** A published text may only link to what is published by the time it is: otherwise readers hit a 404. */
function statusProblem(document: ContentDocument, linked: ContentDocument, written: string, now: Date): Finding | undefined {
  const from = statusOf(document, now);
  const to = statusOf(linked, now);
  if (from === "draft" || to === "published" || linked === document) return undefined;
  if (to === "draft") {
    if (from === "published") {
      return {
        severity: "fel",
        message: `länken ${written} går till ett utkast som inte publiceras (${linked.sourcePath}); ta bort länken eller publicera utkastet först`,
      };
    }
    return {
      severity: "varning",
      message: `länken ${written} går till ett utkast (${linked.sourcePath}); publicera det senast ${formatLongDate(publicationDay(document))}, annars stoppas bygget den dag det här dokumentet publiceras`,
    };
  }
  if (from === "published") {
    return {
      severity: "fel",
      message: `länken ${written} går till ett schemalagt dokument som inte publiceras förrän ${formatLongDate(publicationDay(linked))} (${linked.sourcePath}); vänta med länken eller ge det här dokumentet ett lika sent datum`,
    };
  }
  if (publicationDay(linked).getTime() > publicationDay(document).getTime()) {
    return {
      severity: "fel",
      message: `länken ${written} går till ett schemalagt dokument som publiceras ${formatLongDate(publicationDay(linked))}, efter det här dokumentet (${formatLongDate(publicationDay(document))}); ge det här dokumentet ett lika sent datum eller ta bort länken`,
    };
  }
  return undefined;
}

function imageProblem(target: string, written: string, index: SiteIndex): Finding | undefined {
  if (index.images.has(target)) return undefined;
  const fileName = target.split("/").pop() ?? "";
  if (!target.startsWith(`/${IMAGES_FOLDER}/`)) {
    return {
      severity: MISSING_IMAGE,
      message: `bilden ${written} ligger inte bland webbplatsens bilder; lägg bildfilen i ${index.imagesDir}/ och skriv /${IMAGES_FOLDER}/${fileName}`,
    };
  }
  const otherCase = index.imageWithOtherCase(target);
  return {
    severity: MISSING_IMAGE,
    message: otherCase
      ? `bilden ${written} finns inte, men ${otherCase} gör det; stora och små bokstäver måste stämma`
      : `bilden ${written} finns inte; lägg bildfilen i ${index.imagesDir}/ eller rätta sökvägen`,
  };
}

function relativeProblem(source: LinkSource, reference: BodyReference, index: SiteIndex): Finding {
  const { written } = reference;
  if (reference.kind === "image") {
    const inImages = `/${IMAGES_FOLDER}/${sitePath(reference.target).split("/").pop() ?? ""}`;
    return {
      severity: "varning",
      message: `bilden "${written}" har en relativ sökväg och visas bara på just den här sidan; skriv sökvägen från webbplatsens rot${index.images.has(inImages) ? `: ${inImages}` : `, t.ex. /${IMAGES_FOLDER}/bild.jpg`}`,
    };
  }
  const resolved = sitePath(reference.target, source.url);
  const exists = index.document(resolved) !== undefined || index.hasPage(resolved, index.everything);
  return {
    severity: "varning",
    message: exists
      ? `länken "${written}" är relativ och fungerar bara från just den här sidan; skriv den från webbplatsens rot: ${pageForm(resolved)}`
      : `länken "${written}" är relativ och går härifrån till ${resolved}, som inte finns; skriv länkar från webbplatsens rot (de börjar med /)`,
  };
}

/**
 * An article's publication day. Pages and events have none and are never scheduled, so the scheduling rules, which
 * ask only about a scheduled document or a scheduled link source, never meet them here.
 */
function publicationDay(document: ContentDocument): Date {
  return isArticle(document) ? document.data.date : new Date(0);
}

/** The `image` field: the file must be among the images the build copies. */
function frontMatterImageProblems(document: ContentDocument, index: SiteIndex): ContentProblem[] {
  const image = "image" in document.data ? document.data.image : undefined;
  if (image === undefined) return [];
  const finding = imageProblem(sitePath(image), image, index);
  if (!finding) return [];
  return [{ file: document.sourcePath, ...imageFieldPosition(document.sourcePath), field: "image", ...finding, message: `fältet "image": ${finding.message}` }];
}

/** A protokoll's `signedOriginal`: the PDF must be among the files the build copies, or readers follow a dead link. */
function signedOriginalProblems(document: ContentDocument, index: SiteIndex): ContentProblem[] {
  if (document.type !== "protokoll") return [];
  const original = document.data.signedOriginal;
  if (original === undefined || index.images.has(sitePath(original))) return [];
  const otherCase = index.imageWithOtherCase(sitePath(original));
  return [
    {
      file: document.sourcePath,
      ...fieldPosition(document.sourcePath, "signedOriginal"),
      field: "signedOriginal",
      severity: "fel",
      message: otherCase
        ? `fältet "signedOriginal": filen ${original} finns inte, men ${otherCase} gör det; stora och små bokstäver måste stämma`
        : `fältet "signedOriginal": filen ${original} finns inte; lägg PDF-filen i ${index.filesDir}/ eller rätta sökvägen`,
    },
  ];
}

/** The `image` field of a file with other errors: checked when it is a path on the site (else the schema said so). */
function rejectedImageProblems(file: RejectedFile, index: SiteIndex): ContentProblem[] {
  if (file.image === undefined) return [];
  const image = normaliseSitePath(file.image);
  if (image === "" || offSitePathReason(image) !== undefined) return [];
  const finding = imageProblem(sitePath(image), image, index);
  return finding ? [{ file: file.file, ...imageFieldPosition(file.file), field: "image", ...finding, message: `fältet "image": ${finding.message}` }] : [];
}

function imageFieldPosition(sourcePath: string): Position | undefined {
  return fieldPosition(sourcePath, "image");
}

/** Only asked when there is a problem to show, so the file is read again rather than kept in memory. */
export function fieldPosition(sourcePath: string, field: string): Position | undefined {
  try {
    return parseFrontMatter(fs.readFileSync(path.resolve(sourcePath), "utf8")).locate([field]);
  } catch {
    return undefined;
  }
}

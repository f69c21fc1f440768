// Reading one content file: parse, validate and check it, and render its body when a build asks. The work per file,
// the same on the main thread and in a loading worker (read-worker.mjs); plain data in and out, no state kept.
// Nothing site-wide here (links, collections): a worker loads only what reading a file needs.
import fs from "node:fs";
import path from "node:path";
import { SITE } from "../site/site.ts";
import { formatIsoDay, yearOf } from "../text/dates.ts";
import { slugifyUncached } from "../text/slug.ts";
import { relativePath } from "./relative-path.ts";
import { DOCUMENT_TYPES, TYPE_KEYS, typeForFolder, type TypeKey } from "./types.ts";
import { documentKeyFields, referenceFields } from "./describe.ts";
import type { DocumentKeyTarget, ReferenceTarget } from "./fields.ts";
import { FrontMatterError, parseFrontMatter, type ParsedFile } from "./front-matter.ts";
import { issuesToProblems } from "./validate.ts";
import { documentChecks, type SourceFile } from "./checks/index.ts";
import { outlineBody, placeholderProblems, type BodyReference } from "./checks/body.ts";
import { paragraphHeadingWarnings, signatureWarnings } from "./checks/minutes.ts";
import { dataWarnings } from "./checks/data.ts";
import type { ImageCatalogue } from "../text/picture.ts";
import { collectRefusedLinks, countTextWords, parseBody, renderParsedBody } from "../text/markdown.ts";
import { asDraftProblems, displayPath, type ContentProblem } from "./problems.ts";
import type { ContentDocument } from "./document.ts";
import type { SourceText } from "./read-ahead.ts";

/** "2022-03-03-Magnus slutar.md" → "magnus-slutar": the date prefix is for sorting in folders. */
export function fileSlugOf(file: string): string {
  const stem = path.basename(file, ".md").replace(/^\d{4}-\d{2}-\d{2}[-_ ]?/, "");
  return slugifyUncached(stem);
}

export interface DocumentResult {
  document?: ContentDocument;
  problems: ContentProblem[];
  /** The body's links and images (for the link check), when the file became a document. */
  references?: BodyReference[];
  /**
   * A file whose front matter was read but that did not become a document: what the site-wide link check still
   * checks, so an editor sees every problem of the file in one run.
   */
  rejected?: RejectedFile;
}

/** What the link check needs of a file that has errors of its own. */
export interface RejectedFile {
  /** Path as shown to the editor. */
  file: string;
  /** Where relative links are resolved from: the type's folder, as the year is not known for sure. */
  url: string;
  references: BodyReference[];
  /** The `image` field as written, when it is text. */
  image?: string;
  draft: boolean;
}

/** Bodies longer than this are refused before any work on them: no news item or minutes is a book. */
export const BODY_MAX_BYTES = 1024 * 1024;

/** `draft: true` as written, for a file whose front matter cannot be read: its errors must not stop a build either. */
function writtenAsDraft(source: string): boolean {
  const block = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? "";
  return /^draft[ \t]*:[ \t]*(?:true|True|TRUE)[ \t]*(?:#.*)?$/m.test(block);
}

/** `npm run build` renders each body while loading it, from the parse the checks make anyway. */
export interface RenderOptions {
  /** The build's path prefix, as src/text/markdown.ts renderParsedBody takes it. */
  pathPrefix: string;
  /** The build's image renditions, made before loading (src/outputs/images/): body images become pictures. */
  images?: ImageCatalogue;
}

export interface RenderedBody {
  html: string;
  words: number;
}

/**
 * The keys each kind of reference field may take, and the data file that lists them (as messages name it): plain data,
 * from this load's data files, handed to every thread that reads documents. Left out when that file could not be read;
 * its own error stops the build, and every document is then left unchecked rather than every key called unknown.
 */
export type ReferenceKeys = Readonly<Partial<Record<ReferenceTarget | DocumentKeyTarget, { keys: readonly string[]; file: string }>>>;

/**
 * Date in the tag URIs of events (RFC 4151), their UIDs in subscribers' calendars: never change it, or every
 * subscriber's calendar would see each event as a new one.
 */
export const EVENT_ID_DATE = "2026";

/** What reading one file gave: plain data, the same from the main thread and from a loading worker. */
export interface FileReading {
  /** Absolute path. */
  file: string;
  /** Time and size when read: a later load in the same process (the dev server) reads only files that changed. */
  mtimeMs: number;
  size: number;
  result: DocumentResult;
  /** The body as HTML with the word count, when asked to render and the file became a document. */
  rendered?: RenderedBody;
}

/** What every file of one load is read against: plain data, handed to each thread that reads. */
export interface ReadContext {
  /** The content folder. */
  root: string;
  render?: RenderOptions;
  /** The keys reference fields may take. */
  known?: ReferenceKeys;
  /**
   * Keep each document's body (the default). `npm run check` keeps none: its checks are made while the file is read,
   * and a body held to the end keeps its whole file's text in memory, which the collector then copies (bench/RESULTS.md).
   */
  bodies?: boolean;
}

/**
 * Reads, parses and checks one file, and renders its body when asked: the work per file, the same on the main thread
 * and in a loading worker (src/content/read-worker.mjs). Nothing is kept here.
 */
export function readContentFile(file: string, context: ReadContext): FileReading {
  const stat = fs.statSync(file);
  return readContentText(file, { source: fs.readFileSync(file, "utf8"), mtimeMs: stat.mtimeMs, size: stat.size }, context);
}

/** readContentFile for a file another thread has read (src/content/read-ahead.ts). */
export function readContentText(file: string, text: SourceText, context: ReadContext): FileReading {
  const { result, rendered } = readDocument(file, text, context);
  return { file, mtimeMs: text.mtimeMs, size: text.size, result, ...(rendered ? { rendered } : {}) };
}

/** What a loading worker is asked: a batch of files of one content folder. */
export interface ReadBatch extends ReadContext {
  files: readonly string[];
}

/** A batch read in order: what a loading worker runs (src/content/read-worker.mjs). */
export function readBatch({ files, ...context }: ReadBatch): FileReading[] {
  return files.map((file) => readContentFile(file, context));
}

function readDocument(
  file: string,
  { source, normalised = false, candidates }: SourceText,
  { root: contentDir, render, known = {}, bodies = true }: ReadContext,
): { result: DocumentResult; rendered?: RenderedBody } {
  const shown = displayPath(file);
  const folder = relativePath(contentDir, file).split("/")[0] ?? "";
  const type = typeForFolder(folder);
  if (!type) {
    const folders = TYPE_KEYS.map((key) => `${DOCUMENT_TYPES[key].folder}/`).join(", ");
    return {
      result: {
        problems: [{ file: shown, severity: "fel", message: `filen ligger inte i någon av dokumentmapparna (${folders}); flytta den dit den hör hemma` }],
      },
    };
  }

  let parsed: ParsedFile;
  try {
    parsed = parseFrontMatter(source, { normalised });
  } catch (error) {
    if (error instanceof FrontMatterError) {
      const problems: ContentProblem[] = [
        { file: shown, line: error.line, column: error.column, ...(error.field ? { field: error.field } : {}), severity: "fel", message: error.message },
      ];
      return { result: { problems: writtenAsDraft(source) ? asDraftProblems(problems) : problems } };
    }
    throw error;
  }

  const info = DOCUMENT_TYPES[type];
  const draft = parsed.data["draft"] === true;
  const result = info.schema.safeParse(parsed.data);
  const problems: ContentProblem[] = result.success ? [] : issuesToProblems(result.error.issues, shown, parsed, info.label);
  problems.push(...referenceProblems(parsed, shown, known), ...documentKeyProblems(type, parsed, shown, known));
  // A UTF-16 unit is at most three bytes of UTF-8: most bodies are far below the limit without counting.
  const bodyBytes = parsed.body.length * 3 > BODY_MAX_BYTES ? Buffer.byteLength(parsed.body) : undefined;
  if (bodyBytes !== undefined && bodyBytes > BODY_MAX_BYTES) {
    // Nothing else is read of a body this size: every check on it would be work without end for one mistake.
    problems.push({
      file: shown,
      line: parsed.bodyLine,
      column: 1,
      severity: "fel",
      message: `texten är ${(bodyBytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB, men en text får vara högst 1 MB; dela upp den i flera dokument eller lägg ett långt original som PDF i content/filer/ och länka till den`,
    });
    return { result: { problems: draft ? asDraftProblems(problems) : problems } };
  }
  // One parse of the body for the checks, the link check and, in a build, the page: a full one when rendering,
  // else the checks' own lighter one (block structure, inline only where a link can be).
  const full = render ? collectRefusedLinks(() => parseBody(parsed.body)) : undefined;
  const tokens = full?.result;
  const outline = outlineBody(parsed.body, parsed.bodyLine, full && { tokens: full.result, refused: full.refused });
  problems.push(...documentChecks({ file: shown, parsed, ...(normalised && candidates ? { candidates } : {}) }, outline));
  if (result.success) problems.push(...dataWarnings(type, result.data, parsed, shown), ...paragraphHeadingWarnings(type, result.data, outline, shown), ...signatureWarnings(type, result.data, parsed, shown));
  const unfinished = placeholderProblems({ file: shown, parsed });
  problems.push(...(draft ? asDraftProblems(unfinished) : unfinished));
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const reported = draft ? asDraftProblems(problems) : problems;
  const fileSlug = fileSlugOf(file);
  if (!result.success || problems.some((problem) => problem.severity === "fel") || fileSlug === "") {
    if (fileSlug === "") {
      reported.push({ file: shown, severity: draft ? "varning" : "fel", message: "filnamnet behöver innehålla bokstäver eller siffror, t.ex. 2024-05-01-ny-forbundschef.md" });
    }
    const image = parsed.data["image"];
    const rejected: RejectedFile = { file: shown, url: `/${info.folder}/`, references: outline.references, draft, ...(typeof image === "string" ? { image } : {}) };
    return { result: { problems: reported, rejected } };
  }

  const document = documentOf(type, result.data, { body: bodies ? parsed.body : "", bodyLine: parsed.bodyLine, sourcePath: shown, fileSlug });
  const rendered = render && tokens ? { words: countTextWords(tokens), html: renderParsedBody(tokens, render.pathPrefix, render.images) } : undefined;
  return { result: { document, problems: reported, references: outline.references }, rendered };
}

type Placed = Pick<ContentDocument, "body" | "bodyLine" | "sourcePath" | "fileSlug">;

/** The document a valid file is: its address and id by what its type is (src/content/types.ts role). */
function documentOf(type: TypeKey, data: unknown, placed: Placed): ContentDocument {
  const info = DOCUMENT_TYPES[type];
  const { fileSlug } = placed;
  switch (info.role) {
    case "article": {
      const dated = data as { date: Date; id?: string };
      const year = yearOf(dated.date);
      return {
        type,
        data,
        ...placed,
        url: `/${info.folder}/${year}/${fileSlug}/`,
        id: dated.id ?? `tag:${SITE.idAuthority},${formatIsoDay(dated.date)}:${info.folder}/${fileSlug}`,
        year,
      } as ContentDocument;
    }
    case "page":
      // The address under a parent page is known once every page is read (pages.ts resolvePageUrls).
      return { type, data, ...placed, url: `/${fileSlug}/`, id: `tag:${SITE.idAuthority},${EVENT_ID_DATE}:${info.folder}/${fileSlug}` } as ContentDocument;
    case "event":
      return {
        type,
        data,
        ...placed,
        url: `/${info.pagesUnder}/${fileSlug}/`,
        id: `tag:${SITE.idAuthority},${EVENT_ID_DATE}:${info.pagesUnder}/${fileSlug}`,
      } as ContentDocument;
  }
}

/** Fields naming another document by its key, per type. */
const DOCUMENT_KEY_FIELDS = new Map(TYPE_KEYS.map((type) => [type, documentKeyFields(DOCUMENT_TYPES[type].schema)]));

/** How a message names the documents a key field names. */
const DOCUMENT_KEY_NOUNS: Record<DocumentKeyTarget, string> = { page: "sidorna" };

/** A page's parent must be a page the folder has. */
function documentKeyProblems(type: TypeKey, parsed: ParsedFile, file: string, known: ReferenceKeys): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const { name, keyOf } of DOCUMENT_KEY_FIELDS.get(type) ?? []) {
    const value = parsed.data[name];
    const target = known[keyOf];
    if (!target || typeof value !== "string" || value === "" || target.keys.includes(value)) continue;
    const listed = target.keys.length > 0 ? ` (${target.keys.join(", ")})` : " (där finns inga ännu)";
    problems.push({
      file,
      ...parsed.locate([name]),
      field: name,
      severity: "fel",
      message: `fältet "${name}" ska vara en av ${DOCUMENT_KEY_NOUNS[keyOf]} i ${target.file}${listed}: filens namn utan .md, men är "${value}"`,
    });
  }
  return problems;
}

/**
 * The fields that point into data files, as the schemas declare them (keyField in fields.ts). Every type's are checked
 * in every file, as they always were: a key another type has is also reported as unknown by the file's schema.
 */
const REFERENCE_FIELDS = new Map(TYPE_KEYS.flatMap((type) => referenceFields(DOCUMENT_TYPES[type].schema)).map((field) => [field.name, field.reference]));

/** How a message names what a kind of reference points at: "en av organisationerna i …". */
const REFERENCE_NOUNS: Record<ReferenceTarget, string> = { organisation: "organisationerna" };

/** Keys that point into data files must point at something there. */
function referenceProblems(parsed: ParsedFile, file: string, known: ReferenceKeys): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const [field, reference] of REFERENCE_FIELDS) {
    const value = parsed.data[field];
    const target = known[reference];
    if (target && typeof value === "string" && value !== "" && !target.keys.includes(value)) {
      problems.push({
        file,
        ...parsed.locate([field]),
        field,
        severity: "fel",
        message: `fältet "${field}" ska vara en av ${REFERENCE_NOUNS[reference]} i ${target.file} (${target.keys.join(", ")}), men är "${value}"`,
      });
    }
  }
  return problems;
}

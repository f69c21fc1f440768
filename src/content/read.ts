// Reading one content file: parse, validate and check it, and render its body when a build asks. The work per file,
// the same on the main thread and in a loading worker (load-worker.ts); plain data in and out, no state kept.
// Nothing site-wide here (links, collections): a worker loads only what reading a file needs.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { SITE } from "../site.ts";
import { formatIsoDay, yearOf } from "../dates.ts";
import { slugify } from "../slug.ts";
import { findOrganisation, organisationKeys } from "../data/organisations.ts";
import { DOCUMENT_TYPES, TYPE_KEYS, typeForFolder } from "./types.ts";
import { FrontMatterError, bodyOf, parseFrontMatter, type ParsedFile } from "./front-matter.ts";
import { issuesToProblems } from "./validate.ts";
import { documentChecks } from "./checks/index.ts";
import { outlineBody, placeholderProblems, type BodyReference } from "./checks/body.ts";
import { dataWarnings } from "./checks/data.ts";
import { collectRefusedLinks, countTextWords, parseBody, renderParsedBody } from "../markdown.ts";
import { asDraftProblems, displayPath, type ContentProblem } from "./problems.ts";
import type { AnyDocument } from "./document.ts";

/** "2022-03-03-Magnus slutar.md" → "magnus-slutar": the date prefix is for sorting in folders. */
export function fileSlugOf(file: string): string {
  const stem = path.basename(file, ".md").replace(/^\d{4}-\d{2}-\d{2}[-_ ]?/, "");
  return slugify(stem);
}

export interface DocumentResult {
  document?: AnyDocument;
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
  /** The build's path prefix, as src/markdown.ts renderBody takes it. */
  pathPrefix: string;
}

export interface RenderedBody {
  html: string;
  words: number;
}

/** What reading one file gave: plain data, so a loading worker can hand it to the main thread. */
export interface FileOutcome {
  mtimeMs: number;
  size: number;
  hash: string;
  /** Absent when the file still has the bytes the cache on disk was given: its entry holds the result. */
  result?: DocumentResult;
  /** The body as HTML, when asked to render and the file is (or is stored as) a document. */
  rendered?: RenderedBody;
  /** The body, when the stored entry holds the result and the body was read all the same (to render it). */
  body?: string;
}

/** What the cache on disk knows of a file, as far as reading it needs. */
export interface StoredFile {
  hash: string;
  /** The stored entry is a document (so a build has a body to render). */
  document: boolean;
}

/** Of a file's bytes: what the cache on disk is checked against. */
export function hashOf(bytes: Buffer): string {
  return crypto.createHash("sha1").update(bytes).digest("base64");
}

/**
 * Reads, parses and checks one file, and renders its body when asked: the work per file, the same on the main thread
 * and in a loading worker (src/content/load-worker.ts). No state is kept here: the caller adopts the outcome.
 */
export function readFile(file: string, contentDir: string, stored?: StoredFile, render?: RenderOptions, stat: fs.Stats = fs.statSync(file)): FileOutcome {
  const bytes = fs.readFileSync(file);
  const hash = hashOf(bytes);
  const outcome: FileOutcome = { mtimeMs: stat.mtimeMs, size: stat.size, hash };
  // Across processes the bytes decide: a copy that kept its time and size (rsync -t, tar) must not pass for the old
  // file when a build publishes it. Reading and hashing 10,000 files is a fraction of parsing them.
  if (stored !== undefined && stored.hash === hash) {
    if (render && stored.document) {
      outcome.body = bodyOf(bytes.toString("utf8"));
      outcome.rendered = renderBodyOf(outcome.body, render);
    }
    return outcome;
  }
  const { result, rendered } = readDocument(file, contentDir, bytes.toString("utf8"), render);
  outcome.result = result;
  if (rendered) outcome.rendered = rendered;
  return outcome;
}

function renderBodyOf(body: string, render: RenderOptions): RenderedBody {
  const tokens = parseBody(body);
  return { words: countTextWords(tokens), html: renderParsedBody(tokens, render.pathPrefix) };
}

function readDocument(file: string, contentDir: string, source: string, render?: RenderOptions): { result: DocumentResult; rendered?: RenderedBody } {
  const shown = displayPath(file);
  const folder = path.relative(contentDir, file).split(path.sep)[0] ?? "";
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
    parsed = parseFrontMatter(source);
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
  problems.push(...referenceProblems(parsed, shown));
  const bodyBytes = Buffer.byteLength(parsed.body);
  if (bodyBytes > BODY_MAX_BYTES) {
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
  problems.push(...documentChecks({ file: shown, parsed }, outline));
  if (result.success) problems.push(...dataWarnings(type, result.data, parsed, shown));
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

  const data = result.data;
  const year = yearOf(data.date);
  const document = {
    type,
    data,
    body: parsed.body,
    bodyLine: parsed.bodyLine,
    sourcePath: shown,
    fileSlug,
    url: `/${info.folder}/${year}/${fileSlug}/`,
    id: data.id ?? `tag:${SITE.idAuthority},${formatIsoDay(data.date)}:${info.folder}/${fileSlug}`,
    year,
  } as AnyDocument;
  const rendered = render && tokens ? { words: countTextWords(tokens), html: renderParsedBody(tokens, render.pathPrefix) } : undefined;
  return { result: { document, problems: reported, references: outline.references }, rendered };
}

/** Keys that point into data files must point at something. */
function referenceProblems(parsed: ParsedFile, file: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const field of ["organisation", "senderOrganisation"]) {
    const value = parsed.data[field];
    if (typeof value === "string" && value !== "" && !findOrganisation(value)) {
      problems.push({
        file,
        ...parsed.locate([field]),
        field,
        severity: "fel",
        message: `fältet "${field}" ska vara en av organisationerna i src/data/organisations.ts (${organisationKeys().join(", ")}), men är "${value}"`,
      });
    }
  }
  return problems;
}

/** One file for the pool to read: plain data, as a worker gets it. */
export interface LoadTask {
  file: string;
  stored?: StoredFile;
}

/** What a loading worker needs besides its tasks. */
export interface LoadJob {
  root: string;
  render?: RenderOptions;
}

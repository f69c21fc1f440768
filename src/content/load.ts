// Reads every Markdown file under the content folder, validates it against its type's schema and
// returns typed documents plus every problem found (never stopping at the first).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { SITE } from "../site.ts";
import { formatIsoDay, yearOf } from "../dates.ts";
import { slugify } from "../slug.ts";
import { findOrganisation, organisationKeys } from "../data/organisations.ts";
import { DOCUMENT_TYPES, TYPE_KEYS, typeForFolder, type TypeKey } from "./types.ts";
import { FrontMatterError, bodyOf, parseFrontMatter, type ParsedFile } from "./front-matter.ts";
import { issuesToProblems } from "./validate.ts";
import { documentChecks, siteChecks } from "./checks/index.ts";
import { takeOutline, type BodyReference } from "./checks/body.ts";
import { rememberReferences } from "./checks/links.ts";
import { readStore, writeStore, type StoredEntry } from "./disk-cache.ts";
import { displayPath, type ContentProblem } from "./problems.ts";
import type { AnyDocument } from "./document.ts";

export interface LoadResult {
  documents: AnyDocument[];
  problems: ContentProblem[];
}

/** Files an editor keeps beside the content that are not documents. */
const NOT_DOCUMENTS = new Set(["README.md"]);

export function listMarkdownFiles(contentDir: string): string[] {
  const root = path.resolve(contentDir);
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !(path.dirname(file) === root && NOT_DOCUMENTS.has(path.basename(file))))
    .sort();
}

/** "2022-03-03-Magnus slutar.md" → "magnus-slutar": the date prefix is for sorting in folders. */
export function fileSlugOf(file: string): string {
  const stem = path.basename(file, ".md").replace(/^\d{4}-\d{2}-\d{2}[-_ ]?/, "");
  return slugify(stem);
}

interface DocumentResult {
  document?: AnyDocument;
  problems: ContentProblem[];
  /** The body's links and images (for the link check), when the file became a document. */
  references?: BodyReference[];
}

interface CacheEntry {
  mtimeMs: number;
  size: number;
  /** Of the file's bytes: what the cache on disk is checked against. */
  hash: string;
  result: DocumentResult;
}

function hashOf(bytes: Buffer): string {
  return crypto.createHash("sha1").update(bytes).digest("base64");
}

// The dev server rebuilds on every save: re-read only the files that changed.
const cache = new Map<string, CacheEntry>();

/**
 * `stored`: what an earlier run found (src/content/disk-cache.ts). `fresh` is told when the file had to be read.
 */
export function loadDocument(file: string, contentDir: string, stored?: ReadonlyMap<string, StoredEntry>, fresh?: () => void): DocumentResult {
  const stat = fs.statSync(file);
  const cached = cache.get(file);
  // Within one process (the dev server's rebuilds) time and size decide: reading every file on each save would not do.
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.result;
  const bytes = fs.readFileSync(file);
  const hash = hashOf(bytes);
  // Across processes the bytes decide: a copy that kept its time and size (rsync -t, tar) must not pass for the old
  // file when a build publishes it. Reading and hashing 10,000 files is a fraction of parsing them.
  const entry = stored?.get(file);
  const unchanged = entry !== undefined && entry.hash === hash;
  const result = unchanged ? revive(entry, file) : readDocument(file, contentDir, bytes.toString("utf8"));
  if (!unchanged) fresh?.();
  cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, hash, result });
  return result;
}

/** A stored document with its body read from the file only when a page asks for it: `npm run check` never does. */
function revive(entry: StoredEntry, file: string): DocumentResult {
  if (!entry.document) return { problems: entry.problems };
  let body: string | undefined;
  const document = { ...entry.document } as AnyDocument;
  Object.defineProperty(document, "body", {
    enumerable: true,
    get: () => (body ??= bodyOf(fs.readFileSync(file, "utf8"))),
  });
  if (entry.references) rememberReferences(document, entry.references);
  return { document, problems: entry.problems, references: entry.references };
}

function storedEntry(entry: CacheEntry): StoredEntry {
  const { document, problems, references } = entry.result;
  if (!document) return { hash: entry.hash, problems };
  const { body: _body, ...rest } = document;
  return { hash: entry.hash, document: rest, problems, references };
}

function readDocument(file: string, contentDir: string, source: string): DocumentResult {
  const shown = displayPath(file);
  const folder = path.relative(contentDir, file).split(path.sep)[0] ?? "";
  const type = typeForFolder(folder);
  if (!type) {
    const folders = TYPE_KEYS.map((key) => `${DOCUMENT_TYPES[key].folder}/`).join(", ");
    return {
      problems: [{ file: shown, severity: "fel", message: `filen ligger inte i någon av dokumentmapparna (${folders}); flytta den dit den hör hemma` }],
    };
  }

  let parsed: ParsedFile;
  try {
    parsed = parseFrontMatter(source);
  } catch (error) {
    if (error instanceof FrontMatterError) {
      return { problems: [{ file: shown, line: error.line, column: error.column, severity: "fel", message: error.message }] };
    }
    throw error;
  }

  const info = DOCUMENT_TYPES[type];
  const result = info.schema.safeParse(parsed.data);
  const problems: ContentProblem[] = result.success ? [] : issuesToProblems(result.error.issues, shown, parsed, info.label);
  problems.push(...referenceProblems(parsed, shown));
  problems.push(...documentChecks({ file: shown, parsed }));
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (!result.success || problems.some((problem) => problem.severity === "fel")) return { problems };

  const data = result.data;
  const fileSlug = fileSlugOf(file);
  if (fileSlug === "") {
    return { problems: [{ file: shown, severity: "fel", message: "filnamnet behöver innehålla bokstäver eller siffror, t.ex. 2024-05-01-ny-forbundschef.md" }] };
  }
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
  // The outline the body check just made (no second parse): the link check and the cache on disk take it.
  const { references } = takeOutline(parsed.body, parsed.bodyLine);
  rememberReferences(document, references);
  return { document, problems, references };
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

/** Two entries with one feed id are one entry to a feed reader: a copied file that kept its `id` hides the original. */
export function duplicateIdProblems(documents: readonly AnyDocument[]): ContentProblem[] {
  const byId = new Map<string, AnyDocument[]>();
  for (const document of documents) byId.set(document.id, [...(byId.get(document.id) ?? []), document]);
  return [...byId].flatMap(([id, sharing]) =>
    sharing.length < 2
      ? []
      : sharing.map((document): ContentProblem => ({
          file: document.sourcePath,
          field: "id",
          severity: "fel",
          message: `har samma id ${id} som ${sharing.filter((other) => other !== document).map((other) => other.sourcePath).join(", ")}; ta bort id i den kopierade filen`,
        })),
  );
}

/** `now` decides which link targets count as published; builds with a fixed "now" pass theirs. */
const consulted = new Set<string>();

export interface LoadOptions {
  /**
   * Keep what was found per file on disk for the next run (src/content/disk-cache.ts): the commands pass it
   * (unless FINSAM_CACHE=0); library callers and tests load afresh.
   */
  persist?: boolean;
}

export function loadContent(contentDir: string, now: Date = new Date(), { persist = false }: LoadOptions = {}): LoadResult {
  const documents: AnyDocument[] = [];
  const problems: ContentProblem[] = [];
  const root = path.resolve(contentDir);
  const files = listMarkdownFiles(contentDir).map((file) => path.resolve(file));
  // Once per process and folder: a dev server's later rebuilds have every file in memory already, and reading
  // or rewriting the whole store on each save would cost more than the few files that changed.
  const stored = persist && !consulted.has(root) ? readStore(root) : undefined;
  consulted.add(root);
  let changed = stored !== undefined && stored.size !== files.length;
  for (const file of files) {
    const result = loadDocument(file, root, stored, () => (changed = true));
    if (result.document) documents.push(result.document);
    problems.push(...result.problems);
  }
  if (stored && changed) {
    writeStore(root, new Map(files.map((file) => [file, storedEntry(cache.get(file) as CacheEntry)])));
  }
  problems.push(...duplicateUrlProblems(documents), ...duplicateIdProblems(documents));
  problems.push(...siteChecks(documents, path.resolve(contentDir), now));
  return { documents, problems };
}

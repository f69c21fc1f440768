// What loading found per file, kept on disk between runs of `npm run check`, `npm run build` and `npm start`, so a
// run parses and checks only the files whose bytes changed, like ESLint's or TypeScript's caches.
// Parsing, validating and checking 10,000 documents takes several seconds; reading this file a fraction of one.
// Any change to the generator's code or dependencies, the working folder or Node starts a new cache.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ContentProblem } from "./problems.ts";
import type { AnyDocument } from "./document.ts";
import type { BodyReference } from "./checks/body.ts";
import type { RejectedFile } from "./read.ts";

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ROOT = path.dirname(SRC);
/** Where the generator keeps what it can make again: this cache, and the loading workers' bundles (load-parallel.ts). */
export const CACHE_DIR = path.join(ROOT, "node_modules", ".cache", "finsam");
const FORMAT = 2;

/** A document without its body: the body is read from the file again when a page needs it. */
export type StoredDocument = Omit<AnyDocument, "body">;

export interface StoredEntry {
  /** SHA-1 of the file's bytes when it was read. */
  hash: string;
  document?: StoredDocument;
  problems: ContentProblem[];
  /** The body's links and images, for the site-wide link check. */
  references?: BodyReference[];
  /** A file with errors of its own: what the link check still checks of it. */
  rejected?: RejectedFile;
}

/** FINSAM_CACHE=0 turns the cache off (bench/ measures cold runs with it). */
export function diskCacheEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.FINSAM_CACHE !== "0";
}

let version: string | undefined;

/** Everything loading depends on besides the content: our code (all of src/), the locked dependencies, Node, the working folder. */
export function codeVersion(): string {
  if (version) return version;
  const hash = crypto.createHash("sha256").update(`${FORMAT}\n${process.version}\n${process.cwd()}\n`);
  const files = (fs.readdirSync(SRC, { recursive: true }) as string[]).filter((file) => file.endsWith(".ts")).sort();
  for (const file of files) hash.update(`${file}\n`).update(fs.readFileSync(path.join(SRC, file)));
  const lock = path.join(ROOT, "package-lock.json");
  if (fs.existsSync(lock)) hash.update(fs.readFileSync(lock));
  return (version = hash.digest("hex").slice(0, 16));
}

export function storeFileOf(contentDir: string): string {
  const name = crypto.createHash("sha256").update(path.resolve(contentDir)).digest("hex").slice(0, 16);
  return path.join(CACHE_DIR, `content-${name}.json`);
}

// Dates survive the round trip as { "$date": milliseconds }; front matter never has a field named "$date".
function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Date ? { $date: raw.getTime() } : value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    if (typeof record.$date === "number" && Object.keys(record).length === 1) return new Date(record.$date);
  }
  return value;
}

/** The stored entries for a content folder, by absolute file path; empty when there are none for this code. */
export function readStore(contentDir: string): Map<string, StoredEntry> {
  try {
    const stored = JSON.parse(fs.readFileSync(storeFileOf(contentDir), "utf8"), reviver) as { version: string; entries: Record<string, StoredEntry> };
    if (stored.version !== codeVersion()) return new Map();
    // In use: not one for pruneStores to remove.
    const now = new Date();
    fs.utimesSync(storeFileOf(contentDir), now, now);
    return new Map(Object.entries(stored.entries));
  } catch {
    // None yet, or unreadable (an interrupted write, another format): start afresh.
    return new Map();
  }
}

/** Replaces the stored entries for a content folder; a failure to write only costs the next run its speed. */
export function writeStore(contentDir: string, entries: ReadonlyMap<string, StoredEntry>): void {
  const file = storeFileOf(contentDir);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    fs.writeFileSync(temporary, JSON.stringify({ version: codeVersion(), entries: Object.fromEntries(entries) }, replacer));
    // Atomic: a run reading at the same time sees the old file or the new one, never half of one.
    fs.renameSync(temporary, file);
  } catch {
    fs.rmSync(temporary, { force: true });
  }
  pruneStores();
}

const UNUSED_FOR_MS = 7 * 24 * 3_600_000;

/** Content folders come and go (temporary ones in tests, old checkouts): their stores go after a week unused. */
function pruneStores(): void {
  const cutoff = Date.now() - UNUSED_FOR_MS;
  for (const name of fs.existsSync(CACHE_DIR) ? fs.readdirSync(CACHE_DIR) : []) {
    const file = path.join(CACHE_DIR, name);
    try {
      if (fs.statSync(file).mtimeMs < cutoff) fs.rmSync(file, { force: true });
    } catch {
      // Another run removed it first.
    }
  }
}

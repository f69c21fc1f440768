// The shipped seed documents (one per type) and a helper to vary one of their front-matter lines.
import fs from "node:fs";
import path from "node:path";
import { ARTICLE_KEYS, DOCUMENT_TYPES, type TypeKey } from "../../src/content/types.ts";

export const CONTENT_DIR = "content";

/** The one seed file of a type, e.g. content/nyheter/2022-03-03-magnus-slutar-som-nationell-stodperson.md. */
export function seedFile(type: TypeKey): string {
  const folder = path.join(CONTENT_DIR, DOCUMENT_TYPES[type].folder);
  const files = fs.readdirSync(folder).filter((name) => name.endsWith(".md"));
  if (files.length !== 1) throw new Error(`expected one seed in ${folder}, found ${files.length}`);
  return path.join(folder, files[0] as string);
}

export function seedSource(type: TypeKey): string {
  return fs.readFileSync(seedFile(type), "utf8");
}

/** The article types, one seed each (pages and events have tests of their own: tests/unit/content/schemas/). */
export const SEED_TYPES: readonly TypeKey[] = ARTICLE_KEYS;

/** Replaces exactly one occurrence of `from` in the front matter; throws if the seed no longer has it. */
export function vary(source: string, from: string, to: string): string {
  const count = source.split(from).length - 1;
  if (count !== 1) throw new Error(`expected "${from}" once in the seed, found ${count}`);
  return source.replace(from, to);
}

/** 1-based line of the first line that starts with `prefix` (after indentation), counted by the test itself. */
export function lineOf(source: string, prefix: string, occurrence = 1): number {
  let seen = 0;
  const lines = source.split("\n");
  for (let index = 0; index < lines.length; index++) {
    if ((lines[index] as string).trimStart().startsWith(prefix) && ++seen === occurrence) return index + 1;
  }
  throw new Error(`no line starts with "${prefix}"`);
}

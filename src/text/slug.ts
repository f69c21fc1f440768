// The one Swedish slug function: permalinks, tag and organisation pages, heading ids.
// Swedish sites write å, ä → a and ö → o (not "aa"/"ae"/"oe"), and "&" reads "och".

const SWEDISH_LETTERS: Record<string, string> = { å: "a", ä: "a", ö: "o", æ: "ae", ø: "o", ß: "ss" };

import { memoise } from "./memo.ts";

// The same few tags and organisation keys are slugged many times per document (schema, collections, links):
// short texts' slugs are remembered (src/text/memo.ts, bounded).
const MEMO_TEXT_LENGTH = 200;
const slugOfShort = memoise(slugOf);

export function slugify(text: string): string {
  return text.length > MEMO_TEXT_LENGTH ? slugOf(text) : slugOfShort(text);
}

/** slugify without its memo, for texts of which there are as many as files (a file's name): remembering each only costs. */
export function slugifyUncached(text: string): string {
  return slugOf(text);
}

/** Exactly the texts slugify returns unchanged (and not empty): lower-case letters a–z and digits, single hyphens between. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[åäöæøß]/g, (ch) => SWEDISH_LETTERS[ch] ?? ch)
    .replace(/&/g, " och ")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

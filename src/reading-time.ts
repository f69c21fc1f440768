// Reading time of a document's Markdown body, for the article page: Swedish prose at about 200 words a minute.
import { markdown } from "./markdown.ts";
import type { AnyDocument } from "./content/document.ts";

export const WORDS_PER_MINUTE = 200;

// A word: letters or digits, held together by inner hyphens and apostrophes ("Älv-och-kust", "FK:s" is two).
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/** Words a reader reads: text and inline code of the parsed Markdown, not link targets, image paths or markup. */
export function countWords(body: string): number {
  let count = 0;
  for (const block of markdown.parse(body, {})) {
    const parts = block.type === "inline" ? (block.children ?? []) : block.type === "fence" || block.type === "code_block" ? [block] : [];
    for (const token of parts) {
      if (token.type === "text" || token.type === "code_inline" || token.type === "fence" || token.type === "code_block") {
        count += token.content.match(WORD)?.length ?? 0;
      }
    }
  }
  return count;
}

/** Whole minutes, never less than one: a short notice still takes a moment to read. */
export function readingMinutes(words: number, wordsPerMinute = WORDS_PER_MINUTE): number {
  return Math.max(1, Math.round(words / wordsPerMinute));
}

const cache = new WeakMap<AnyDocument, number>();

export function documentReadingMinutes(document: AnyDocument): number {
  let minutes = cache.get(document);
  if (minutes === undefined) cache.set(document, (minutes = readingMinutes(countWords(document.body))));
  return minutes;
}

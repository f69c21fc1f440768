// Reading time of a document's Markdown body, for the article page: Swedish prose at about 200 words a minute.
import { countTextWords, markdown } from "./markdown.ts";

export const WORDS_PER_MINUTE = 200;

/** Words a reader reads: text and inline code of the parsed Markdown, not link targets, image paths or markup. */
export function countWords(body: string): number {
  return countTextWords(markdown.parse(body, {}));
}

/** Whole minutes, never less than one: a short notice still takes a moment to read. */
export function readingMinutes(words: number, wordsPerMinute = WORDS_PER_MINUTE): number {
  return Math.max(1, Math.round(words / wordsPerMinute));
}

// The readable text of a document's body for the search index: the text and code a reader reads (src/text/markdown.ts
// textBlocks), parsed with markdown-it as the site's renderer parses it, so link targets, image paths and markup are
// never indexed, and raw HTML an editor typed (shown as text on the page) is searched as the text it is.
// Without linkify: a bare address it would make a link keeps the address as its text, so the words are the same,
// and its test of every run of text was the largest part of this parse at a large vocabulary (bench/RESULTS.md).
import markdownIt from "markdown-it";
import { textBlocks } from "../../text/markdown.ts";
import { withFastScanning } from "../../text/markdown-scanning.ts";

/** Exported for the test that it scans as the site's renderer does. */
export const parser = withFastScanning(markdownIt({ html: false, linkify: false, typographer: false }));

/** Line breaks part words; blocks are lines of their own. */
export function bodyText(body: string): string {
  return textBlocks(parser.parse(body, {}), " ").join("\n");
}

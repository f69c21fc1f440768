// The readable text of a document's body for the search index: the text and code a reader reads, parsed with
// markdown-it as the site's renderer (src/text/markdown.ts) parses it, so link targets, image paths and markup are
// never indexed, and raw HTML an editor typed (shown as text on the page) is searched as the text it is.
// Without linkify: a bare address it would make a link keeps the address as its text, so the words are the same,
// and its test of every run of text was the largest part of this parse at a large vocabulary (bench/RESULTS.md).
import markdownIt from "markdown-it";

const parser = markdownIt({ html: false, linkify: false, typographer: false });

export function bodyText(body: string): string {
  const blocks: string[] = [];
  for (const block of parser.parse(body, {})) {
    if (block.type === "fence" || block.type === "code_block") blocks.push(block.content);
    else if (block.type === "inline") {
      // Within a paragraph the text runs on across emphasis and links ("för**bund**" is one word); line breaks part words.
      let text = "";
      for (const token of block.children ?? []) {
        if (token.type === "text" || token.type === "code_inline") text += token.content;
        else if (token.type === "softbreak" || token.type === "hardbreak") text += " ";
      }
      blocks.push(text);
    }
  }
  return blocks.join("\n");
}

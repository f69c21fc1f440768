// The readable text of a document's body for the search index: the text and code a reader reads, parsed with the
// site's own Markdown renderer (src/text/markdown.ts, as countTextWords there), so link targets, image paths and markup
// are never indexed, and raw HTML an editor typed (shown as text on the page) is searched as the text it is.
import { markdown } from "../../text/markdown.ts";

export function bodyText(body: string): string {
  const blocks: string[] = [];
  for (const block of markdown.parse(body, {})) {
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

// The Markdown renderer for editors' text. Editors write prose, not code: raw HTML is shown as
// text, script-capable links are dropped, and headings get Swedish slug ids for deep links.
import markdownIt, { type MarkdownIt, type Token } from "markdown-it";
import { slugify } from "./slug.ts";

const SAFE_LINK = /^(https?:|mailto:|tel:|\/|#|\.{0,2}\/|[^:]*$)/i;

// Ids the article page gives its own elements (layouts/components): "## Paragraf 5" in minutes must not
// take the agenda's "paragraf-5", nor "## Main" the skip link's target.
const LAYOUT_IDS = /^(main|[a-z]+-heading|section-[a-z]+|paragraf-\d+)$/;

/**
 * Destinations refused while a parse runs under collectRefusedLinks. markdown-it asks validateLink without the parse's
 * env, so the one parse running (parses are synchronous) lends its list here for its duration.
 */
let refusing: string[] | undefined;

/** The tokens `parse` made and the destinations it refused (left as plain text on the page, so check reports them). */
export function collectRefusedLinks<T>(parse: () => T): { result: T; refused: string[] } {
  const outer = refusing;
  const refused: string[] = [];
  refusing = refused;
  try {
    return { result: parse(), refused };
  } finally {
    refusing = outer;
  }
}

function createRenderer(): MarkdownIt {
  const md = markdownIt({ html: false, linkify: true, typographer: false });
  // markdown-it already refuses javascript:/vbscript:/file: and most data: URLs; keep an allow-list so a
  // future option change cannot let them through.
  const defaultValidate = md.validateLink.bind(md);
  md.validateLink = (url: string) => {
    const safe = defaultValidate(url) && SAFE_LINK.test(url.trim());
    if (!safe) refusing?.push(url);
    return safe;
  };
  // Bare "ftp://…" in prose stays text, as before, without counting as a refused link: only what an editor wrote
  // as a link ([…](…), <…>, a reference) is reported.
  md.linkify.add("ftp:", null);

  md.core.ruler.push("heading_ids", (state) => {
    // A heading may itself read like a numbered duplicate ("Bakgrund 2"): check every candidate id.
    const used = new Set<string>();
    state.tokens.forEach((token, index) => {
      if (token.type !== "heading_open") return;
      const inline = state.tokens[index + 1];
      const base = slugify(inline?.content ?? "") || "rubrik";
      let id = base;
      for (let n = 2; used.has(id) || LAYOUT_IDS.test(id); n++) id = `${base}-${n}`;
      used.add(id);
      token.attrSet("id", id);
    });
  });
  // Table alignment ("| ---: |") comes out of markdown-it as style="text-align:right": as a class instead, so the
  // content security policy can forbid inline style (src/site/security.ts). site.css aligns the classes.
  md.core.ruler.push("table_alignment_classes", (state) => {
    for (const token of state.tokens) {
      if (token.type !== "th_open" && token.type !== "td_open") continue;
      const align = /^text-align:(left|center|right)$/.exec(String(token.attrGet("style") ?? ""))?.[1];
      if (!token.attrs || !align) continue;
      token.attrs = token.attrs.filter(([name]) => name !== "style");
      token.attrJoin("class", `align-${align}`);
    }
  });
  md.core.ruler.push("path_prefix", (state) => prefixPaths(state.tokens, (state.env as { pathPrefix?: string }).pathPrefix ?? "/"));
  return md;
}

/** Root-relative links and images ("/nyheter/…") get the path prefix ("/finsam/nyheter/…"); the last step of a parse. */
function prefixPaths(tokens: readonly Token[], prefix: string): void {
  if (prefix === "/") return;
  for (const block of tokens) {
    for (const token of block.children ?? []) {
      const attribute = token.type === "link_open" ? "href" : token.type === "image" ? "src" : undefined;
      const value = attribute ? String(token.attrGet(attribute) ?? "") : "";
      if (attribute && value?.startsWith("/") && !value.startsWith("//")) {
        token.attrSet(attribute, `${prefix.replace(/\/$/, "")}${value}`);
      }
    }
  }
}

export const markdown = createRenderer();

// A word: letters or digits, held together by inner hyphens and apostrophes ("Älv-och-kust", "FK:s" is two).
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/** Words a reader reads in parsed Markdown: text and code, not link targets, image paths or markup. */
export function countTextWords(tokens: readonly Token[]): number {
  let count = 0;
  for (const block of tokens) {
    const parts = block.type === "inline" ? (block.children ?? []) : block.type === "fence" || block.type === "code_block" ? [block] : [];
    for (const token of parts) {
      if (token.type === "text" || token.type === "code_inline" || token.type === "fence" || token.type === "code_block") {
        count += token.content.match(WORD)?.length ?? 0;
      }
    }
  }
  return count;
}

/**
 * The text of parsed Markdown, block by block: text and code as a reader reads them, never link targets, image paths
 * or markup. Within a paragraph the text runs on across emphasis and links ("för**bund**" is one word); a line
 * break inside it becomes `lineBreak`.
 */
export function textBlocks(tokens: readonly Token[], lineBreak: string): string[] {
  const blocks: string[] = [];
  for (const block of tokens) {
    if (block.type === "fence" || block.type === "code_block") blocks.push(block.content.trimEnd());
    else if (block.type === "inline") {
      let text = "";
      for (const token of block.children ?? []) {
        if (token.type === "text" || token.type === "code_inline") text += token.content;
        else if (token.type === "softbreak" || token.type === "hardbreak") text += lineBreak;
      }
      blocks.push(text);
    }
  }
  return blocks;
}

/**
 * The body as plain text, paragraphs parted by a blank line: for places that show no markup, such as an event's
 * description in a calendar app.
 */
export function plainText(body: string): string {
  return textBlocks(markdown.parse(body, {}), "\n")
    .filter((block) => block.trim() !== "")
    .join("\n\n");
}

/**
 * A body parsed once for everything a build wants of it: links and images as written (no path prefix yet, as the
 * content checks read them), the words, and the HTML (renderParsedBody). Same instance and options as renderMarkdown.
 */
export function parseBody(body: string): Token[] {
  return markdown.parse(body, {});
}

/** The HTML of parseBody's tokens with the path prefix: what renderMarkdown returns. Changes the tokens' links. */
export function renderParsedBody(tokens: Token[], pathPrefix: string): string {
  prefixPaths(tokens, pathPrefix);
  return markdown.renderer.render(tokens, markdown.options, { pathPrefix });
}

/** A body as HTML with the path prefix, from one parse: what a page shows (src/site-model/model.ts bodyHtml keeps it per build). */
export function renderMarkdown(body: string, pathPrefix = "/"): string {
  return renderParsedBody(parseBody(body), pathPrefix);
}

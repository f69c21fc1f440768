// The Markdown renderer for editors' text. Editors write prose, not code: raw HTML is shown as
// text, script-capable links are dropped, and headings get Swedish slug ids for deep links.
import markdownIt, { type MarkdownIt, type Token } from "markdown-it";
import { slugify } from "./slug.ts";
import { largestFallback, pictureHtml, pictureParts, type ImageCatalogue, type ImageRenditions } from "./picture.ts";
import { escapeXml } from "./xml.ts";

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

  // An image the build made renditions of (src/outputs/images/) is a <picture> of them; its title, when it stands
  // alone in its paragraph, is the caption of a <figure> (figurePictures). Others keep markdown-it's <img>.
  const defaultImage = md.renderer.rules.image;
  md.renderer.rules.image = (tokens, index, options, env: RenderEnv, self) => {
    const token = tokens[index] as Token;
    const image = (token.meta as PictureMeta | null)?.picture;
    if (!image) return defaultImage ? defaultImage(tokens, index, options, env, self) : self.renderToken(tokens, index, options);
    const alt = self.renderInlineAsText(token.children ?? [], options, env);
    const picture = pictureHtml(pictureParts(image, { alt, href: (sitePath) => withPathPrefix(env.pathPrefix ?? "/", sitePath) }));
    const caption = (token.meta as PictureMeta).caption;
    return caption === undefined ? picture : `${picture}<figcaption>${escapeXml(caption)}</figcaption>`;
  };
  return md;
}

interface RenderEnv {
  pathPrefix?: string;
}

interface PictureMeta {
  picture?: ImageRenditions;
  caption?: string;
}

/** Root-relative link with the path prefix ("/nyheter/" → "/finsam/nyheter/"); anything else as it is. */
export function withPathPrefix(prefix: string, sitePath: string): string {
  return prefix === "/" || !sitePath.startsWith("/") ? sitePath : `${prefix.replace(/\/$/, "")}${sitePath}`;
}

/** The original's site path a destination names, as the catalogue keys it (decoded, NFC), or undefined. */
function originalOf(destination: string, images: ImageCatalogue): ImageRenditions | undefined {
  let decoded = destination;
  try {
    decoded = decodeURI(destination);
  } catch {
    // Not valid percent-encoding: no original is named so.
  }
  return images.get(decoded.normalize("NFC"));
}

/**
 * Before prefixing: images with renditions get them (the renderer writes a <picture>), a paragraph that holds nothing
 * but an image with a title becomes a <figure> with that title as its caption, and a link to an original leads to its
 * largest published rendition (the original is never published).
 */
function figurePictures(tokens: readonly Token[], images: ImageCatalogue): void {
  tokens.forEach((block, index) => {
    for (const token of block.children ?? []) {
      if (token.type === "image") {
        const picture = originalOf(String(token.attrGet("src") ?? ""), images);
        if (picture) token.meta = { ...(token.meta ?? {}), picture } satisfies PictureMeta;
      } else if (token.type === "link_open") {
        const linked = originalOf(String(token.attrGet("href") ?? ""), images);
        if (linked) token.attrSet("href", largestFallback(linked).url);
      }
    }
    const only = block.type === "inline" ? (block.children ?? []).filter((child) => !(child.type === "text" && child.content.trim() === "")) : [];
    const image = only.length === 1 && only[0]?.type === "image" ? only[0] : undefined;
    const title = image?.attrGet("title");
    const open = tokens[index - 1];
    const close = tokens[index + 1];
    if (!image || !(image.meta as PictureMeta | null)?.picture || !title || open?.type !== "paragraph_open" || open.hidden || close?.type !== "paragraph_close") return;
    image.meta = { ...image.meta, caption: title } satisfies PictureMeta;
    // The title is the caption now: said once, not again as a tooltip.
    image.attrs = (image.attrs ?? []).filter(([name]) => name !== "title");
    open.tag = "figure";
    close.tag = "figure";
  });
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

/**
 * The HTML of parseBody's tokens with the path prefix: what renderMarkdown returns. Changes the tokens' links. Images in
 * `images` (this build's renditions) become pictures.
 */
export function renderParsedBody(tokens: Token[], pathPrefix: string, images?: ImageCatalogue): string {
  if (images && images.size > 0) figurePictures(tokens, images);
  prefixPaths(tokens, pathPrefix);
  return markdown.renderer.render(tokens, markdown.options, { pathPrefix } satisfies RenderEnv);
}

/** A body as HTML with the path prefix, from one parse: what a page shows (src/site-model/model.ts bodyHtml keeps it per build). */
export function renderMarkdown(body: string, pathPrefix = "/", images?: ImageCatalogue): string {
  return renderParsedBody(parseBody(body), pathPrefix, images);
}

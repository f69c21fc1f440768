// The Markdown renderer for editors' text. Editors write prose, not code: raw HTML is shown as
// text, script-capable links are dropped, and headings get Swedish slug ids for deep links.
import markdownIt, { type MarkdownIt, type StateInline, type Token } from "markdown-it";
import abbreviations from "markdown-it-abbr";
import { T } from "../site/i18n.ts";
import { slugify } from "./slug.ts";
import { largestFallback, pictureHtml, pictureParts, type ImageCatalogue, type ImageRenditions } from "./picture.ts";
import { escapeXml } from "./xml.ts";
import { withFastScanning } from "./markdown-scanning.ts";

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
  const md = withFastScanning(markdownIt({ html: false, linkify: true, typographer: false }));
  // markdown-it already refuses javascript:/vbscript:/file: and most data: URLs; keep an allow-list so a
  // future option change cannot let them through.
  const defaultValidate = md.validateLink.bind(md);
  md.validateLink = (url: string) => {
    const safe = defaultValidate(url) && SAFE_LINK.test(url.trim());
    if (!safe) refusing?.push(url);
    return safe;
  };
  // "*[FK]: Försäkringskassan" on a line of its own marks every FK in the text as <abbr title="Försäkringskassan">
  // (markdown-it's own plugin): the title is an attribute, escaped like every other.
  md.use(abbreviations);
  md.inline.ruler.before("link", "language_span", languageSpan);
  md.renderer.rules.heading_open = (tokens, index, options, _env, self) => {
    const mark = (tokens[index]?.meta as SectionMeta | null)?.section;
    return (mark === undefined ? "" : sectionMark(mark)) + self.renderToken(tokens, index, options);
  };
  // A wide table scrolls in a region of its own, which a keyboard can focus to scroll it (WCAG 1.4.10), named by
  // its column headings; the page around it never scrolls sideways, and its cells never break a word or a number.
  md.renderer.rules.table_open = (tokens, index, options, _env, self) =>
    `<div class="table-scroll" role="region" tabindex="0" aria-label="${md.utils.escapeHtml(tableLabel(tokens, index))}">\n${self.renderToken(tokens, index, options)}`;
  md.renderer.rules.table_close = (tokens, index, options, _env, self) => `${self.renderToken(tokens, index, options)}</div>\n`;
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
  md.core.ruler.push("paragraph_marks", (state) => markParagraphSections(state.tokens));
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

/** "Tabell: År, Deltagare, Kostnad": the header row's text, as plain text, cut to a label's length. */
function tableLabel(tokens: readonly Token[], open: number): string {
  const headers: string[] = [];
  for (let index = open + 1; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    if (token.type === "tr_close" || token.type === "table_close") break;
    if (token.type === "inline") headers.push(textBlocks([token], " ")[0]?.trim() ?? "");
  }
  const named = headers.filter((header) => header !== "").join(", ");
  return T.table(named.length > 100 ? `${named.slice(0, 99)}…` : named);
}

// ---- Another language and abbreviations (WCAG 3.1.2, 3.1.4) ----

/**
 * A language tag of the shape BCP 47 gives the tags a page needs: a two- or three-letter language, then an optional
 * script (Latn), region (GB, 419) and variants. "engelska", "en_GB" or "en gb" are refused, so a typo never reaches a
 * screen reader as a language.
 */
export const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*$/i;

/** What follows "]" in a passage marked with its language: {lang=en} or {lang="en-GB"}; the tag is checked apart. */
export const LANGUAGE_ATTRIBUTE = /^\{lang=(?:"([^"\n]*)"|([^\s"}]*))\}/;

/**
 * "[the text]{lang=en}" (Pandoc's bracketed span, with one attribute only) is <span lang="en">the text</span>. Any
 * other attribute, or a tag of the wrong shape, leaves the brackets as the editor wrote them (the check warns), so
 * nothing but a language ever reaches the HTML.
 */
function languageSpan(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  if (state.src.charCodeAt(start) !== 0x5b /* [ */) return false;
  const labelEnd = state.md.helpers.parseLinkLabel(state, start, false);
  if (labelEnd <= start + 1) return false;
  const attribute = LANGUAGE_ATTRIBUTE.exec(state.src.slice(labelEnd + 1, state.posMax));
  const tag = attribute ? (attribute[1] ?? attribute[2] ?? "") : "";
  if (!attribute || !LANGUAGE_TAG.test(tag)) return false;
  if (!silent) {
    const open = state.push("lang_open", "span", 1);
    open.attrs = [["lang", tag]];
    const max = state.posMax;
    state.pos = start + 1;
    state.posMax = labelEnd;
    state.md.inline.tokenize(state);
    state.posMax = max;
    state.push("lang_close", "span", -1);
  }
  state.pos = labelEnd + 1 + attribute[0].length;
  return true;
}

// ---- The minutes' paragraphs (§) ----

/**
 * A body heading that addresses an agenda item: § and the item's number, with or without a space, and then anything
 * ("§5", "§ 5", "§5 FINSAM är VI!"); not "§5a" or "§". Only a level-2 heading (##) outside quotes and lists counts:
 * content/README.md, "Protokoll", says so to editors.
 */
const PARAGRAPH_HEADING = /^§\s*(\d{1,6})(?![\p{L}\p{N}])/u;

/** The agenda item a body heading's text names ("§ 5 Rubrik" → 5), or undefined. */
export function paragraphOfHeading(text: string): number | undefined {
  const match = PARAGRAPH_HEADING.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}

interface SectionMeta {
  /** The § number of a top-level level-2 heading, or null for one that names no §. */
  section?: number | null;
}

// An HTML comment before each top-level level-2 heading of a body that addresses a §: editors' text cannot write one
// (raw HTML is shown as text), so splitParagraphs finds only these.
const SECTION_MARK = /<!--paragraf:(\d*)-->/;
function sectionMark(section: number | null): string {
  return `<!--paragraf:${section ?? ""}-->`;
}

/** Marks the top-level ## headings of a body that has at least one § heading; other bodies are left as they are. */
function markParagraphSections(tokens: readonly Token[]): void {
  const headings = tokens.flatMap((token, index) =>
    token.type === "heading_open" && token.tag === "h2" && token.level === 0 ? [{ token, section: paragraphOfHeading(tokens[index + 1]?.content ?? "") }] : [],
  );
  if (!headings.some(({ section }) => section !== undefined)) return;
  for (const { token, section } of headings) token.meta = { ...(token.meta ?? {}), section: section ?? null } satisfies SectionMeta;
}

export interface BodyParagraphs {
  /**
   * What stands under no § heading of the agenda, in the order written: before the first § heading, under other ##
   * headings, and under a § heading whose number the agenda lacks (heading and all: nothing an editor wrote is lost).
   */
  rest: string;
  /** The text under each § heading, without the heading (the agenda shows it), its own headings one level deeper. */
  paragraphs: Map<number, string>;
}

/**
 * A rendered body split at its top-level ## headings: a § heading's section runs to the next ## heading or the end.
 * `known` says which § numbers the agenda has; a number written twice gets both sections, in order.
 */
export function splitParagraphs(html: string, known: (section: number) => boolean): BodyParagraphs {
  const parts = html.split(new RegExp(SECTION_MARK.source));
  let rest = parts[0] ?? "";
  const paragraphs = new Map<number, string>();
  for (let index = 1; index < parts.length; index += 2) {
    const section = parts[index] === "" ? undefined : Number(parts[index]);
    const chunk = parts[index + 1] ?? "";
    if (section === undefined || !known(section)) {
      rest += chunk;
      continue;
    }
    const headingEnd = chunk.indexOf("</h2>");
    const text = headingEnd === -1 ? chunk : chunk.slice(headingEnd + "</h2>".length).replace(/^\n/, "");
    paragraphs.set(section, (paragraphs.get(section) ?? "") + deeperHeadings(text));
  }
  return { rest, paragraphs };
}

/** The marks splitParagraphs reads, taken out: for a body shown whole. */
export function withoutParagraphMarks(html: string): string {
  return html.includes("<!--paragraf:") ? html.replace(new RegExp(SECTION_MARK.source, "g"), "") : html;
}

/**
 * Every heading one level deeper (h6 stays h6). Safe on a rendered body: raw HTML is escaped, so "<h" in it is a tag
 * this renderer wrote.
 */
function deeperHeadings(html: string): string {
  return html.replace(/<(\/?)h([1-6])(?=[\s>])/g, (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + 1)}`);
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

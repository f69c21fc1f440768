// The Markdown renderer for editors' text. Editors write prose, not code: raw HTML is shown as
// text, script-capable links are dropped, and headings get Swedish slug ids for deep links.
import markdownIt, { type MarkdownIt, type Token } from "markdown-it";
import { slugify } from "./slug.ts";
import type { AnyDocument } from "./content/document.ts";

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
  // content security policy can forbid inline style (src/security.ts). site.css aligns the classes.
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

const rendered = new WeakMap<AnyDocument, { pathPrefix: string; html: string }>();
const words = new WeakMap<AnyDocument, number>();
let keepRendered = true;

/**
 * Whether rendered bodies are kept for the next build. The dev server re-renders every page on each save, and
 * unchanged documents are the same objects (load.ts cache), so keeping their HTML saves the work; a one-off
 * build renders each body once, and keeping 10,000 of them would only hold hundreds of megabytes.
 */
export function keepRenderedBodies(keep: boolean): void {
  keepRendered = keep;
}

/**
 * A body parsed once for everything a build wants of it: links and images as written (no path prefix yet, as the
 * content checks read them), the words, and the HTML (renderParsedBody). Same instance and options as renderBody.
 */
export function parseBody(body: string): Token[] {
  return markdown.parse(body, {});
}

/** The HTML of parseBody's tokens with the path prefix: what renderBody returns. Changes the tokens' links. */
export function renderParsedBody(tokens: Token[], pathPrefix: string): string {
  prefixPaths(tokens, pathPrefix);
  return markdown.renderer.render(tokens, markdown.options, { pathPrefix });
}

// Bodies rendered ahead of the pages (`npm run build` renders them while loading, on every core), waiting for the
// page that shows them. A one-off build hands each over once and forgets it (the feeds render the few they repeat).
const primed = new WeakMap<AnyDocument, { pathPrefix: string; html: string }>();

/** The body's HTML and word count, rendered elsewhere from the same source: renderBody and bodyWordCount return them. */
export function primeRenderedBody(document: AnyDocument, pathPrefix: string, html: string, wordCount: number): void {
  primed.set(document, { pathPrefix, html });
  words.set(document, wordCount);
}

/**
 * The document's body as HTML. Root-relative links and images ("/nyheter/…") get the path prefix, so a site in
 * a sub-folder works. The same parse gives the word count (bodyWordCount), so the body is parsed once.
 */
export function renderBody(document: AnyDocument, pathPrefix = "/"): string {
  const cached = rendered.get(document);
  if (cached && cached.pathPrefix === pathPrefix) return cached.html;
  const ready = primed.get(document);
  if (ready && ready.pathPrefix === pathPrefix) {
    primed.delete(document);
    if (keepRendered) rendered.set(document, ready);
    return ready.html;
  }
  const tokens = parseBody(document.body);
  if (!words.has(document)) words.set(document, countTextWords(tokens));
  const html = renderParsedBody(tokens, pathPrefix);
  if (keepRendered) rendered.set(document, { pathPrefix, html });
  return html;
}

/** Words in the document's body (for the reading time): from renderBody's parse when it has run. */
export function bodyWordCount(document: AnyDocument): number {
  let count = words.get(document);
  if (count === undefined) words.set(document, (count = countTextWords(parseBody(document.body))));
  return count;
}

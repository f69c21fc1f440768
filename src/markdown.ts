// The Markdown renderer for editors' text. Editors write prose, not code: raw HTML is shown as
// text, script-capable links are dropped, and headings get Swedish slug ids for deep links.
import markdownIt, { type MarkdownIt } from "markdown-it";
import { slugify } from "./slug.ts";
import type { AnyDocument } from "./content/document.ts";

const SAFE_LINK = /^(https?:|mailto:|tel:|\/|#|\.{0,2}\/|[^:]*$)/i;

// Ids the article page gives its own elements (layouts/components): "## Paragraf 5" in minutes must not
// take the agenda's "paragraf-5", nor "## Main" the skip link's target.
const LAYOUT_IDS = /^(main|[a-z]+-heading|section-[a-z]+|paragraf-\d+)$/;

function createRenderer(): MarkdownIt {
  const md = markdownIt({ html: false, linkify: true, typographer: false });
  // markdown-it already refuses javascript:/vbscript:/file: and most data: URLs; keep an allow-list so a
  // future option change cannot let them through.
  const defaultValidate = md.validateLink.bind(md);
  md.validateLink = (url: string) => defaultValidate(url) && SAFE_LINK.test(url.trim());

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
  md.core.ruler.push("path_prefix", (state) => {
    const prefix = (state.env as { pathPrefix?: string }).pathPrefix ?? "/";
    if (prefix === "/") return;
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        const attribute = token.type === "link_open" ? "href" : token.type === "image" ? "src" : undefined;
        const value = attribute ? String(token.attrGet(attribute) ?? "") : "";
        if (attribute && value?.startsWith("/") && !value.startsWith("//")) {
          token.attrSet(attribute, `${prefix.replace(/\/$/, "")}${value}`);
        }
      }
    }
  });
  return md;
}

export const markdown = createRenderer();

const rendered = new WeakMap<AnyDocument, { pathPrefix: string; html: string }>();

/**
 * The document's body as HTML, rendered once per build however many pages and feeds show it.
 * Root-relative links and images ("/nyheter/…") get the path prefix, so a site in a sub-folder works.
 */
export function renderBody(document: AnyDocument, pathPrefix = "/"): string {
  const cached = rendered.get(document);
  if (cached && cached.pathPrefix === pathPrefix) return cached.html;
  const html = markdown.render(document.body, { pathPrefix });
  rendered.set(document, { pathPrefix, html });
  return html;
}

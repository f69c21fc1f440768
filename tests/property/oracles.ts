// What editor text must look like after the trip through each output format, and what a page may never contain.
import { expect } from "vitest";
import { load, type CheerioAPI } from "cheerio";
import { isXmlChar } from "../integration/feeds/feed-helpers.ts";


/**
 * Text as the build reads it from a UTF-8 file: an unpaired surrogate (YAML's "\uD800" escape) is U+FFFD there,
 * and invisible control characters (C0 but tab and line breaks, DEL, C1) are dropped.
 */
export function fileText(text: string): string {
  return text.replace(/\p{Surrogate}/gu, "\uFFFD").replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, "");
}

/** The text a feed can carry: the editor's, less the characters no XML 1.0 document may hold (unpaired surrogates too). */
export function xmlText(text: string): string {
  return [...text].filter((char) => isXmlChar(char.codePointAt(0) as number)).join("");
}

/** What a browser reads back from element text in a UTF-8 page: unpaired surrogates became U+FFFD on disk, CR is a line end, NUL is dropped. */
export function htmlText(text: string): string {
  return Buffer.from(text, "utf8").toString("utf8").replace(/\r\n?/g, "\n").replace(/\u0000/g, "");
}

// What markdown-it with html: false writes for a body: anything else came from the editor's text.
const BODY_ELEMENTS = new Set([
  "p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "em", "strong", "s", "code", "pre", "blockquote", "ul", "ol",
  "li", "hr", "br", "table", "thead", "tbody", "tr", "th", "td",
  // The editors' own markup (src/text/markdown.ts): a table's scrolling region, a passage's language, an abbreviation
  "div", "span", "abbr",
]);
// Each of those takes only its own attributes, whatever the editor wrote.
const OWN_ATTRIBUTES: Record<string, ReadonlySet<string>> = {
  div: new Set(["class", "role", "tabindex", "aria-label"]),
  span: new Set(["lang"]),
  abbr: new Set(["title"]),
};
const LANGUAGE = /^[a-z]{2,3}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*$/i;
// No style: table alignment comes out as a class, so the content security policy can forbid inline style.
const BODY_ATTRIBUTES = new Set(["href", "src", "alt", "title", "id", "start", "class"]);
const SAFE_SCHEMES = new Set(["http:", "https:", "mailto:", "tel:"]);
const ORIGIN = "https://finsam.example";

/** What a parsed element offers (the "*" selector only matches elements). */
interface ElementNode {
  tagName: string;
  attribs: Record<string, string>;
}

function expectSafeUrl(attribute: string, value: string, extraSchemes: readonly string[] = []): void {
  // Resolved the way a browser does: tabs and newlines dropped, entities already decoded by the parser.
  const url = new URL(value, `${ORIGIN}/nyheter/2024/a/`);
  const safe = url.origin === ORIGIN || SAFE_SCHEMES.has(url.protocol) || extraSchemes.includes(url.protocol);
  expect(safe, `${attribute}="${value}"`).toBe(true);
}

// The layouts' own links may also subscribe to the site's calendar; a body never needs to.
const PAGE_SCHEMES = ["webcal:"];

/** A rendered Markdown body (page or feed content): only the elements and attributes Markdown makes, no script URL. */
export function expectInertBody(rendered: string): void {
  // Read as the browser gets it: written to disk as UTF-8, where an unpaired surrogate becomes U+FFFD.
  const html = Buffer.from(rendered, "utf8").toString("utf8");
  const $ = load(html, null, false);
  $("*").each((_, node) => {
    const element = node as unknown as ElementNode;
    const name = element.tagName.toLowerCase();
    expect(BODY_ELEMENTS.has(name), `<${name}> in ${html.slice(0, 300)}`).toBe(true);
    const own = OWN_ATTRIBUTES[name];
    if (name === "div") expect(element.attribs, "a table's region").toMatchObject({ class: "table-scroll", role: "region", tabindex: "0" });
    if (name === "div") expect($(node).children().first().is("table"), "a div holds a table").toBe(true);
    if (name === "span") expect(element.attribs["lang"] ?? "", "a span's language").toMatch(LANGUAGE);
    for (const [attribute, value] of Object.entries(element.attribs)) {
      expect(own ? own.has(attribute) : BODY_ATTRIBUTES.has(attribute), `${attribute}= on <${name}>`).toBe(true);
      if (attribute === "class" && name !== "div") expect(value).toMatch(/^(language-|align-(left|center|right)$)/);
      if (attribute === "href" || attribute === "src") expectSafeUrl(attribute, value);
    }
  });
}

const NEVER = ["iframe", "object", "embed", "frame", "frameset", "base", "applet", "svg", "math", "template"];

/**
 * A whole built page: scripts are only JSON-LD data or the site's own external files, no event handler
 * attribute anywhere, no element that loads other documents, no script URL, one <title>.
 */
export function expectNoInjection($: CheerioAPI, file: string): void {
  $("script").each((_, script) => {
    const type = $(script).attr("type");
    const src = $(script).attr("src");
    const ownFile = src !== undefined && src.startsWith("/") && !src.startsWith("//") && $(script).text() === "";
    expect(type === "application/ld+json" || ownFile, `${file}: ${$.html(script).slice(0, 200)}`).toBe(true);
  });
  $("*").each((_, node) => {
    const element = node as unknown as ElementNode;
    const name = element.tagName.toLowerCase();
    expect(NEVER, `${file}: <${name}>`).not.toContain(name);
    for (const [attribute, value] of Object.entries(element.attribs)) {
      expect(attribute.startsWith("on"), `${file}: ${attribute}= on <${name}>`).toBe(false);
      if (["href", "src", "action", "formaction", "srcset", "poster", "data"].includes(attribute) && value !== "") {
        expectSafeUrl(attribute, value, PAGE_SCHEMES);
      }
    }
  });
  expect($("title"), file).toHaveLength(1);
}

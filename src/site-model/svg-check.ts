// An SVG file is a document, not a picture: opened at its own address on the site's origin it can run script and load
// other sites' content. Only SVG without either is taken (logos, graphics). Read with an XML parser, as a browser
// reads it, never with patterns over the text alone; the text is searched only to say on which line a finding is.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { Position } from "../content/checks/body.ts";

export interface SvgFinding {
  /** What was found, in Swedish, for the editor: "<script>", "attributet onload". */
  what: string;
  position?: Position;
}

export type SvgVerdict =
  | { kind: "clean" }
  /** Not well-formed XML: browsers show an error instead of the image. */
  | { kind: "not-xml"; position?: Position }
  | { kind: "not-svg"; root: string }
  | { kind: "unsafe"; findings: SvgFinding[] };

/** Elements that run script or embed other documents, by local name (lower case): refused in any namespace. */
const REFUSED_ELEMENTS = new Set(["script", "foreignobject", "handler", "listener", "iframe", "frame", "embed", "object", "applet"]);
/** SMIL elements that can set an attribute: setting href or an event handler is script by another route. */
const ANIMATIONS = new Set(["set", "animate", "animatemotion", "animatetransform", "animatecolor"]);

/** A node of fast-xml-parser's ordered output: one key naming it, and ":@" holding its attributes. */
type OrderedNode = Record<string, unknown>;

function isNodeList(value: unknown): value is OrderedNode[] {
  return Array.isArray(value) && value.every((node) => typeof node === "object" && node !== null && !Array.isArray(node));
}

function attributesOf(node: OrderedNode): [string, string][] {
  const attributes = node[":@"];
  if (typeof attributes !== "object" || attributes === null) return [];
  return Object.entries(attributes).map(([name, value]) => [name, typeof value === "string" ? value : String(value)]);
}

function localName(name: string): string {
  return (name.split(":").pop() ?? name).toLowerCase();
}

/** XML's character references and predefined entities, which the parser is told to leave alone (so none is missed). */
function decodeXml(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(lt|gt|amp|apos|quot));/gi, (whole, decimal?: string, hex?: string, name?: string) => {
    if (decimal !== undefined || hex !== undefined) {
      const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? "", 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return { lt: "<", gt: ">", amp: "&", apos: "'", quot: '"' }[(name ?? "").toLowerCase()] ?? whole;
  });
}

/** CSS as a browser reads it before looking for url(): escapes ("\75 rl(") resolved, comments gone. */
function decodeCss(text: string): string {
  return text
    .replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => {
      const code = Number.parseInt(hex, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\uFFFD";
    })
    .replace(/\\(.)/g, "$1")
    .replace(/\/\*[\s\S]*?\*\//g, "");
}

/** A URL scheme that runs code or carries a document of its own; browsers ignore white space and controls inside it. */
function dangerousScheme(value: string): string | undefined {
  const squeezed = value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
  return /(?:^|[^a-z0-9+.-])(javascript|vbscript|data):/.exec(squeezed)?.[1];
}

/** What in CSS text (a <style> element or a style attribute) fetches something or runs code. */
function cssFindings(css: string): string[] {
  const text = decodeCss(css);
  const found: string[] = [];
  if (/@import\b/i.test(text)) found.push("@import i stilen (hämtar en stilmall från en annan adress)");
  for (const match of text.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))\s*\)/gi)) {
    const target = (match[1] ?? match[2] ?? match[3] ?? "").trim();
    if (!target.startsWith("#")) found.push(`url(${shorten(target)}) i stilen (hämtar en fil från en annan adress)`);
  }
  if (/\b(?:-webkit-)?image-set\(|\bcross-fade\(|\belement\(|\bexpression\(|-moz-binding|\bbehavior\s*:/i.test(text)) {
    found.push("en stilfunktion som hämtar innehåll eller kör kod");
  }
  return found;
}

function shorten(raw: string): string {
  // A finding is one line: a tab or line break hidden in a value is shown as a space.
  const text = raw.replace(/[\u0000-\u001f\u007f]/g, " ");
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** The position of a regular expression's first match in the file, for the finding's line and column. */
function locate(source: string, pattern: RegExp): Position | undefined {
  const index = source.search(pattern);
  if (index < 0) return undefined;
  const before = source.slice(0, index).split("\n");
  return { line: before.length, column: (before.at(-1) ?? "").length + 1 };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whether an SVG file's text may be published: it must parse, have <svg> at its root and hold nothing active. */
export function checkSvg(source: string): SvgVerdict {
  const text = source.replace(/^\uFEFF/, "");
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) {
    return { kind: "not-xml", position: { line: valid.err.line, column: valid.err.col } };
  }
  const findings: SvgFinding[] = [];
  const add = (what: string, pattern: RegExp) => {
    if (!findings.some((finding) => finding.what === what)) findings.push({ what, position: locate(text, pattern) });
  };
  // The parser reads a DOCTYPE's entity declarations and drops them, but a browser expands them into markup.
  if (/<!ENTITY/i.test(text)) add("egna entiteter (<!ENTITY>), som webbläsaren kan göra om till kod", /<!ENTITY/i);

  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    allowBooleanAttributes: true,
    processEntities: false,
    htmlEntities: false,
    ignoreDeclaration: false,
    ignorePiTags: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    cdataPropName: "#cdata",
    commentPropName: "#comment",
  });
  const parsed: unknown = parser.parse(text);
  if (!isNodeList(parsed)) return { kind: "not-xml" };

  const root = parsed.map((node) => Object.keys(node).find((key) => key !== ":@") ?? "").find((name) => name !== "" && !name.startsWith("?") && !name.startsWith("#"));
  if (root === undefined || localName(root) !== "svg") return { kind: "not-svg", root: root ?? "" };

  // An explicit stack: a deeply nested file must not exhaust the call stack of the check.
  const stack: { node: OrderedNode; inStyle: boolean }[] = parsed.map((node) => ({ node, inStyle: false })).reverse();
  while (stack.length > 0) {
    const { node, inStyle } = stack.pop() as { node: OrderedNode; inStyle: boolean };
    const name = Object.keys(node).find((key) => key !== ":@") ?? "";
    const content = node[name];
    if (name === "#text") {
      if (inStyle && typeof content === "string") for (const what of cssFindings(decodeXml(content))) add(what, /<(?:[\w.-]+:)?style[\s>]/i);
      continue;
    }
    if (name === "#comment") continue;
    if (name.startsWith("?")) {
      if (name.toLowerCase() === "?xml-stylesheet") add("en stilmall från en annan fil (<?xml-stylesheet?>)", /<\?xml-stylesheet/i);
      continue;
    }
    const local = localName(name);
    if (REFUSED_ELEMENTS.has(local)) add(`<${name}>`, new RegExp(`<${escapeRegExp(name)}[\\s>/]`, "i"));
    for (const [attribute, raw] of attributesOf(node)) {
      if (attribute === "xmlns" || attribute.startsWith("xmlns:")) continue;
      const value = decodeXml(raw);
      const attributeAt = new RegExp(`(?<=\\s)${escapeRegExp(attribute)}\\s*=`);
      const attributeLocal = localName(attribute);
      if (attributeLocal.startsWith("on")) add(`attributet ${attribute} (kör kod när bilden visas eller används)`, attributeAt);
      else if (attributeLocal === "href" && value.trim() !== "" && !value.trim().startsWith("#")) {
        add(`${attribute}="${shorten(value.trim())}" (en länk eller hänvisning till en annan fil eller webbplats)`, attributeAt);
      }
      const scheme = dangerousScheme(value);
      if (scheme) add(`en ${scheme}:-adress i attributet ${attribute}`, attributeAt);
      if (ANIMATIONS.has(local) && attributeLocal === "attributename" && /(?:^|:)(?:href$|on)/i.test(value.trim())) {
        add(`<${name}> som ändrar attributet ${value.trim()}`, attributeAt);
      }
      for (const what of attributeLocal === "style" || /url\(|@import/i.test(value) ? cssFindings(value) : []) add(what, attributeAt);
    }
    if (isNodeList(content)) {
      for (const child of [...content].reverse()) {
        const childName = Object.keys(child).find((key) => key !== ":@") ?? "";
        // CDATA in a <style> element is style text all the same.
        if (childName === "#cdata" && isNodeList(child[childName])) {
          for (const inner of child[childName] as OrderedNode[]) stack.push({ node: inner, inStyle: local === "style" });
        } else {
          stack.push({ node: child, inStyle: local === "style" });
        }
      }
    }
  }
  return findings.length === 0 ? { kind: "clean" } : { kind: "unsafe", findings };
}

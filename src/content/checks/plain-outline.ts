// The outline of a body written in plain Markdown, read line by line instead of by markdown-it's block and inline
// parse, which was the largest part of `npm run check` (bench/RESULTS.md, issue 11). Plain is what most bodies are:
// paragraphs, "#" headings, one level of "-", "*", "+" or "1." lists, and links and images written [text](address)
// or ![text](address) on one line. For anything else the scan answers undefined and markdown-it reads the body:
// indented lines, quotes, code, HTML and <addresses>, escapes, tables, rules and underlined headings, reference
// links and definitions, brackets that are not such a link, "://" outside an address on a line with a link, a refused
// address.
// tests/property/plain-outline.property.test.ts holds its outline to markdown-it's for any text.
import { markdown } from "../../text/markdown.ts";
import type { LinkPart, LinkingBlock, OutlineParts } from "./outline-parts.ts";

/**
 * Code spans and fences, HTML and autolinks, backslash escapes, table rows, a NUL markdown-it replaces, a carriage
 * return it does not split lines at. (A reference or abbreviation definition has a "[" that is no link: see below.)
 */
const NOT_PLAIN = /[`<\\|\0\r]/;

/** A link or image on one line, with nothing in it that markdown-it could read otherwise (its address no entity). */
const LINK = /(!?)\[([^[\]\n]*)\]\(([^\s()<>[\]\\`&\x00-\x1f\x7f]+)\)/g;

/**
 * A path on the site of characters that need no encoding: markdown-it's normalised form, its text form and its
 * decoded form are the path itself (nothing to decode, no host to turn back from punycode), and the renderer takes
 * it. Most links are; the property test holds markdown-it to that.
 */
export const PLAIN_PATH = /^\/(?!\/)[A-Za-z0-9\-._~/]*$/;

// What a line is, as the scan sees it. An item marker that may interrupt a paragraph (a bullet, or an ordered one
// numbered 1), one that may not (an ordered "2."), and headings of each level, counted from HEADING.
const NOT_FOLLOWED = -1;
const BLANK = 0;
const TEXT = 1;
const ITEM = 2;
const LATER_ITEM = 3;
const HEADING = 10;

const SPACE = 0x20;
const HASH = 0x23;

/** A space or a tab: markdown-it's blank within a line. */
const { isSpace } = markdown.utils;

/** A character that marks a bullet, a thematic break or a setext heading's underline at the start of a line. */
function isBulletRuleOrUnderline(code: number): boolean {
  return code === 0x2d /* - */ || code === 0x2b /* + */ || code === 0x2a /* * */ || code === 0x5f /* _ */ || code === 0x3d /* = */;
}

/** The kind of the line from `start` on: what its first characters make of it. */
function lineKind(line: string, start: number): number {
  const first = line.charCodeAt(start);
  if (start >= line.length) return BLANK;
  if (isSpace(first)) {
    for (let at = start + 1; at < line.length; at++) if (!isSpace(line.charCodeAt(at))) return NOT_FOLLOWED;
    return BLANK;
  }
  if (first === HASH) {
    let level = 1;
    while (level <= 6 && line.charCodeAt(start + level) === HASH) level++;
    return level <= 6 && (start + level === line.length || isSpace(line.charCodeAt(start + level))) ? HEADING + level : NOT_FOLLOWED;
  }
  if (first >= 0x30 && first <= 0x39) return numberedKind(line, start);
  if (first === 0x2d /* - */ || first === 0x2b /* + */ || first === 0x2a /* * */) {
    const next = line.charCodeAt(start + 1);
    if (next === SPACE) return itemKind(line, start + 1, ITEM);
    if (first !== 0x2a && start + 1 < line.length && !isSpace(next) && !isBulletRuleOrUnderline(next)) return TEXT;
  }
  if (first === 0x2a /* * */ || first === 0x5f /* _ */) {
    // "**Viktigt:** …": a run of emphasis marks and then text is neither a rule nor a list item.
    let at = start + 1;
    while (line.charCodeAt(at) === 0x2a || line.charCodeAt(at) === 0x5f) at++;
    return at < line.length && !isSpace(line.charCodeAt(at)) ? TEXT : NOT_FOLLOWED;
  }
  if (isBulletRuleOrUnderline(first) || first === 0x3e /* > */ || first === 0x7e /* ~ */) return NOT_FOLLOWED;
  return TEXT;
}

/** A line starting with a digit: an ordered item's "1." or "2)", or text ("2024 års…", "1.5 miljoner"). */
function numberedKind(line: string, start: number): number {
  let at = start;
  let value = 0;
  while (at < line.length && line.charCodeAt(at) >= 0x30 && line.charCodeAt(at) <= 0x39) value = value * 10 + line.charCodeAt(at++) - 0x30;
  const mark = line.charCodeAt(at);
  if (mark !== 0x2e /* . */ && mark !== 0x29 /* ) */) return TEXT;
  if (at + 1 < line.length && !isSpace(line.charCodeAt(at + 1))) return TEXT;
  if (at - start > 9 || line.charCodeAt(at + 1) !== SPACE) return NOT_FOLLOWED;
  return itemKind(line, at + 1, value === 1 ? ITEM : LATER_ITEM);
}

/** An item whose marker ends before `after`: one to four spaces and then plain text, or not followed. */
function itemKind(line: string, after: number, kind: number): number {
  let content = after;
  while (line.charCodeAt(content) === SPACE) content++;
  if (content - after > 4) return NOT_FOLLOWED;
  return lineKind(line, content) === TEXT ? kind : NOT_FOLLOWED;
}

const ASCII_BLANKS_AROUND = /^[ \t\n\r]+|[ \t\n\r]+$/g;

function countOf(text: string, character: string): number {
  let count = 0;
  for (let at = text.indexOf(character); at !== -1; at = text.indexOf(character, at + 1)) count++;
  return count;
}

/**
 * A heading's text as markdown-it's heading rule takes it: after the marks, without a closing run of "#" that a
 * space or tab precedes, trimmed of ASCII blanks.
 */
function headingText(line: string, level: number): string {
  let end = line.length;
  while (end > level && isSpace(line.charCodeAt(end - 1))) end--;
  let marks = end;
  while (marks > level && line.charCodeAt(marks - 1) === HASH) marks--;
  if (marks > level && isSpace(line.charCodeAt(marks - 1))) end = marks;
  // markdown-it trims only ASCII blanks here (its asciiTrim): a no-break space is part of the heading.
  return line.slice(level, end).replace(ASCII_BLANKS_AROUND, "");
}

/**
 * The links and images of one line, or undefined where one is not followed: "://" outside an address (markdown-it
 * may take the text for an address, brackets and all) or an address the renderer refuses (the parse reports it).
 */
function linksOf(line: string): LinkPart[] | undefined {
  const links: LinkPart[] = [];
  const addresses: [number, number][] = [];
  LINK.lastIndex = 0;
  for (let match = LINK.exec(line); match !== null; match = LINK.exec(line)) {
    const [whole, bang = "", alt = "", written = ""] = match;
    const plain = PLAIN_PATH.test(written);
    // A plain path is its own normalised form; decodeURI, which leaves it as it is, makes it a string of its own
    // rather than a view that would keep the whole file alive in the references a check holds.
    const target = plain ? decodeURI(written) : markdown.normalizeLink(written);
    if (!plain && !markdown.validateLink(target)) return undefined;
    links.push(bang === "" ? { kind: "link", target, alt: "" } : { kind: "image", target, alt });
    const end = match.index + whole.length - 1;
    addresses.push([end - written.length, end]);
  }
  for (let at = line.indexOf("://"); at !== -1; at = line.indexOf("://", at + 1)) {
    if (!addresses.some(([from, to]) => at >= from && at + 3 <= to)) return undefined;
  }
  return links;
}

/** The outline of a plain body (its lines split at "\n"), or undefined where markdown-it must read it. */
export function plainOutline(body: string, lines: readonly string[]): OutlineParts | undefined {
  if (NOT_PLAIN.test(body)) return undefined;
  const brackets = countOf(body, "[");

  const parts: OutlineParts = { headings: [], blocks: [], refused: [] };
  let linked = 0;
  /** The paragraph being read, and whether it began with an item's marker. */
  let open: LinkingBlock | undefined;
  let inItem = false;
  const close = (to: number): void => {
    if (open && open.links.length > 0) parts.blocks.push({ ...open, to });
    open = undefined;
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? "";
    const kind = lineKind(line, 0);
    if (kind === NOT_FOLLOWED) return undefined;
    if (kind === BLANK) {
      close(index);
      continue;
    }
    // A bullet or a "1." ends any paragraph, "2." only one in a list: after a paragraph it is more of its text.
    const continues = open !== undefined && (kind === TEXT || (kind === LATER_ITEM && !inItem));
    if (!continues) {
      close(index);
      if (kind >= HEADING) {
        parts.headings.push({ level: kind - HEADING, text: headingText(line, kind - HEADING), line: index, marked: true });
      } else {
        open = { from: index, to: index, links: [] };
        inItem = kind !== TEXT;
      }
    }
    if (!line.includes("[")) continue;
    const links = linksOf(line);
    if (links === undefined) return undefined;
    linked += links.length;
    if (kind >= HEADING) {
      if (links.length > 0) parts.blocks.push({ from: index, to: index + 1, links });
    } else {
      open?.links.push(...links);
    }
  }
  // markdown-it does not count a last line of only blanks, but that line has closed any paragraph before it.
  close(lines.length);
  // Every "[" belongs to a link or image read above; any other could make or unmake one. A "]" alone cannot: a label
  // ends at the first "]" after its "[", and a link's label and address hold none.
  return linked === brackets ? parts : undefined;
}

// A page as the build writes it: the rendered VNode with its doctype, flat and one byte a character. Our own, as no
// renderer offers Latin-1 output with character references (what keeps 10,000 pages in memory at half the size).
import { renderToStaticMarkup } from "preact-render-to-string";
import { isValidElement, type VNode } from "preact";

/** What a template's render returned, as the page's text: .11ty.tsx pages return a VNode, feeds a string. */
export function pageText(result: unknown): string {
  if (isValidElement(result)) return latin1Html(`<!doctype html>\n${renderToStaticMarkup(result as VNode)}`);
  return String(result);
}

// Any character beyond Latin-1: a surrogate pair (an astral character) as one match, else one UTF-16 unit.
// (Without the u flag: it scans a page three times as fast.)
const BEYOND_LATIN1 = /[\ud800-\udbff][\udc00-\udfff]|[^\0-\xff]/g;

function characterReference(char: string): string {
  const code = char.codePointAt(0) as number;
  // A lone surrogate has no UTF-8 form: written raw it became U+FFFD, and so it does here.
  return `&#${code >= 0xd800 && code <= 0xdfff ? 0xfffd : code};`;
}

/**
 * The page as Eleventy should keep it: flat, one byte a character. Eleventy renders every page before it
 * writes any (templateContent) and keeps them all until the build ends (the results of eleventy.after). As
 * preact-render-to-string returns it, a page is a rope of thousands of concatenated pieces (about 36 KB of
 * string objects for a 15 KB page) that stays one until written; flattened it is still two bytes a character
 * as soon as one character is beyond Latin-1 (the en dash in the site's name, an editor's ’). So every such
 * character is written as a numeric character reference ("–" → "&#8211;") and the page copied into a
 * one-byte string: at 10,000 documents Node's peak went from 1.43 GB to 0.6 GB (two-byte flat pages: 0.78 GB),
 * and the young generation's collections from 2.9 s to 0.7 s; on disk a page grows by a few bytes (0.07 %).
 * Readers get the same text: a reference means its character in text and attribute values. It means nothing
 * in a script or style element, so those must carry no character beyond Latin-1 (JSON-LD writes them as \u
 * escapes, src/text/json-ld.ts; a test checks every page of a build).
 */
export function latin1Html(html: string): string {
  // The pieces between the characters to replace go straight into one buffer: String#replace would make a
  // two-byte copy of the whole page first (370 MB more to collect at 10,000 documents).
  const pieces: string[] = [];
  let length = 0;
  let end = 0;
  BEYOND_LATIN1.lastIndex = 0;
  for (let match = BEYOND_LATIN1.exec(html); match !== null; match = BEYOND_LATIN1.exec(html)) {
    const reference = characterReference(match[0]);
    pieces.push(html.slice(end, match.index), reference);
    length += match.index - end + reference.length;
    end = match.index + match[0].length;
  }
  pieces.push(end === 0 ? html : html.slice(end));
  length += html.length - end;
  const bytes = Buffer.allocUnsafe(length);
  let at = 0;
  for (const piece of pieces) at += bytes.write(piece, at, "latin1");
  return bytes.toString("latin1", 0, at);
}


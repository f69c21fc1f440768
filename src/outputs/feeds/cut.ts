// Bounds a feed entry: a body too long for feed readers ends at a block boundary, with a link to its page.
import { T } from "../../site/i18n.ts";
import { escapeXml } from "../../text/xml.ts";

/** Bytes of UTF-8 an entry's content may have: every poll fetches the latest entries again, whole. */
export const FEED_CONTENT_LIMIT = 100 * 1024;

// The body is markdown-it's HTML with raw HTML off (then rewritten by posthtml): "<" and ">" are escaped in text and
// attribute values alike, so a tag is "<" to the next ">".
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>/g;
const VOID_ELEMENTS = new Set("area base br col embed hr img input link meta source track wbr".split(" "));

/** Offsets just after each top-level element of an HTML fragment: where it can be cut and stay whole. */
function* topLevelEnds(html: string): Generator<number> {
  let depth = 0;
  for (const match of html.matchAll(TAG)) {
    const [tag, closing, name = ""] = match;
    if (closing) depth -= 1;
    else if (!VOID_ELEMENTS.has(name.toLowerCase()) && !tag.endsWith("/>")) depth += 1;
    if (depth === 0) yield match.index + tag.length;
  }
}

/**
 * The HTML as is when it fits in `limit` bytes; otherwise as many whole top-level blocks as fit with a last
 * paragraph linking to the page (pageUrl, absolute). A first block too long on its own leaves the link. The feeds
 * pass the body alone, with the limit less what the facts around it take: those are never cut.
 */
export function boundedContent(html: string, pageUrl: string, limit = FEED_CONTENT_LIMIT): string {
  if (Buffer.byteLength(html) <= limit) return html;
  const readWhole = `<p><a href="${escapeXml(pageUrl)}">${escapeXml(T.feedReadWhole)}</a></p>\n`;
  const budget = limit - Buffer.byteLength(readWhole) - 1;
  let cut = 0;
  let bytes = 0;
  for (const end of topLevelEnds(html)) {
    bytes += Buffer.byteLength(html.slice(cut, end));
    if (bytes > budget) break;
    cut = end;
  }
  return `${html.slice(0, cut)}\n${readWhole}`;
}

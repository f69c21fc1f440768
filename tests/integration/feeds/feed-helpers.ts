// Reads built feeds the way subscribers' software does: a strict XML check plus a real feed parser.
import { expect } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseAtomFeed, parseJsonFeed } from "feedsmith";
import type { BuiltSite } from "../../helpers/build.ts";

/** XML 1.0 §2.2 Char: what may appear in a document at all, escaped or not. Written here, independently of
 * src/text/xml.ts, so the tests do not judge the code by itself. */
export function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/** Fails the test unless the text is a well-formed XML 1.0 document. */
export function expectWellFormedXml(xml: string): void {
  const result = XMLValidator.validate(xml);
  expect(result, JSON.stringify(result)).toBe(true);
  // XMLValidator accepts characters XML 1.0 forbids and a literal "]]>" in text; check both here.
  const forbidden = [...xml].map((char) => char.codePointAt(0) as number).filter((codePoint) => !isXmlChar(codePoint));
  expect(forbidden.map((codePoint) => `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`)).toEqual([]);
  expect(xml.includes("]]>")).toBe(false);
}

/** The parsed Atom feed at a site path, after the well-formedness check. */
export function readAtom(site: BuiltSite, sitePath: string) {
  const xml = site.read(sitePath);
  expectWellFormedXml(xml);
  const feed = parseAtomFeed(xml);
  expect(feed.id).toBeTruthy();
  return feed;
}

/** The feed's root attributes (xml:lang and the namespace), read by an XML parser. */
export function atomRootAttributes(site: BuiltSite, sitePath: string): Record<string, string> {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", attributesGroupName: "attributes" });
  const parsed = parser.parse(site.read(sitePath)) as { feed?: { attributes?: Record<string, string> } };
  return parsed.feed?.attributes ?? {};
}

/** The JSON Feed at a site path: valid JSON, version 1.1, parsed by a feed parser. */
export function readJsonFeed(site: BuiltSite, sitePath: string) {
  const raw = JSON.parse(site.read(sitePath)) as { version?: unknown; items?: unknown };
  expect(raw.version).toBe("https://jsonfeed.org/version/1.1");
  // Required by the spec, empty or not; the parser leaves an empty list out, so it is checked on the JSON itself.
  expect(Array.isArray(raw.items)).toBe(true);
  const feed = parseJsonFeed(raw);
  return { ...feed, items: feed.items ?? [] };
}

export function linkHref(links: ReadonlyArray<{ href?: string; rel?: string }> | undefined, rel: string): string | undefined {
  return links?.find((link) => (link.rel ?? "alternate") === rel)?.href;
}

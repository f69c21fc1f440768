// Writes a Feed as Atom 1.0 (RFC 4287). Every string goes through escapeXml (attributes: escapeXmlAttribute);
// HTML content is escaped text.
import { dateToRfc3339 } from "@11ty/eleventy-plugin-rss";
import type { Feed, FeedEntry } from "./feeds.ts";
import { escapeXml, escapeXmlAttribute } from "../../text/xml.ts";

function element(name: string, text: string, attributes: Record<string, string> = {}): string {
  return `<${name}${attributesOf(attributes)}>${escapeXml(text)}</${name}>`;
}

function attributesOf(attributes: Record<string, string>): string {
  return Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`)
    .join("");
}

function link(rel: string, type: string, href: string): string {
  return `<link${attributesOf({ rel, type, href })}/>`;
}

function entryXml(entry: FeedEntry): string {
  const lines = [
    element("id", entry.id),
    element("title", entry.title, { type: "text" }),
    link("alternate", "text/html", entry.url),
    ...(entry.image ? [link("enclosure", entry.image.type, entry.image.url)] : []),
    element("published", dateToRfc3339(entry.published)),
    element("updated", dateToRfc3339(entry.updated)),
    ...entry.authors.map((name) => `<author>${element("name", name)}</author>`),
    ...entry.tags.map((tag) => `<category${attributesOf({ term: tag })}/>`),
    element("summary", entry.summary, { type: "text" }),
    // Escaped text rather than CDATA: no sequence in the body ("]]>" included) can end it early.
    element("content", entry.contentHtml, { type: "html" }),
  ];
  return `  <entry>\n${lines.map((line) => `    ${line}`).join("\n")}\n  </entry>`;
}

export function renderAtom(feed: Feed): string {
  const head = [
    element("id", feed.id),
    element("title", feed.title, { type: "text" }),
    element("subtitle", feed.subtitle, { type: "text" }),
    element("updated", dateToRfc3339(feed.updated)),
    link("self", "application/atom+xml", feed.selfUrl),
    link("alternate", "text/html", feed.homeUrl),
  ];
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom"${attributesOf({ "xml:lang": feed.lang })}>`,
    ...head.map((line) => `  ${line}`),
    ...feed.entries.map(entryXml),
    `</feed>`,
    "",
  ].join("\n");
}

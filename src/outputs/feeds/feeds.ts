// Which feeds the site has and what goes in them: one neutral model that the Atom and JSON Feed writers share.
import { absoluteUrl, convertHtmlToAbsoluteUrls, getNewestCollectionItemDate } from "@11ty/eleventy-plugin-rss";
import { SITE } from "../../site/site.ts";
import type { SiteModel } from "../../site-model/model.ts";
import { DOCUMENT_TYPES, type ArticleKey } from "../../content/types.ts";
import { authorNames, type AnyDocument } from "../../content/document.ts";
import { PATHS, typeFeedPath } from "../../site-model/urls.ts";
import { escapeXml, stripInvalidXmlChars } from "../../text/xml.ts";
import { boundedContent } from "./cut.ts";
import { fallbackAt, SHARED_IMAGE_WIDTH } from "../../text/picture.ts";

/**
 * Date in the feeds' own tag URIs (RFC 4151): a day the authority already held the name.
 * Never change it: every subscriber would see the feed as a new one.
 */
const FEED_ID_DATE = "2014";

/** Subscribers poll often; a feed carries the latest entries with full text, not the whole archive. */
export const FEED_ENTRY_LIMIT = 50;

export interface FeedEntry {
  /** Stable tag URI from the content model, never the URL. */
  id: string;
  title: string;
  url: string;
  published: Date;
  updated: Date;
  summary: string;
  /** Rendered body with every link and image absolute, cut short with a link to the page if long (cut.ts). */
  contentHtml: string;
  authors: string[];
  tags: string[];
  /** The lead image: its 1200-px rendition, absolute, with what a reader without it is told. */
  image?: FeedImage;
}

export interface FeedImage {
  url: string;
  alt: string;
  /** Its media type, for Atom's enclosure link. */
  type: string;
  /** Left out for an SVG, published as it is. */
  width?: number;
  height?: number;
}

export interface Feed {
  id: string;
  title: string;
  subtitle: string;
  lang: string;
  /** Absolute URL of the feed itself. */
  selfUrl: string;
  /** Absolute URL of the page the feed mirrors. */
  homeUrl: string;
  updated: Date;
  entries: FeedEntry[];
  /** Root-relative URL (with the path prefix) of the XSLT a browser shows the feed with. */
  stylesheetHref: string;
}

interface FeedSource {
  id: string;
  title: string;
  subtitle: string;
  path: string;
  homePath: string;
  documents: readonly AnyDocument[];
}

/** Every feed shows a document again: posthtml runs once per document and URL base in a build. */
function absoluteContent(finsam: SiteModel, document: AnyDocument, base: string): Promise<string> {
  const byDocument = finsam.perBuild("feed-content", () => new Map<AnyDocument, Map<string, Promise<string>>>());
  let byBase = byDocument.get(document);
  if (!byBase) byDocument.set(document, (byBase = new Map()));
  let html = byBase.get(base);
  if (!html) {
    html = convertHtmlToAbsoluteUrls(finsam.bodyHtml(document), base).then((absolute) => boundedContent(stripInvalidXmlChars(absolute), base));
    byBase.set(base, html);
  }
  return html;
}

function authorsOf(finsam: SiteModel, document: AnyDocument): string[] {
  const named = authorNames(document).map(stripInvalidXmlChars).filter((name) => name.trim() !== "");
  if (named.length > 0) return named;
  return [finsam.organisations.find(document.data.organisation)?.name ?? finsam.site.name];
}

const MEDIA_TYPES: Record<string, string> = { jpeg: "image/jpeg", png: "image/png", svg: "image/svg+xml" };

function feedImage(finsam: SiteModel, original: string, alt: string, base: string): FeedImage {
  const renditions = finsam.imageRenditions(original);
  // An SVG (or anything without renditions) is published as it is, and goes out without a size.
  if (!renditions) return { url: absoluteUrl(finsam.href(original), base), alt: stripInvalidXmlChars(alt), type: MEDIA_TYPES.svg as string };
  const rendition = fallbackAt(renditions, SHARED_IMAGE_WIDTH);
  const extension = rendition.url.slice(rendition.url.lastIndexOf(".") + 1);
  return {
    url: absoluteUrl(finsam.href(rendition.url), base),
    alt: stripInvalidXmlChars(alt),
    type: MEDIA_TYPES[extension] ?? "application/octet-stream",
    width: rendition.width,
    height: rendition.height,
  };
}

async function toEntry(finsam: SiteModel, document: AnyDocument): Promise<FeedEntry> {
  const { data } = document;
  const url = finsam.absoluteUrl(document.url);
  const entry: FeedEntry = {
    id: document.id,
    title: stripInvalidXmlChars(data.title),
    url,
    published: data.date,
    updated: data.updated ?? data.date,
    summary: stripInvalidXmlChars(data.summary),
    contentHtml: await absoluteContent(finsam, document, url),
    authors: authorsOf(finsam, document),
    tags: data.tags.map(stripInvalidXmlChars).filter((tag) => tag.trim() !== ""),
  };
  const image = data.image && data.imageAlt ? feedImage(finsam, data.image, data.imageAlt, url) : undefined;
  if (image) {
    entry.image = image;
    // Feed readers show the content, not the enclosure: the image leads it as it leads the page.
    const size = image.width && image.height ? ` width="${image.width}" height="${image.height}"` : "";
    const img = `<img src="${escapeXml(image.url)}" alt="${escapeXml(image.alt)}"${size}>`;
    entry.contentHtml = `<p>${img}</p>${entry.contentHtml}`;
  }
  return entry;
}

async function buildFeed(finsam: SiteModel, source: FeedSource): Promise<Feed> {
  const entries = await Promise.all(source.documents.slice(0, FEED_ENTRY_LIMIT).map((document) => toEntry(finsam, document)));
  return {
    id: source.id,
    title: source.title,
    subtitle: source.subtitle,
    lang: SITE.lang,
    selfUrl: finsam.absoluteUrl(source.path),
    homeUrl: finsam.absoluteUrl(source.homePath),
    // An empty feed still needs a date; "now" of the build is the honest one.
    updated: getNewestCollectionItemDate(entries.map((entry) => ({ date: entry.updated })), finsam.now),
    entries,
    stylesheetHref: finsam.href(PATHS.feedStylesheet),
  };
}

/** Everything the build publishes, newest first. */
export function siteFeed(finsam: SiteModel, path: string): Promise<Feed> {
  return buildFeed(finsam, {
    id: `tag:${SITE.idAuthority},${FEED_ID_DATE}:feed`,
    title: finsam.site.name,
    subtitle: finsam.site.description,
    path,
    homePath: "/",
    documents: finsam.collections.all,
  });
}

/** One document type, newest first. */
export function typeFeed(finsam: SiteModel, key: ArticleKey): Promise<Feed> {
  const info = DOCUMENT_TYPES[key];
  return buildFeed(finsam, {
    id: `tag:${SITE.idAuthority},${FEED_ID_DATE}:feed/${info.folder}`,
    title: `${finsam.site.name}: ${info.plural}`,
    subtitle: info.description,
    path: typeFeedPath(key),
    homePath: `/${info.folder}/`,
    documents: finsam.collections.byType[key],
  });
}

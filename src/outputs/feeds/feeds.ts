// Which feeds the site has and what goes in them: one neutral model that the Atom and JSON Feed writers share.
import { absoluteUrl, convertHtmlToAbsoluteUrls, getNewestCollectionItemDate } from "@11ty/eleventy-plugin-rss";
import { SITE } from "../../site/site.ts";
import type { SiteModel } from "../../site-model/model.ts";
import { DOCUMENT_TYPES, type ArticleKey } from "../../content/types.ts";
import { authorNames, type AnyDocument } from "../../content/document.ts";
import { FEED_FORMATS, organisationPath, PATHS, typePath, type FeedFormat } from "../../site-model/urls.ts";
import { publishedFeeds } from "../../site-model/feed-list.ts";
import { T } from "../../site/i18n.ts";
import { escapeXml, stripInvalidXmlChars } from "../../text/xml.ts";
import { boundedContent, FEED_CONTENT_LIMIT } from "./cut.ts";
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
  /** The lead image, the type's facts, the body and what follows (as on the page), every URL absolute; a long
   * body is cut short with a link to the page (cut.ts). */
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
}

/** One feed of the site, written in both formats with the same entries. */
export interface FeedSource {
  /** Stable tag URI (Atom's feed id), never derived from a URL: see FEED_ID_DATE. */
  id: string;
  /** Whose documents: the whole site's, a type's or an organisation's (the subscribe page groups by it). */
  kind: "site" | "type" | "organisation";
  /** The feed's name on the subscribe page ("Nyheter", "Älv & Kust"). */
  name: string;
  title: string;
  subtitle: string;
  homePath: string;
  /** The feed's place on the subscribe page (PATHS.subscribe), which the visible "Prenumerera" links lead to. */
  anchor: string;
  paths: Record<FeedFormat, string>;
  documents: readonly AnyDocument[];
}

/** One file a build writes: a feed in one format. */
export interface FeedFile {
  source: FeedSource;
  format: FeedFormat;
  path: string;
}

/**
 * What a document says as HTML, from the same component as its page (layouts/components/document-content.tsx):
 * the type's facts, the given body, and what follows it. Passed in by the feed template, so this room does not
 * depend on the layouts.
 */
export type RenderDocumentContent = (finsam: SiteModel, document: AnyDocument, bodyHtml: string) => string;

/**
 * The entry's HTML: the document's facts, body and what follows, every URL absolute. Within FEED_CONTENT_LIMIT only
 * the body is cut (cut.ts), so a long minutes entry keeps its meeting facts, § list and signatures. One posthtml
 * pass over the whole in the usual case; a long document takes two more.
 */
async function entryContent(finsam: SiteModel, document: AnyDocument, url: string, render: RenderDocumentContent, limit: number): Promise<string> {
  const bodyHtml = finsam.bodyHtml(document);
  const whole = stripInvalidXmlChars(await convertHtmlToAbsoluteUrls(render(finsam, document, bodyHtml), url));
  if (Buffer.byteLength(whole) <= limit) return whole;
  const body = stripInvalidXmlChars(await convertHtmlToAbsoluteUrls(bodyHtml, url));
  const around = Buffer.byteLength(whole) - Buffer.byteLength(body);
  const cut = boundedContent(body, url, limit - around);
  return stripInvalidXmlChars(await convertHtmlToAbsoluteUrls(render(finsam, document, cut), url));
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

/** Every feed a document is in shows the same entry: it is made once per build (the site model's memo). */
function entryOf(finsam: SiteModel, document: AnyDocument, render: RenderDocumentContent): Promise<FeedEntry> {
  const entries = finsam.perBuild("feed-entries", () => new Map<AnyDocument, Promise<FeedEntry>>());
  let entry = entries.get(document);
  if (!entry) entries.set(document, (entry = toEntry(finsam, document, render)));
  return entry;
}

async function toEntry(finsam: SiteModel, document: AnyDocument, render: RenderDocumentContent): Promise<FeedEntry> {
  const { data } = document;
  const url = finsam.absoluteUrl(document.url);
  const image = data.image && data.imageAlt ? feedImage(finsam, data.image, data.imageAlt, url) : undefined;
  // Feed readers show the content, not the enclosure: the image leads it as it leads the page.
  const size = image?.width && image.height ? ` width="${image.width}" height="${image.height}"` : "";
  const lead = image ? `<p><img src="${escapeXml(image.url)}" alt="${escapeXml(image.alt)}"${size}></p>` : "";
  const entry: FeedEntry = {
    id: document.id,
    title: stripInvalidXmlChars(data.title),
    url,
    published: data.date,
    updated: data.updated ?? data.date,
    summary: stripInvalidXmlChars(data.summary),
    contentHtml: lead + (await entryContent(finsam, document, url, render, FEED_CONTENT_LIMIT - Buffer.byteLength(lead))),
    authors: authorsOf(finsam, document),
    tags: data.tags.map(stripInvalidXmlChars).filter((tag) => tag.trim() !== ""),
  };
  if (image) entry.image = image;
  return entry;
}

/** The feed of a source in one format: its newest FEED_ENTRY_LIMIT documents. */
export async function buildFeed(finsam: SiteModel, file: FeedFile, render: RenderDocumentContent): Promise<Feed> {
  const { source } = file;
  const entries = await Promise.all(source.documents.slice(0, FEED_ENTRY_LIMIT).map((document) => entryOf(finsam, document, render)));
  return {
    id: source.id,
    title: source.title,
    subtitle: source.subtitle,
    lang: SITE.lang,
    selfUrl: finsam.absoluteUrl(file.path),
    homeUrl: finsam.absoluteUrl(source.homePath),
    // An empty feed still needs a date; "now" of the build is the honest one.
    updated: getNewestCollectionItemDate(entries.map((entry) => ({ date: entry.updated })), finsam.now),
    entries,
  };
}

const ID_PREFIX = `tag:${SITE.idAuthority},${FEED_ID_DATE}:feed`;

/**
 * Every feed of this build: the whole site, each article type (also when it has nothing yet), and each
 * organisation that has published. An organisation's feed id is from its key, which the data file says never
 * to change; a type's from its folder in the registry, as it has been since the first feeds.
 */
export function feedSources(finsam: SiteModel): FeedSource[] {
  return finsam.perBuild("feed-sources", () =>
    publishedFeeds(finsam.collections).map((feed): FeedSource => {
      if (feed.kind === "site") {
        return { id: ID_PREFIX, kind: "site", name: finsam.site.name, title: finsam.site.name, subtitle: finsam.site.description, homePath: PATHS.home, anchor: "alla", paths: feed.paths, documents: finsam.collections.all };
      }
      if (feed.kind === "type") {
        const info = DOCUMENT_TYPES[feed.key];
        return {
          id: `${ID_PREFIX}/${info.folder}`,
          kind: "type",
          name: info.plural,
          title: `${finsam.site.name}: ${info.plural}`,
          subtitle: info.description,
          homePath: typePath(feed.key),
          anchor: typeFeedAnchor(feed.key),
          paths: feed.paths,
          documents: finsam.collections.byType[feed.key],
        };
      }
      const { organisation, documents } = feed.group;
      return {
        id: `${ID_PREFIX}/organisation/${organisation.key}`,
        kind: "organisation",
        name: organisation.name,
        title: `${finsam.site.name}: ${organisation.name}`,
        subtitle: T.feedList.organisationSubtitle(organisation.name),
        homePath: organisationPath(organisation.key),
        anchor: organisationFeedAnchor(organisation.key),
        paths: feed.paths,
        documents,
      };
    }),
  );
}

/** Every feed file of this build, each source in both formats. */
export function feedFiles(finsam: SiteModel): FeedFile[] {
  return feedSources(finsam).flatMap((source) => FEED_FORMATS.map((format) => ({ source, format, path: source.paths[format] })));
}

/** Media types for autodiscovery links and type attributes. */
export const FEED_MEDIA_TYPES: Record<FeedFormat, string> = { atom: "application/atom+xml", json: "application/feed+json" };

export function typeFeedAnchor(key: ArticleKey): string {
  return `typ-${DOCUMENT_TYPES[key].folder}`;
}

export function organisationFeedAnchor(key: string): string {
  return `organisation-${key}`;
}

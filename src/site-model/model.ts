// Everything a page or feed needs, computed once per build: options, validated documents, collections,
// and the two URL helpers that make SITE_URL and the path prefix apply everywhere alike.
import { SITE, type SiteOptions } from "../site/site.ts";
import type { RenderedBody } from "../content/read.ts";
import { countTextWords, parseBody, renderParsedBody, withPathPrefix } from "../text/markdown.ts";
import { buildCollections, type Collections, type SiteLoadResult } from "./collections.ts";
import { ContentError } from "../content/problems.ts";
import { relatedIndex, type RelatedLookup } from "./related.ts";
import type { AnyDocument, ContentDocument } from "../content/document.ts";
import { fallbackAt, SHARED_IMAGE_WIDTH, type ImageCatalogue, type ImageRenditions, type Rendition } from "../text/picture.ts";
import type { AccessibilityStatement, MemberAgency, Organisations, SiteData, SiteSettings } from "../content/data-files.ts";

// A class, not a plain object: Eleventy deep-merges plain global data into every page, which would copy
// thousands of documents per page and break the identity the collections rely on.
export class SiteModel {
  /** The build's constants (language, time zone …) with the editors' settings (content/data/installningar.yml). */
  readonly site: typeof SITE & SiteSettings;
  /** The organisations of content/data/organisationer.yml, by key. */
  readonly organisations: Organisations;
  readonly memberAgencies: readonly MemberAgency[];
  readonly accessibility: AccessibilityStatement;

  /** Bodies rendered while loading (`npm run build`), or by this model when a page first asked. */
  readonly #bodies: Map<ContentDocument, RenderedBody>;
  readonly #words = new Map<ContentDocument, number>();

  constructor(
    readonly options: SiteOptions,
    readonly collections: Collections,
    /** The moment this build decided what is published. */
    readonly now: Date,
    data: SiteData,
    { bodies = new Map(), keepBodies = false, images = new Map() }: BodyOptions = {},
  ) {
    this.images = images;
    this.site = { ...SITE, ...data.settings };
    this.organisations = data.organisations;
    this.memberAgencies = data.memberAgencies;
    this.accessibility = data.accessibility;
    // Taken over, not copied: a one-off build lets each body go once its page has it (bodyHtml).
    this.#bodies = bodies;
    this.#keepBodies = keepBodies;
    for (const [document, body] of bodies) this.#words.set(document, body.words);
  }

  readonly #keepBodies: boolean;
  /** This build's renditions of content/bilder/ (src/outputs/images/), by the original's site path. */
  readonly images: ImageCatalogue;
  readonly #perBuild = new Map<string, unknown>();

  /**
   * Work a build repeats on many pages (the header's variants, a feed entry's content), kept by `key` while this
   * model lives: the next build has a new model, so nothing outlives the content it was made from.
   */
  perBuild<T>(key: string, make: () => T): T {
    if (this.#perBuild.has(key)) return this.#perBuild.get(key) as T;
    const value = make();
    this.#perBuild.set(key, value);
    return value;
  }

  /**
   * The document's body as HTML with the path prefix. A one-off build shows each body on one page and forgets it (the
   * feeds render the few they repeat): holding 10,000 of them would cost hundreds of megabytes. The dev server keeps
   * them while this model lives, for the pages asked again.
   */
  bodyHtml(document: ContentDocument): string {
    const ready = this.#bodies.get(document);
    if (ready) {
      if (!this.#keepBodies) this.#bodies.delete(document);
      return ready.html;
    }
    const tokens = parseBody(document.body);
    const words = countTextWords(tokens);
    this.#words.set(document, words);
    const html = renderParsedBody(tokens, this.options.pathPrefix, this.images);
    if (this.#keepBodies) this.#bodies.set(document, { html, words });
    return html;
  }

  /** Words in the document's body (for the reading time), from the parse that rendered it when there was one. */
  wordCount(document: ContentDocument): number {
    let words = this.#words.get(document);
    if (words === undefined) this.#words.set(document, (words = countTextWords(parseBody(document.body))));
    return words;
  }

  /** The renditions of an image an editor names by its original's path ("/bilder/Åsa Öberg.JPG"); none for SVG. */
  imageRenditions(sitePath: string): ImageRenditions | undefined {
    return this.images.get(sitePath.normalize("NFC"));
  }

  /**
   * Where the site serves an image named by its original's path, as one file: the fallback rendition at least `width`
   * wide (or the widest), since a photo's original is never published; an SVG is its own path.
   */
  imagePath(sitePath: string, width: number): string {
    const image = this.imageRenditions(sitePath);
    return image ? fallbackAt(image, width).url : sitePath;
  }

  /**
   * What a shared link and search engines show of an image, best first: the 1200 × 630 social card and the 1200-px
   * rendition of a photo; an SVG as it is.
   */
  sharedImagePaths(sitePath: string, focus?: string): string[] {
    const image = this.imageRenditions(sitePath);
    return image ? [this.socialCard(image, focus).url, fallbackAt(image, SHARED_IMAGE_WIDTH).url] : [sitePath];
  }

  /** An image's social card, cut where the document asked (imageFocus) when it did. */
  socialCard(image: ImageRenditions, focus?: string): Rendition {
    return (focus !== undefined ? image.focused?.[focus] : undefined) ?? image.social;
  }

  /** Root-relative link with the path prefix: "/nyheter/" → "/finsam/nyheter/". */
  href(path: string): string {
    return withPathPrefix(this.options.pathPrefix, path);
  }

  /** Absolute URL for canonical links, feeds and the sitemap. */
  absoluteUrl(path: string): string {
    return new URL(this.href(path), this.options.siteUrl).toString();
  }

  #related: RelatedLookup | undefined;

  /** Up to three documents to read next (src/site-model/related.ts); the index is built once per build, on first use. */
  related(document: AnyDocument): AnyDocument[] {
    this.#related ??= relatedIndex(this.collections);
    return this.#related(document);
  }
}

export interface BodyOptions {
  /** Bodies already rendered with this build's path prefix (content/load.ts with `render`); the model takes the map over. */
  bodies?: Map<ContentDocument, RenderedBody>;
  /** Keep rendered bodies for pages asked again (the dev server). */
  keepBodies?: boolean;
  /** The renditions of this build's images; without them images are shown as the originals' paths. */
  images?: ImageCatalogue;
}

/**
 * The model of content loaded and checked with the same `now` (src/site-model/site-checks.ts loadSite); throws one
 * ContentError listing every problem, in Swedish, when any is an error.
 */
export function siteModelFrom(
  options: SiteOptions,
  loaded: SiteLoadResult,
  now: Date = options.now ?? new Date(),
  { keepBodies = false, images }: Pick<BodyOptions, "keepBodies" | "images"> = {},
): SiteModel {
  const { documents, problems, site } = loaded;
  if (problems.some((problem) => problem.severity === "fel")) throw new ContentError(problems);
  // Without an error the data files were read (load.ts leaves `site` out only beside an error about them).
  if (!site) throw new ContentError([{ file: options.contentDir, severity: "fel", message: "datafilerna i data/ kunde inte läsas" }]);
  // The link check's collections where it built this mode's for this moment (site-checks.ts loadSite).
  const collections = loaded.collections ? loaded.collections.get(options.mode, now, site.organisations) : buildCollections(documents, options.mode, now, site.organisations);
  return new SiteModel(options, collections, now, site, { bodies: loaded.rendered, keepBodies, ...(images ? { images } : {}) });
}

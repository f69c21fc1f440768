// What a published image is made of (its renditions, made by src/outputs/images/) and how a <picture> is written from
// them. Plain data and strings only: the Markdown renderer and the TSX layouts both write pictures from pictureParts,
// so a body image and a lead image carry the same sources, sizes, width and height.
import { escapeXml } from "./xml.ts";

/** One file the build publishes for an image: a format at one width. */
export interface Rendition {
  /** Site path without the path prefix: "/bilder/asa-oberg-3f9c1a2b7d-800.webp". */
  url: string;
  width: number;
  height: number;
}

/** The formats a picture offers, best first; the last is the fallback every browser shows. */
export type RenditionFormat = "avif" | "webp" | "jpeg" | "png";

/** An original image (content/bilder/…) as the site publishes it: never the original file, only these. */
export interface ImageRenditions {
  /** The original's site path as editors write it ("/bilder/Åsa Öberg.JPG"), in NFC. */
  original: string;
  /** The original's own size (after orientation), for the aspect ratio. */
  width: number;
  height: number;
  /** Per format, narrowest first; the fallback format is the last key. */
  formats: { format: RenditionFormat; renditions: Rendition[] }[];
  /** The 1200 × 630 JPEG a shared link shows (Open Graph, JSON-LD), cut where sharp finds the most detail. */
  social: Rendition;
  /** The same card cut at a part an editor chose (imageFocus), by that part's name: made for the documents that ask. */
  focused?: Record<string, Rendition>;
}

/** Every processed image of a build, by original site path (NFC). */
export type ImageCatalogue = ReadonlyMap<string, ImageRenditions>;

/** The width of the one file a feed, JSON-LD or a social card shows of an image. */
export const SHARED_IMAGE_WIDTH = 1200;

/** Where the image stands: the column of an article, as wide as the text (layouts/assets/site.css --measure). */
export const COLUMN_SIZES = "(min-width: 48rem) 44rem, 100vw";

const MIME: Record<RenditionFormat, string> = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg", png: "image/png" };

export interface PictureOptions {
  alt: string;
  /** The lead image is seen first: fetched at once. Every other image waits until it is near the screen. */
  eager?: boolean;
  /** Site path → href with the path prefix. */
  href: (sitePath: string) => string;
  sizes?: string;
  className?: string;
}

/** The attributes of a <picture>'s parts: the layouts map them to elements, pictureHtml to text. */
export interface PictureParts {
  sources: { type: string; srcset: string; sizes: string }[];
  img: {
    src: string;
    srcset: string;
    sizes: string;
    width: number;
    height: number;
    alt: string;
    loading?: "lazy";
    decoding?: "async";
    fetchpriority?: "high";
    class?: string;
  };
}

function srcset(renditions: readonly Rendition[], href: (sitePath: string) => string): string {
  return renditions.map((rendition) => `${href(rendition.url)} ${rendition.width}w`).join(", ");
}

/** Every file an image is published as: each format's widths, the social card and any focused cards. */
export function allRenditions(image: ImageRenditions): Rendition[] {
  return [...image.formats.flatMap((format) => format.renditions), image.social, ...Object.values(image.focused ?? {})];
}

/** The fallback format's widest rendition: what a feed, a social card or a plain link shows. */
export function largestFallback(image: ImageRenditions): Rendition {
  const fallback = image.formats.at(-1);
  const largest = fallback?.renditions.at(-1);
  if (!largest) throw new Error(`no renditions of ${image.original}`);
  return largest;
}

/** The fallback rendition closest to `width` without going under it (else the widest): a feed's 1200-px image. */
export function fallbackAt(image: ImageRenditions, width: number): Rendition {
  const renditions = image.formats.at(-1)?.renditions ?? [];
  return renditions.find((rendition) => rendition.width >= width) ?? largestFallback(image);
}

export function pictureParts(image: ImageRenditions, { alt, eager = false, href, sizes = COLUMN_SIZES, className }: PictureOptions): PictureParts {
  const fallback = image.formats.at(-1);
  if (!fallback) throw new Error(`no renditions of ${image.original}`);
  const largest = largestFallback(image);
  // The <img> names a middle width as its own src: what a browser without srcset support loads.
  const src = fallbackAt(image, 800);
  return {
    sources: image.formats.slice(0, -1).map(({ format, renditions }) => ({ type: MIME[format], srcset: srcset(renditions, href), sizes })),
    img: {
      src: href(src.url),
      srcset: srcset(fallback.renditions, href),
      sizes,
      // The widest rendition's size: the aspect ratio the browser reserves before the file arrives (no layout shift).
      width: largest.width,
      height: largest.height,
      alt,
      ...(eager ? { fetchpriority: "high" as const } : { loading: "lazy" as const, decoding: "async" as const }),
      ...(className ? { class: className } : {}),
    },
  };
}

function attributes(record: Record<string, string | number | undefined>): string {
  return Object.entries(record)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join("");
}

/** A <picture> as HTML text, every attribute escaped: what the Markdown renderer writes for a body image. */
export function pictureHtml(parts: PictureParts): string {
  const sources = parts.sources.map((source) => `<source${attributes(source)}>`).join("");
  return `<picture>${sources}<img${attributes({ ...parts.img })}></picture>`;
}

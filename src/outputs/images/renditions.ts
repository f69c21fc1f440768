// Every raster image under content/bilder/ becomes renditions (AVIF, WebP and JPEG, or PNG where it has transparency)
// at the widths the layout uses, made by @11ty/eleventy-img with sharp. The originals are never published: a phone's
// photo carries its GPS position and camera serial in EXIF, and sharp writes none of it (nor any other metadata).
// Renditions go to a cache folder kept between builds (and by the pages workflow): eleventy-img re-encodes only
// what is not there yet, and its names hold a hash of the original's bytes, so a replaced photo gets new files.
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import Image, { type ImageStat } from "@11ty/eleventy-img";
import sharp from "sharp";
import { listContent, type ContentAsset } from "../../content/files.ts";
import { slugify } from "../../text/slug.ts";
import { allRenditions, type ImageCatalogue, type ImageRenditions, type Rendition, type RenditionFormat } from "../../text/picture.ts";
import { socialCard } from "./social.ts";
import type { ContentDocument } from "../../content/document.ts";
import type { ImageFocus } from "../../content/schema.ts";
import { RenditionsManifest } from "./manifest.ts";

/** Widths the layout asks for: a phone, a phone at 2×, the column at 2×, a wide screen. Never more than the original. */
export const RENDITION_WIDTHS = [400, 800, 1200, 1600];
/** Where the site serves renditions: beside where the originals were, so links to /bilder/ still mean images. */
export const RENDITIONS_URL = "/bilder/";
/** The cache of renditions, kept between builds. */
export const DEFAULT_IMAGE_CACHE = ".cache/bilder";

// eleventy-img's queue runs eight originals at once by default, each with a dozen sharp pipelines of its own: on a
// two-core machine that took 1.3 GB for what one original per core does in 0.8 GB, in the same time (bench/RESULTS.md,
// issue 13). The queue is the library's, shared by the process; set once, here.
Image.concurrency = Math.max(1, os.availableParallelism());

// eleventy-img keeps every image it processed, with the original's bytes, in a cache of its own for the process's
// life: the first build of 500 bench photos peaked at 5.2 GB (bench/RESULTS.md, issue 13). Between builds our
// manifest is the cache; eleventy-img's is emptied as soon as an original is done. Its module is reached by path:
// the package declares no exports, and offers no other way to let go of what it keeps.
const eleventyImageCaches = createRequire(import.meta.url)("@11ty/eleventy-img/src/caches.js") as { memCache: { cache: Record<string, unknown> } };

/** What sharp decodes and re-encodes; SVG is published as it is (once the check has found it safe). */
const RASTER = /\.(jpe?g|png|webp|avif|gif)$/i;

export function isRasterImage(sitePath: string): boolean {
  return RASTER.test(sitePath);
}

/** The cache folder: FINSAM_IMAGE_CACHE moves it (tests give each build its own). */
export function imageCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.FINSAM_IMAGE_CACHE ?? DEFAULT_IMAGE_CACHE);
}

/** A file name editors cannot get wrong: "Åsa Öberg.JPG" → "asa-oberg"; no space or letter to encode in a URL. */
export function renditionSlug(sitePath: string): string {
  const base = path.posix.basename(sitePath).replace(/\.[^.]+$/, "");
  return slugify(base) || "bild";
}

async function renditionsOf(asset: ContentAsset, cacheDir: string, stat: fs.Stats): Promise<ImageRenditions> {
  const metadata = await sharp(asset.file).metadata();
  // Transparency needs PNG as the fallback; everything else is a photo as far as JPEG is concerned.
  const fallback: RenditionFormat = metadata.hasAlpha ? "png" : "jpeg";
  const formats: RenditionFormat[] = ["avif", "webp", fallback];
  const slug = renditionSlug(asset.sitePath);
  const stats = await Image(asset.file, {
    widths: RENDITION_WIDTHS,
    formats,
    outputDir: cacheDir,
    urlPath: RENDITIONS_URL,
    filenameFormat: (hash, _src, width, format) => `${slug}-${hash}-${width}.${format}`,
    // A phone stores a turned photo as it was taken plus an EXIF note to turn it; that note is not published, so
    // the turn is made in the pixels.
    fixOrientation: true,
    sharpJpegOptions: { quality: 80, mozjpeg: true },
    sharpWebpOptions: { quality: 78 },
    // Effort 2 of 9: a quarter of the default's encoding time for a few per cent more bytes (bench/RESULTS.md).
    sharpAvifOptions: { quality: 55, effort: 2 },
    // eleventy-img writes the source into the htmlOptions it is given (its shared defaults when none): a fresh object
    // per call keeps what it writes to this call.
    htmlOptions: { imgAttributes: {}, pictureAttributes: {} },
  });
  // Every request for this original has its answer: what eleventy-img keeps of it (its bytes among them) can go.
  eleventyImageCaches.memCache.cache = {};
  // Orientations 5-8 are turned a quarter: the published pixels have the original's width and height swapped.
  const turned = (metadata.orientation ?? 1) >= 5;
  const [width, height] = turned ? [metadata.height, metadata.width] : [metadata.width, metadata.height];
  if (!width || !height) throw new Error(`sharp read no size of ${asset.file}`);
  const byFormat = formats.map((format) => ({
    format,
    // eleventy-img rounds a rendition's height down, sharp to the nearest pixel: the file's own height is sharp's.
    renditions: (stats[format] ?? []).map((entry: ImageStat): Rendition => ({ url: entry.url, width: entry.width, height: Math.round((entry.width * height) / width) })),
  }));
  const largest = byFormat.at(-1)?.renditions.at(-1);
  if (!largest) throw new Error(`eleventy-img made no ${fallback} of ${asset.file}`);
  // The original's hash, from a rendition's name: eleventy-img does not call filenameFormat when it answers from memory.
  const hash = originalHash(largest, slug);
  const social = await socialCard(asset.file, { slug, hash }, cacheDir, RENDITIONS_URL);
  return { original: asset.sitePath, width, height, formats: byFormat, social };
}

/** The original's hash in a rendition's name ("<slug>-<hash>-<width>.<format>"; a hash may hold "-", a width not). */
function originalHash(rendition: Rendition, slug: string): string {
  return rendition.url.slice(RENDITIONS_URL.length + slug.length + 1, rendition.url.lastIndexOf("-"));
}

export interface ProcessedImages {
  catalogue: ImageCatalogue;
  /** Originals sharp could not read: the content check reports them in Swedish and stops the build. */
  failed: { asset: ContentAsset; reason: string }[];
}

/** Renditions of every raster image among `assets`, made or found in `cacheDir`. */
export async function processImages(assets: readonly ContentAsset[], cacheDir: string = imageCacheDir()): Promise<ProcessedImages> {
  const catalogue = new Map<string, ImageRenditions>();
  const failed: ProcessedImages["failed"] = [];
  const manifest = RenditionsManifest.read(cacheDir, RENDITIONS_URL);
  let changed = false;
  await Promise.all(
    assets
      .filter((asset) => isRasterImage(asset.sitePath))
      .map(async (asset) => {
        try {
          const stat = fs.statSync(asset.file);
          const known = manifest.find(asset.file, stat);
          // The site path is this load's (a renamed folder keeps its files' renditions, under the new path).
          const renditions = known ? { ...known, original: asset.sitePath } : await renditionsOf(asset, cacheDir, stat);
          if (!known) {
            manifest.remember(asset.file, stat, renditions);
            changed = true;
          }
          catalogue.set(asset.sitePath, renditions);
        } catch (error) {
          failed.push({ asset, reason: error instanceof Error ? error.message : String(error) });
        }
      }),
  );
  if (changed) manifest.write();
  return { catalogue, failed };
}

/** The renditions of a content folder's images: what a build makes before it loads the documents that show them. */
export function processContentImages(contentDir: string, cacheDir: string = imageCacheDir()): Promise<ProcessedImages> {
  return processImages(listContent(contentDir).assets, cacheDir);
}

/**
 * The social cards the documents' imageFocus asks for, added to their images' entries (ImageRenditions.focused): made
 * after loading, when the documents are known, and before any page is rendered.
 */
export async function addFocusedCards(contentDir: string, catalogue: ImageCatalogue, documents: readonly ContentDocument[], cacheDir: string = imageCacheDir()): Promise<void> {
  const wanted = documents.flatMap((document) => {
    const { image, imageFocus } = document.data as { image?: string; imageFocus?: ImageFocus };
    const entry = image === undefined ? undefined : catalogue.get(image.normalize("NFC"));
    return entry && imageFocus && !entry.focused?.[imageFocus] ? [{ entry, focus: imageFocus }] : [];
  });
  if (wanted.length === 0) return;
  const files = new Map(listContent(contentDir).assets.map((asset) => [asset.sitePath, asset.file]));
  for (const { entry, focus } of wanted) {
    const file = files.get(entry.original);
    if (!file || entry.focused?.[focus]) continue;
    const slug = renditionSlug(entry.original);
    const hash = originalHash(entry.social, slug);
    entry.focused = { ...entry.focused, [focus]: await socialCard(file, { slug, hash }, cacheDir, RENDITIONS_URL, focus) };
  }
}

/** Every file the catalogue's images are published as, by its name under RENDITIONS_URL (and in the cache folder). */
export function renditionFileNames(catalogue: ImageCatalogue): string[] {
  return [...catalogue.values()].flatMap((image) =>
    allRenditions(image).map((rendition) => rendition.url.slice(RENDITIONS_URL.length)),
  );
}

// The photo variant of a corpus (issue 13): distinct phone-sized photos (2-12 MB JPEGs of varied sizes), one shown
// in each of as many documents, and what a build costs with them: the first build, which encodes every rendition,
// and the next, which finds them all in the image cache. Photos are generated once per count and kept in
// bench/.corpus/ (ignored by git): making them takes minutes, and every run should measure the same bytes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { productionBuild, type BuildSample } from "./builds.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
/** Bumped when the generated photos change, so an old set is not measured as the new one. */
const PHOTO_SET_VERSION = 1;

export interface PhotoResult {
  photos: number;
  /** The originals' bytes, and the bytes the site publishes for them (every rendition and social card). */
  originalBytes: number;
  publishedBytes: number;
  /** The first build with an empty image cache, then the same build again with the cache as the first left it. */
  cold: BuildSample;
  warm: BuildSample[];
}

/** A deterministic pseudo-random sequence: the same photos on every machine. */
function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The canvas photos are cut from: a gradient with shapes under sensor-like noise, which JPEG cannot squeeze to nothing. */
const CANVAS = { width: 5200, height: 3700 };

export async function canvas(): Promise<{ data: Buffer; info: sharp.OutputInfo }> {
  const { width, height } = CANVAS;
  const shapes = `<circle cx="1500" cy="1200" r="900" fill="#c03030" fill-opacity="0.6"/><circle cx="3700" cy="2500" r="1100" fill="#30a050" fill-opacity="0.5"/><rect x="2600" y="300" width="1800" height="900" fill="#f0f0f0" fill-opacity="0.4"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="#2a6fb0"/><stop offset="1" stop-color="#e0a040"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${shapes}</svg>`;
  return sharp({ create: { width, height, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 28 } } })
    .composite([{ input: Buffer.from(svg), blend: "soft-light" }])
    .raw()
    .toBuffer({ resolveWithObject: true });
}

/**
 * Photo `index`: a region of the canvas of its own size (long side 2400-5000 px, one in five portrait), turned in hue and
 * brightness, at JPEG quality 88-97, with a phone's EXIF (GPS included): distinct bytes, 1.5-12 MB.
 */
export async function photo(file: string, index: number, base: { data: Buffer; info: sharp.OutputInfo }): Promise<void> {
  const next = sequence(index + 1);
  const portrait = next() < 0.2;
  // The canvas is 3,700 px high: a portrait photo's long side stays within it.
  const long = 2400 + Math.floor(next() * (portrait ? 1200 : 2600));
  const [width, height] = portrait ? [Math.round((long * 2) / 3), long] : [long, Math.round((long * 2) / 3)];
  await sharp(base.data, { raw: base.info })
    .extract({ left: Math.floor(next() * (CANVAS.width - width)), top: Math.floor(next() * (CANVAS.height - height)), width, height })
    .modulate({ hue: Math.floor(next() * 360), brightness: 0.85 + next() * 0.3 })
    .withExif({ IFD0: { Make: "Telefon", Model: "Bench" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "59/1 19/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "18/1 4/1 0/1" } })
    .jpeg({ quality: 88 + Math.floor(next() * 10) })
    .toFile(file);
}

/** The generated photos (made the first time, then reused): their file names in `photoDir`. */
async function photoSet(count: number, log: (message: string) => void): Promise<{ dir: string; names: string[] }> {
  const dir = path.join(ROOT, "bench", ".corpus", `photos-v${PHOTO_SET_VERSION}-${count}`);
  const names = Array.from({ length: count }, (_, index) => `foto-${String(index + 1).padStart(4, "0")}.jpg`);
  if (names.every((name) => fs.existsSync(path.join(dir, name)))) return { dir, names };
  fs.mkdirSync(dir, { recursive: true });
  log(`generating ${count} photos in ${path.relative(ROOT, dir)} (kept for later runs)…`);
  const base = await canvas();
  for (const [index, name] of names.entries()) {
    if (!fs.existsSync(path.join(dir, name))) {
      // Written aside and renamed: a stopped run leaves no half photo to be taken for a whole one.
      const aside = path.join(dir, `${name}.tmp`);
      await photo(aside, index, base);
      fs.renameSync(aside, path.join(dir, name));
    }
  }
  return { dir, names };
}

function bytesUnder(dir: string): number {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + fs.statSync(path.join(entry.parentPath, entry.name)).size, 0);
}

/**
 * Copies `count` photos into the corpus, shows each in one document (an image paragraph with a caption at the end of
 * its body, spread evenly over the corpus), then builds it with an empty image cache and `warmRuns` times again.
 */
export async function measurePhotos(corpusDir: string, siteDir: string, count: number, warmRuns: number, log: (message: string) => void): Promise<PhotoResult> {
  const { dir, names } = await photoSet(count, log);
  const bilder = path.join(corpusDir, "bilder");
  fs.mkdirSync(bilder, { recursive: true });
  let originalBytes = 0;
  for (const name of names) {
    fs.copyFileSync(path.join(dir, name), path.join(bilder, name));
    originalBytes += fs.statSync(path.join(bilder, name)).size;
  }
  const documents = (fs.readdirSync(corpusDir, { recursive: true }) as string[]).filter((file) => file.endsWith(".md")).sort();
  const step = Math.max(1, Math.floor(documents.length / count));
  names.forEach((name, index) => {
    const document = documents[(index * step) % documents.length] as string;
    fs.appendFileSync(path.join(corpusDir, document), `\n![Bild ${index + 1} från verksamheten](/bilder/${name} "Bild ${index + 1}")\n`);
  });

  const cache = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-bench-images-"));
  try {
    const env = { FINSAM_IMAGE_CACHE: cache };
    const cold = await productionBuild(corpusDir, siteDir, env);
    log(`photos: first build ${(cold.wallMs / 1000).toFixed(1)} s, ${Math.round(cold.maxRssMb)} MB`);
    const publishedBytes = bytesUnder(path.join(siteDir, "bilder"));
    const warm: BuildSample[] = [];
    for (let run = 1; run <= warmRuns; run++) {
      const sample = await productionBuild(corpusDir, siteDir, env);
      warm.push(sample);
      log(`photos: build with the cache warm ${(sample.wallMs / 1000).toFixed(1)} s, ${Math.round(sample.maxRssMb)} MB`);
    }
    return { photos: count, originalBytes, publishedBytes, cold, warm };
  } finally {
    fs.rmSync(cache, { recursive: true, force: true });
  }
}

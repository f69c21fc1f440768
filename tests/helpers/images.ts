// Real image files for test content trees, made with sharp: writeContent writes text, and the image check now reads
// what an image file really is, so "jpg" as a file's content is a broken image.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

export interface TestImage {
  width: number;
  height: number;
  format?: "jpeg" | "png" | "webp" | "avif";
}

/** The encoded bytes of a flat-coloured image of the given size and format. */
export async function imageBytes({ width, height, format = "jpeg" }: TestImage): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 140 } } })
    .toFormat(format)
    .toBuffer();
}

/** Real images for fixtures, 1200 px wide (wide enough for a lead image), made once per test file. */
export const TEST_JPEG = await imageBytes({ width: 1200, height: 675 });
export const TEST_PNG = await imageBytes({ width: 1200, height: 675, format: "png" });
export const TEST_WEBP = await imageBytes({ width: 1200, height: 675, format: "webp" });

/** Writes a real image into a content folder ("bilder/styrelsen.jpg"), making the folders it needs. */
export async function writeImage(contentDir: string, relative: string, image: TestImage = { width: 1600, height: 900 }): Promise<string> {
  const file = path.join(contentDir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await imageBytes(image));
  return file;
}

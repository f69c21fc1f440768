// The picture a shared link shows (Open Graph, JSON-LD): 1200 × 630, the size Facebook, LinkedIn and Slack crop to
// anyway, cut here so that what they show is chosen by sharp's attention strategy (the most detailed, most
// saturated region) rather than their middle.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import type { Rendition } from "../../text/picture.ts";

export const SOCIAL_WIDTH = 1200;
export const SOCIAL_HEIGHT = 630;
/** Part of the file's name with the original's hash: change it when the crop's settings change, or old crops stay. */
const SOCIAL_SUFFIX = `${SOCIAL_WIDTH}x${SOCIAL_HEIGHT}`;

/** The social card of an original, made once per original's bytes (`hash`) into `cacheDir`. */
export async function socialCard(file: string, name: { slug: string; hash: string }, cacheDir: string, urlPath: string): Promise<Rendition> {
  const fileName = `${name.slug}-${name.hash}-${SOCIAL_SUFFIX}.jpeg`;
  const target = path.join(cacheDir, fileName);
  if (!fs.existsSync(target)) {
    // Written aside and renamed: a build that stops half-way never leaves half a card for the next one to publish.
    const aside = `${target}.${process.pid}.tmp`;
    await sharp(file)
      .rotate()
      .resize(SOCIAL_WIDTH, SOCIAL_HEIGHT, { fit: "cover", position: sharp.strategy.attention })
      .jpeg({ quality: 80, mozjpeg: true })
      .toFile(aside);
    fs.renameSync(aside, target);
  }
  return { url: `${urlPath}${fileName}`, width: SOCIAL_WIDTH, height: SOCIAL_HEIGHT };
}

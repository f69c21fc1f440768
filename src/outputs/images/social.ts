// The picture a shared link shows (Open Graph, JSON-LD): 1200 × 630, the size Facebook, LinkedIn and Slack crop to
// anyway, cut here so that what they show is chosen by sharp's attention strategy (the most detailed, most
// saturated region) rather than their middle.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import type { Rendition } from "../../text/picture.ts";
import type { ImageFocus } from "../../content/schema.ts";

export const SOCIAL_WIDTH = 1200;
export const SOCIAL_HEIGHT = 630;
/** Part of the file's name with the original's hash: change it when the crop's settings change, or old crops stay. */
const SOCIAL_SUFFIX = `${SOCIAL_WIDTH}x${SOCIAL_HEIGHT}`;

/** Where an editor's imageFocus cuts the card (sharp's positions); without one, sharp's attention strategy. */
const POSITIONS: Record<ImageFocus, string> = { mitten: "centre", upptill: "top", nedtill: "bottom", vänster: "left", höger: "right" };

/**
 * The social card of an original, made once per original's bytes (`hash`) and focus into `cacheDir`. Without a focus
 * it is cut where sharp's attention strategy finds the most detail.
 */
export async function socialCard(file: string, name: { slug: string; hash: string }, cacheDir: string, urlPath: string, focus?: ImageFocus): Promise<Rendition> {
  const position = focus ? POSITIONS[focus] : sharp.strategy.attention;
  const fileName = `${name.slug}-${name.hash}-${SOCIAL_SUFFIX}${focus ? `-${POSITIONS[focus]}` : ""}.jpeg`;
  const target = path.join(cacheDir, fileName);
  if (!fs.existsSync(target)) {
    // Written aside and renamed: a build that stops half-way never leaves half a card for the next one to publish.
    const aside = `${target}.${process.pid}.tmp`;
    await sharp(file)
      .rotate()
      .resize(SOCIAL_WIDTH, SOCIAL_HEIGHT, { fit: "cover", position })
      .jpeg({ quality: 80, mozjpeg: true })
      .toFile(aside);
    fs.renameSync(aside, target);
  }
  return { url: `${urlPath}${fileName}`, width: SOCIAL_WIDTH, height: SOCIAL_HEIGHT };
}

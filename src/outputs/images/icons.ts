// The site's icon (content/data/installningar.yml icon): the PNG sizes browsers and phones ask for, made from the
// editor's one square image by sharp. An SVG icon is also published as it is (src/eleventy/assets.ts) and linked as
// the tab's icon, which stays sharp at any size.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { ICON_FILES } from "../../site-model/urls.ts";

/** Writes the icon's PNGs into the output folder; those newer than the original are kept (the dev server's rebuilds). */
export async function writeIcons(original: string, outputDir: string): Promise<void> {
  const source = fs.statSync(original);
  for (const icon of ICON_FILES) {
    const target = path.join(outputDir, icon.path);
    const existing = fs.statSync(target, { throwIfNoEntry: false });
    if (existing && existing.mtimeMs >= source.mtimeMs) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // An SVG is drawn at a density that gives the size without upscaling; "contain" keeps a not-quite-square image whole.
    let image = sharp(original, { density: 300 }).resize(icon.size, icon.size, { fit: "contain", background: { r: 255, g: 255, b: 255, alpha: icon.opaque ? 1 : 0 } });
    if (icon.opaque) image = image.flatten({ background: "#ffffff" });
    await image.png().toFile(target);
  }
}

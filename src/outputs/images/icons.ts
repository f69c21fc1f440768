// The site's icon (content/data/installningar.yml icon): the PNG sizes browsers and phones ask for, made from the
// editor's one square image by sharp. An SVG icon is also published as it is (src/eleventy/assets.ts) and linked as
// the tab's icon, which stays sharp at any size.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

/** The PNGs: a tab's icon, and the home-screen icon iOS asks for (which it rounds itself, so no transparency). */
export const ICON_FILES = [
  { path: "/assets/ikon-32.png", size: 32, opaque: false },
  { path: "/assets/ikon-180.png", size: 180, opaque: true },
] as const;

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

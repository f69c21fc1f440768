// /assets/site.css: the site's one stylesheet (layouts/assets/site.css), with the settings' brand colour. Written per
// build rather than copied, because the content security policy forbids inline style (src/site/security.ts).
import fs from "node:fs";
import { PATHS } from "#src/site-model/urls.ts";
import { pageData, type PageData } from "../page-data.ts";

const SOURCE = new URL("../assets/site.css", import.meta.url);

export const data = { permalink: PATHS.stylesheet, eleventyExcludeFromCollections: true };

export function render(raw: unknown): string {
  const { finsam } = pageData<PageData>(raw);
  const css = fs.readFileSync(SOURCE, "utf8");
  // The schema took only "#rrggbb" with enough contrast for white text (src/content/fields.ts backgroundColourField).
  const brand = finsam.site.brandColour;
  return brand ? `${css}\n/* The brand colour of content/data/installningar.yml. */\n:root {\n  --brand: ${brand};\n}\n` : css;
}

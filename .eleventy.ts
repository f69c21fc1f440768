// Eleventy configuration: wiring only. Options come from the environment (SITE_URL, PATH_PREFIX,
// FINSAM_MODE, FINSAM_CONTENT_DIR); everything else lives in src/.
import type UserConfig from "@11ty/eleventy/UserConfig";
import { outputDirFromEnv, siteOptionsFromEnv } from "./src/site/site.ts";
import { PAGES_DIR, finsamPlugin } from "./src/eleventy/plugin.ts";

export default function (eleventyConfig: UserConfig) {
  const options = siteOptionsFromEnv();
  eleventyConfig.addPlugin(finsamPlugin, options);
  // The dev server (`npm start`) writes only part of a site, and in preview mode drafts: its own folder, never
  // the deploy folder. The build that may be uploaded is `npm run build`, which writes the manifest (src/outputs/build-manifest.ts).
  const serving = process.env.ELEVENTY_RUN_MODE !== "build";
  return {
    dir: { input: PAGES_DIR, output: outputDirFromEnv(serving ? "preview" : options.mode) },
    pathPrefix: options.pathPrefix,
  };
}

// Eleventy configuration: wiring only. Options come from the environment (SITE_URL, PATH_PREFIX,
// FINSAM_MODE, FINSAM_CONTENT_DIR); everything else lives in src/.
import type UserConfig from "@11ty/eleventy/UserConfig";
import { siteOptionsFromEnv } from "./src/site.ts";
import { PAGES_DIR, finsamPlugin } from "./src/eleventy/plugin.ts";

export default function (eleventyConfig: UserConfig) {
  const options = siteOptionsFromEnv();
  eleventyConfig.addPlugin(finsamPlugin, options);
  return {
    dir: { input: PAGES_DIR },
    pathPrefix: options.pathPrefix,
  };
}

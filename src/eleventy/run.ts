// One way to run a programmatic Eleventy build of the site: used by `npm run build` and by the tests.
import Eleventy from "@11ty/eleventy";
import type { SiteOptions } from "../site.ts";
import { PAGES_DIR, finsamPlugin } from "./plugin.ts";

export async function writeSite(options: SiteOptions, outputDir: string): Promise<void> {
  const eleventy = new Eleventy(PAGES_DIR, outputDir, {
    quietMode: true,
    pathPrefix: options.pathPrefix,
    config: (eleventyConfig: Parameters<typeof finsamPlugin>[0]) => {
      eleventyConfig.addPlugin(finsamPlugin, options);
    },
  });
  await eleventy.write();
}

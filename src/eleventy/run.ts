// One way to run a programmatic Eleventy build of the site: used by `npm run build` and by the tests.
import Eleventy from "@11ty/eleventy";
import type { SiteOptions } from "../site/site.ts";
import { writeBuildManifest } from "../outputs/build-manifest.ts";
import type { SiteModel } from "../site-model/model.ts";
import { PAGES_DIR, finsamPlugin, type FinsamPluginOptions } from "./plugin.ts";

/** `model`, when given, is what this one build shows (already loaded and validated); otherwise it is loaded. */
export async function writeSite(
  options: SiteOptions,
  outputDir: string,
  model?: SiteModel,
  onTiming?: FinsamPluginOptions["onTiming"],
): Promise<void> {
  const eleventy = new Eleventy(PAGES_DIR, outputDir, {
    quietMode: true,
    pathPrefix: options.pathPrefix,
    config: (eleventyConfig: Parameters<typeof finsamPlugin>[0]) => {
      eleventyConfig.addPlugin(finsamPlugin, { ...options, model, onTiming });
    },
  });
  await eleventy.write();
  // Last, once every page, asset and the search index is written: a folder with a manifest holds a whole build.
  writeBuildManifest(outputDir, options);
}

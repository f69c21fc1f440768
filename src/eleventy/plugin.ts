// Wires the Finsam pipeline into Eleventy: TSX page templates, the validated site model as global
// data, static assets and watch targets. No content logic lives here.
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { renderToStaticMarkup } from "preact-render-to-string";
import { isValidElement, type VNode } from "preact";
import type { SiteOptions } from "../site.ts";
import { buildSiteModel, type SiteModel } from "../model.ts";
import { writeSearchIndex, type BuiltPage } from "../search-index.ts";
import { keepRenderedBodies } from "../markdown.ts";

/** The folder of page templates, given to Eleventy as its input. */
export const PAGES_DIR = "layouts/pages";

interface RendererContext {
  defaultRenderer(data: unknown): Promise<unknown>;
}

/** The part of Eleventy's eleventy.after event argument the search index needs. */
interface AfterBuildEvent {
  directories: { output: string };
  outputMode: "fs" | "json" | "ndjson";
  results: BuiltPage[];
}

export interface FinsamPluginOptions extends SiteOptions {
  /** A model already built for a single build (`npm run build`); left out, every build loads its own. */
  model?: SiteModel;
  /** Told how long a step took (milliseconds): `npm run build` prints these with FINSAM_TIMINGS=1 (bench/). */
  onTiming?: (step: string, ms: number) => void;
}

export function finsamPlugin(eleventyConfig: UserConfig, options: FinsamPluginOptions): void {
  // .11ty.tsx pages return a VNode (rendered with escaping) and .11ty.ts pages (feeds, sitemap) a string.
  eleventyConfig.addExtension(["11ty.tsx", "11ty.ts"], {
    key: "11ty.js",
    compile() {
      return async function (this: RendererContext, data: unknown): Promise<string> {
        const result = await this.defaultRenderer(data);
        if (isValidElement(result)) return `<!doctype html>\n${renderToStaticMarkup(result as VNode)}`;
        return String(result);
      };
    },
  });
  eleventyConfig.addTemplateFormats(["11ty.tsx", "11ty.ts"]);

  // A fresh model per build: in watch mode every rebuild re-validates (unchanged files come from cache).
  // The search index below reads the same model, so pages and index agree on what is published.
  let model: SiteModel | undefined;
  eleventyConfig.addGlobalData("finsam", () => (model = options.model ?? buildSiteModel(options)));

  // A one-off build renders each body once; watch and serve re-render them on every save (src/markdown.ts).
  eleventyConfig.on("eleventy.before", ({ runMode }: { runMode: "build" | "watch" | "serve" }) => keepRenderedBodies(runMode !== "build"));

  eleventyConfig.on("eleventy.after", async (event: AfterBuildEvent) => {
    if (!model || event.outputMode !== "fs") return;
    const started = performance.now();
    await writeSearchIndex(model, event.results, event.directories.output);
    options.onTiming?.("search-index", performance.now() - started);
  });

  eleventyConfig.addPassthroughCopy({ "layouts/assets": "assets" });
  eleventyConfig.addPassthroughCopy({ [path.join(options.contentDir, "bilder")]: "bilder" });
  eleventyConfig.addWatchTarget(`${options.contentDir}/**/*.md`);
  eleventyConfig.addWatchTarget("./src/");
  eleventyConfig.addWatchTarget("./layouts/");
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.setServerOptions({ showVersion: false });
}

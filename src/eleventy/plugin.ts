// Wires the Finsam pipeline into Eleventy: TSX page templates, the validated site model as global
// data, static assets and watch targets. No content logic lives here.
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { SiteOptions } from "../site/site.ts";
import { siteModelFrom, type SiteModel } from "../site-model/model.ts";
import { loadSite } from "../site-model/site-checks.ts";
import type { SiteLoadResult } from "../site-model/collections.ts";
import { SearchIndexBuild } from "../outputs/search/index-build.ts";
import { DevSearchIndex } from "./dev-search.ts";
import { STEMMER_FILE } from "../outputs/search/stemmer-file.ts";
import { PATHS } from "../site-model/urls.ts";
import { OnRequestPages, modelPaginatedTemplates } from "./on-request.ts";
import { pageText } from "../outputs/page-text.ts";
import { copyAssets, publishRenditions } from "./assets.ts";
import { addFocusedCards, imageCacheDir, processContentImages } from "../outputs/images/renditions.ts";
import { writeIcons } from "../outputs/images/icons.ts";
import { ASSET_FOLDERS, DATA_FOLDER } from "../content/files.ts";
import { cmsSettingsFromEnv, type CmsSettings } from "../outputs/cms/settings.ts";
import { writeDecapBundle } from "./cms-bundle.ts";
import { previewAddressLines } from "./network.ts";

/** The folder of page templates, given to Eleventy as its input. */
export const PAGES_DIR = "layouts/pages";

interface RendererContext {
  defaultRenderer(data: unknown): Promise<unknown>;
}

/** The part of Eleventy's eleventy.before and eleventy.after event arguments the search index needs. */
interface BuildEvent {
  directories: { output: string };
  outputMode: "fs" | "json" | "ndjson";
}

export interface FinsamPluginOptions extends SiteOptions {
  /** A model already built for a single build (`npm run build`); left out, every build loads its own. */
  model?: SiteModel;
  /** Told how long a step took (milliseconds): `npm run build` prints these with FINSAM_TIMINGS=1 (bench/). */
  onTiming?: (step: string, ms: number) => void;
  /** Where the CMS at /admin/ saves; left out, read from the environment (CMS_REPO, CMS_BRANCH). */
  cms?: CmsSettings;
}

export async function finsamPlugin(eleventyConfig: UserConfig, options: FinsamPluginOptions): Promise<void> {
  // .11ty.tsx pages return a VNode (rendered with escaping) and .11ty.ts pages (feeds, sitemap) a string.
  eleventyConfig.addExtension(["11ty.tsx", "11ty.ts"], {
    key: "11ty.js",
    compile() {
      return async function (this: RendererContext, data: unknown): Promise<string> {
        return pageText(await this.defaultRenderer(data));
      };
    },
  });
  eleventyConfig.addTemplateFormats(["11ty.tsx", "11ty.ts"]);

  // A fresh model per build: in watch mode every rebuild re-validates, reading again only the files that changed
  // since the last load (kept here, for this dev server's life). The search index below is fed from the same model,
  // so pages and index agree on what is published.
  let model: SiteModel | undefined;
  let lastLoad: SiteLoadResult | undefined;
  // The search index of this build, made in a worker thread (src/outputs/search/) on the other core while Eleventy renders.
  let search: SearchIndexBuild | undefined;
  // A one-off build renders each body once; watch and serve render pages again on every save, so they keep them.
  const keepBodies = process.env.ELEVENTY_RUN_MODE !== undefined && process.env.ELEVENTY_RUN_MODE !== "build";
  eleventyConfig.addGlobalData("finsam", async () => {
    if (options.model) {
      model = options.model;
    } else {
      const now = options.now ?? new Date();
      lastLoad = await loadSite(options.contentDir, { now, previous: lastLoad });
      // Content errors stop the build in siteModelFrom, before any image is encoded.
      const failing = lastLoad.problems.some((problem) => problem.severity === "fel");
      const images = failing ? undefined : (await processContentImages(options.contentDir)).catalogue;
      if (images) await addFocusedCards(options.contentDir, images, lastLoad.documents);
      model = siteModelFrom(options, lastLoad, now, { keepBodies, ...(images ? { images } : {}) });
    }
    search?.feed(model);
    return model;
  });

  // `npm start` (Eleventy --serve): the pages paginated over the model (every document, every listing page) are
  // left out of Eleventy's builds and rendered when the browser asks (src/eleventy/on-request.ts), so a save
  // does not re-render thousands of pages. FINSAM_SERVE_ALL_PAGES=1 writes them all on every save, as a build does.
  const onRequest =
    process.env.ELEVENTY_RUN_MODE === "serve" && !process.env.FINSAM_SERVE_ALL_PAGES
      ? new OnRequestPages(await modelPaginatedTemplates(PAGES_DIR))
      : undefined;
  for (const template of onRequest?.templates ?? []) eleventyConfig.ignores.add(template.inputPath);
  const devSearch = new DevSearchIndex();

  // The search index: its worker starts with the build and gets the published documents as soon as the model
  // exists (here when `npm run build` brought one, else from the global data above), indexes them while the pages
  // render and writes /sok/index/ into the output folder when done; the build waits for it in eleventy.after, and
  // its failure fails the build. The dev server rendering on request builds no index with its builds: it makes one
  // when the search page asks for it, and serves it from memory (src/eleventy/dev-search.ts).
  let searchStarted = 0;
  eleventyConfig.on("eleventy.before", async ({ outputMode, directories }: BuildEvent) => {
    // A build that failed never reached eleventy.after: drop its index before starting anew.
    const previous = search;
    search = undefined;
    await previous?.close();
    if (outputMode !== "fs" || onRequest) return;
    searchStarted = performance.now();
    search = SearchIndexBuild.start(path.join(directories.output, PATHS.searchIndex));
    if (options.model) search.feed(options.model);
  });
  eleventyConfig.on("eleventy.after", async (event: BuildEvent) => {
    const current = search;
    search = undefined;
    if (!current) return;
    if (!model || event.outputMode !== "fs") {
      await current.close();
      return;
    }
    const waited = performance.now();
    const finished = await current.finish(model, path.join(event.directories.output, PATHS.searchIndex));
    // What the build still waits for after rendering; "search-index-total" counts from the worker's start.
    options.onTiming?.("search-index", performance.now() - waited);
    options.onTiming?.("search-index-total", performance.now() - searchStarted);
    options.onTiming?.("search-index-worker-start", finished.startMs);
    options.onTiming?.("search-index-worker-busy", finished.stats.indexMs + finished.stats.writeMs);
  });

  // The CMS (/admin/): its page and configuration are templates that read these settings; its bundle comes from npm
  // and is put in place after the pages (src/eleventy/cms-bundle.ts).
  const cms = options.cms ?? cmsSettingsFromEnv();
  eleventyConfig.addGlobalData("cms", () => cms);

  // The stylesheet is a template with the settings' brand colour (layouts/pages/stylesheet.11ty.ts); the dev server
  // rebuilds when it changes.
  eleventyConfig.addWatchTarget("layouts/assets/");
  // The search page's modules: one copy in src/, imported by the index builder and served to the page.
  eleventyConfig.addPassthroughCopy({ "src/outputs/search/browser": "assets" });
  // The Swedish stemmer the index was built with, for the search page (src/outputs/search/browser/search-terms.js).
  eleventyConfig.addPassthroughCopy({ [STEMMER_FILE]: PATHS.searchStemmer.slice(1) });
  // Images and attachments (content/bilder/, content/filer/): not Eleventy's passthrough copy, which copies a symbolic
  // link as a link, and a pages upload follows it and publishes what it points at. Copied after the pages, so a build
  // stopped by content errors copies nothing.
  eleventyConfig.on("eleventy.after", async ({ outputMode, directories }: BuildEvent) => {
    if (outputMode !== "fs") return;
    copyAssets(options.contentDir, directories.output);
    if (model) publishRenditions(model.images, imageCacheDir(), directories.output);
    // The link check has found the icon under content/bilder/ before any page was written.
    const icon = model?.site.icon;
    if (icon) await writeIcons(path.join(options.contentDir, icon), directories.output);
    writeDecapBundle(directories.output);
  });
  eleventyConfig.addWatchTarget(`${options.contentDir}/**/*.md`);
  for (const folder of Object.keys(ASSET_FOLDERS)) eleventyConfig.addWatchTarget(`${options.contentDir}/${folder}/`);
  // The data files (settings, organisations …): a save there makes a new model like a document's does.
  eleventyConfig.addWatchTarget(`${options.contentDir}/${DATA_FOLDER}/`);
  eleventyConfig.addWatchTarget("./src/");
  eleventyConfig.addWatchTarget("./layouts/");
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.setServerOptions({
    showVersion: false,
    // In Swedish, with the address a phone on the same network opens (the server listens on every interface).
    messageOnStart: ({ localhostUrl }: { localhostUrl: string }) => previewAddressLines(localhostUrl).join("\n"),
    ...(onRequest ? { onRequest: { "/*": async ({ url }: { url: URL }) => (await devSearch.respond(model, url)) ?? onRequest.respond(model, url.pathname) } } : {}),
  });
}

// The build manifest: what a built site was made for, written into it last, and the check that only a production
// build is served by `npm run serve:dist` or uploaded (`npm run verify:dist`).
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { normalisePathPrefix, normaliseSiteUrl, type SiteOptions } from "../site/site.ts";

/**
 * At the site's root and published with it: not a dot file, which some hosts and upload tools leave out, and
 * anyone can ask the live site which build it runs (`curl https://finsam.se/finsam-build.json`). It holds
 * nothing a reader may not know: the address and when it was built. Nothing links to it.
 */
export const BUILD_MANIFEST = "finsam-build.json";

const manifestSchema = z.object({
  /** "finsam-publishing 0.1.0": the generator and its version, from package.json. */
  generator: z.string(),
  /** Only "production" may be published: a preview build shows drafts and scheduled documents. */
  mode: z.enum(["production", "preview"]),
  builtAt: z.iso.datetime(),
  siteUrl: z.string(),
  pathPrefix: z.string(),
});

export type BuildManifest = z.infer<typeof manifestSchema>;

function generator(): string {
  const pkg = JSON.parse(fs.readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { name: string; version: string };
  return `${pkg.name} ${pkg.version}`;
}

/** Written after everything else, so a folder with a manifest holds a whole build. */
export function writeBuildManifest(outputDir: string, options: SiteOptions): void {
  const manifest: BuildManifest = {
    generator: generator(),
    mode: options.mode,
    builtAt: new Date().toISOString(),
    siteUrl: options.siteUrl,
    pathPrefix: options.pathPrefix,
  };
  fs.writeFileSync(path.join(outputDir, BUILD_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** What the folder must have been built for, when the caller knows (the upload's SITE_URL and PATH_PREFIX). */
export interface Expected {
  siteUrl?: string;
  pathPrefix?: string;
}

export type Verdict = { ok: true; manifest: BuildManifest } | { ok: false; message: string };

/** The address and prefix set in the environment; empty or unset ones are not checked. */
export function expectedFromEnv(env: NodeJS.ProcessEnv = process.env): Expected {
  return {
    ...(env.SITE_URL ? { siteUrl: normaliseSiteUrl(env.SITE_URL) } : {}),
    ...(env.PATH_PREFIX ? { pathPrefix: normalisePathPrefix(env.PATH_PREFIX) } : {}),
  };
}

/** A folder as messages name it: relative to the working folder when inside it, with one trailing slash. */
export function shownDir(dir: string): string {
  const relative = path.relative(process.cwd(), path.resolve(dir));
  return `${relative.startsWith("..") ? path.resolve(dir) : relative || "."}/`;
}

/** Whether `dir` holds a production build (for `expected`, where given), or why not, in Swedish. */
export function verifyProductionBuild(dir: string, expected: Expected = {}): Verdict {
  const shown = shownDir(dir);
  const rebuild = "Bygg för publicering: npm run build";
  if (!fs.existsSync(path.join(dir, "index.html"))) {
    return { ok: false, message: `Hittar ingen byggd webbplats i ${shown}. Kör först: npm run build` };
  }
  const file = path.join(dir, BUILD_MANIFEST);
  if (!fs.existsSync(file)) {
    return { ok: false, message: `${shown} saknar ${BUILD_MANIFEST} och är alltså inte byggd med npm run build. ${rebuild}` };
  }
  let manifest: BuildManifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
  } catch {
    return { ok: false, message: `${shown}${BUILD_MANIFEST} går inte att läsa: filen är skadad eller från en annan version. ${rebuild}` };
  }
  if (manifest.mode !== "production") {
    return {
      ok: false,
      message: `${shown} är byggd för förhandsvisning: där kan utkast och schemalagda dokument synas, så den får inte visas som den publicerade webbplatsen eller laddas upp. ${rebuild} (utan FINSAM_MODE=preview)`,
    };
  }
  if (expected.siteUrl !== undefined && expected.siteUrl !== manifest.siteUrl) {
    return { ok: false, message: `${shown} är byggd för ${manifest.siteUrl}, men SITE_URL är ${expected.siteUrl}. Bygg om med samma SITE_URL: npm run build` };
  }
  if (expected.pathPrefix !== undefined && expected.pathPrefix !== manifest.pathPrefix) {
    return {
      ok: false,
      message: `${shown} är byggd för sökvägen ${manifest.pathPrefix}, men PATH_PREFIX är ${expected.pathPrefix}. Bygg om med samma PATH_PREFIX: npm run build`,
    };
  }
  return { ok: true, manifest };
}

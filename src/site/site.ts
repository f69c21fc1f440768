// Site-wide constants and build options: read by layouts, feeds and the build alike, written once here. What an
// editor changes (the site's name, description, menus, organisations …) is content: content/data/, read per build.

export const SITE = {
  lang: "sv",
  locale: "sv_SE",
  zone: "Europe/Stockholm",
  /**
   * Authority of feed entry ids (tag URIs, RFC 4151). Deliberately not derived from SITE_URL:
   * moving the site to another host must not re-publish every entry to subscribers.
   */
  idAuthority: "finsam.se",
  defaultUrl: "https://finsam.se",
} as const;

export type BuildMode = "production" | "preview";

export interface SiteOptions {
  /** Folder with the editors' Markdown, one sub-folder per document type. */
  contentDir: string;
  /** Absolute origin the site is served from, without trailing slash. */
  siteUrl: string;
  /** Sub-folder the site is hosted in ("/" at the root); every link and asset follows it. */
  pathPrefix: string;
  /** production leaves drafts and future-dated documents out; preview shows them with a banner. */
  mode: BuildMode;
  /** "Now" for scheduling decisions; fixed in tests. Left out, each build (and dev-server rebuild) uses the clock. */
  now?: Date;
}

export function normaliseSiteUrl(raw: string): string {
  const url = URL.parse(raw);
  if (url === null || (url.protocol !== "https:" && url.protocol !== "http:")) {
    throw new Error(`SITE_URL ska börja med https:// eller http://, men är "${raw}".`);
  }
  return url.origin;
}

export function normalisePathPrefix(raw: string | undefined): string {
  const trimmed = (raw ?? "").trim().replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

/** Where a production build goes: the folder a host serves and an upload publishes. */
export const DEPLOY_DIR = "_site";
/** Where the preview goes (`npm start`, a preview build): never the deploy folder, so no draft is uploaded by mistake. */
export const PREVIEW_DIR = ".cache/preview";

/** The output folder of a build in `mode`: FINSAM_OUTPUT_DIR is the deploy folder, FINSAM_PREVIEW_DIR the preview's. */
export function outputDirFromEnv(mode: BuildMode, env: NodeJS.ProcessEnv = process.env): string {
  return mode === "preview" ? env.FINSAM_PREVIEW_DIR || PREVIEW_DIR : env.FINSAM_OUTPUT_DIR || DEPLOY_DIR;
}

/** Options for a build started from the command line, taken from the environment. */
export function siteOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): SiteOptions {
  return {
    contentDir: env.FINSAM_CONTENT_DIR ?? "content",
    siteUrl: normaliseSiteUrl(env.SITE_URL ?? SITE.defaultUrl),
    pathPrefix: normalisePathPrefix(env.PATH_PREFIX),
    mode: env.FINSAM_MODE === "preview" ? "preview" : "production",
  };
}

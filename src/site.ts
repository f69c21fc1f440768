// Site-wide constants and build options: read by layouts, feeds and the build alike, written once here.

export const SITE = {
  name: "Finsam",
  longName: "Finsam – finansiell samordning",
  description:
    "Nyheter, konferenser, brev, minnen och protokoll från samordningsförbunden, Nationella rådet och NNS.",
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
  const url = new URL(raw);
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`SITE_URL ska börja med https:// eller http://, men är "${raw}".`);
  }
  return url.origin;
}

export function normalisePathPrefix(raw: string | undefined): string {
  const trimmed = (raw ?? "").trim().replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
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

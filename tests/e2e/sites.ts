// What the global setup hands the browser tests: the built sites, where they are served, and the browser.
// Kept free of vitest imports so both the setup (main process) and the test files can use it.

export const BROWSER_PATH = "/usr/bin/chromium";

/**
 * Debian's Chromium, headless, as root, on a machine without a network: no sandbox (root), no GPU, and no
 * background connections (they are refused here, many at a time). Playwright gives every launch a fresh,
 * empty profile folder of its own.
 */
export const BROWSER_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export type SiteName = "shipped" | "fixture" | "prefixed";

export interface ServedSite {
  name: SiteName;
  /** Folder the build wrote. */
  outDir: string;
  /** SITE_URL the site was built with (absolute links in canonical, feeds and the sitemap use it). */
  siteUrl: string;
  /** PATH_PREFIX the site was built with: "/" or "/finsam/". */
  pathPrefix: string;
  /** Where the local server serves it: "http://127.0.0.1:41234". */
  origin: string;
  /** origin + pathPrefix. */
  baseUrl: string;
}

export interface E2eContext {
  sites: Record<SiteName, ServedSite>;
  /** Playwright's endpoint of the one Chromium all test files share. */
  wsEndpoint: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    e2e: E2eContext;
  }
}

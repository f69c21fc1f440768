// Where the CMS saves: the git host's backend, read from the environment at build time like SITE_URL, and the local
// backend an editor's own computer runs. Also the origins the admin page's policy must let it reach.

/**
 * GitHub through its API when the repository is known (CMS_REPO, or GITHUB_REPOSITORY, which the pages workflow
 * sets); otherwise Netlify's git-gateway, which needs no repository name and is reached on the site's own origin.
 */
export type CmsBackend = { name: "github"; repo: string; branch: string } | { name: "git-gateway"; branch: string };

export interface CmsSettings {
  backend: CmsBackend;
  /**
   * decap-server's API, which the CMS asks first when the page is opened on localhost. Not the port Decap assumes
   * (8081): that is `npm run serve:dist`'s, and both should run side by side. 127.0.0.1 rather than localhost:
   * `npm run cms` binds the server to that address alone, and localhost may first resolve to ::1, where another
   * program could answer.
   */
  localBackendUrl: string;
}

export const LOCAL_BACKEND_PORT = 8082;
export const LOCAL_BACKEND_HOST = "127.0.0.1";

/** decap-server's API on a port of this computer. */
export function localBackendUrl(port: number): string {
  return `http://${LOCAL_BACKEND_HOST}:${port}/api/v1`;
}

export const LOCAL_BACKEND_URL = localBackendUrl(LOCAL_BACKEND_PORT);
export const DEFAULT_BRANCH = "main";

const GITHUB_API = "https://api.github.com";
/** The signed-in editor's picture in the CMS's header comes from here. */
const GITHUB_AVATARS = "https://avatars.githubusercontent.com";

// GitHub's own rules for owner and repository names: no spaces, slashes or dots that could lead elsewhere.
const REPO = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const BRANCH = /^(?!\/|.*\.\.|.*\/$)[A-Za-z0-9._/-]{1,200}$/;

/**
 * CMS_LOCAL_BACKEND_URL moves the local backend (`npm run cms` sets it when 8082 is taken, the browser test to its
 * own server). Only this computer: the admin page's policy lets the CMS connect to it.
 */
function localBackendFromEnv(raw: string | undefined): string {
  const value = (raw ?? "").trim();
  if (value === "") return LOCAL_BACKEND_URL;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== "http:" || !["127.0.0.1", "localhost"].includes(url.hostname) || url.username || url.password || url.search || url.hash) {
    throw new Error(`CMS_LOCAL_BACKEND_URL ska vara en adress på den här datorn, t.ex. ${LOCAL_BACKEND_URL}, men är "${value}".`);
  }
  return url.href;
}

export function cmsSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): CmsSettings {
  const repo = (env.CMS_REPO ?? env.GITHUB_REPOSITORY ?? "").trim();
  const branch = (env.CMS_BRANCH ?? "").trim() || DEFAULT_BRANCH;
  const localBackendUrl = localBackendFromEnv(env.CMS_LOCAL_BACKEND_URL);
  if (!BRANCH.test(branch)) throw new Error(`CMS_BRANCH ska vara namnet på en gren, t.ex. main, men är "${branch}".`);
  if (repo === "") return { backend: { name: "git-gateway", branch }, localBackendUrl };
  if (!REPO.test(repo)) throw new Error(`CMS_REPO ska skrivas ägare/namn, t.ex. finsam/webbplats, men är "${repo}".`);
  return { backend: { name: "github", repo, branch }, localBackendUrl };
}

/** Origins other than the site's own that the CMS talks to: the git host's API and the local backend. */
export function cmsConnectOrigins(settings: CmsSettings): string[] {
  const local = new URL(settings.localBackendUrl).origin;
  return settings.backend.name === "github" ? [GITHUB_API, local] : [local];
}

/** Origins other than the site's own that the CMS shows images from. */
export function cmsImageOrigins(settings: CmsSettings): string[] {
  return settings.backend.name === "github" ? [GITHUB_AVATARS] : [];
}

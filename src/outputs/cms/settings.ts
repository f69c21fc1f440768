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
   * (8081): that is `npm run serve:dist`'s, and both should run side by side.
   */
  localBackendUrl: string;
}

export const LOCAL_BACKEND_URL = "http://localhost:8082/api/v1";
export const DEFAULT_BRANCH = "main";

const GITHUB_API = "https://api.github.com";
/** The signed-in editor's picture in the CMS's header comes from here. */
const GITHUB_AVATARS = "https://avatars.githubusercontent.com";

// GitHub's own rules for owner and repository names: no spaces, slashes or dots that could lead elsewhere.
const REPO = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const BRANCH = /^(?!\/|.*\.\.|.*\/$)[A-Za-z0-9._/-]{1,200}$/;

export function cmsSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): CmsSettings {
  const repo = (env.CMS_REPO ?? env.GITHUB_REPOSITORY ?? "").trim();
  const branch = (env.CMS_BRANCH ?? "").trim() || DEFAULT_BRANCH;
  if (!BRANCH.test(branch)) throw new Error(`CMS_BRANCH ska vara namnet på en gren, t.ex. main, men är "${branch}".`);
  if (repo === "") return { backend: { name: "git-gateway", branch }, localBackendUrl: LOCAL_BACKEND_URL };
  if (!REPO.test(repo)) throw new Error(`CMS_REPO ska skrivas ägare/namn, t.ex. finsam/webbplats, men är "${repo}".`);
  return { backend: { name: "github", repo, branch }, localBackendUrl: LOCAL_BACKEND_URL };
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

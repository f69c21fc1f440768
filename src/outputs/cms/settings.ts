// Where the CMS saves: the git host's backend, read from the environment at build time like SITE_URL, and the local
// backend an editor's own computer runs. Also the origins the admin page's policy must let it reach.

/**
 * GitHub through its API when the repository is known (CMS_REPO, or GITHUB_REPOSITORY, which the pages workflow
 * sets); otherwise Netlify's git-gateway, which needs no repository name and is reached on the site's own origin.
 */
export type CmsBackend = { name: "github"; repo: string; branch: string; authenticator?: CmsAuthenticator } | { name: "git-gateway"; branch: string };

/**
 * The OAuth client that signs an editor in to GitHub for a site that is not on Netlify: GitHub hands out a token only
 * to a server that knows the OAuth app's secret, which a static site cannot hold. Without one, Decap asks Netlify's
 * (https://api.netlify.com/auth), which signs in only for a site Netlify knows.
 */
export interface CmsAuthenticator {
  /** Its origin alone: Decap accepts the popup's answer only from a window whose origin is this very string. */
  baseUrl: string;
  /** The path of its login address on that origin; Decap's default, "auth", when unset. */
  endpoint?: string;
}

/** The backend as Decap's configuration spells it. */
export type DecapBackend = { name: string; repo?: string; branch: string; base_url?: string; auth_endpoint?: string };

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

// Path segments, none of them "." or "..", which would lead the login window to another path than the one named.
const AUTH_ENDPOINT = /^(?!\.{1,2}(?:\/|$))(?!.*\/\.{1,2}(?:\/|$))[A-Za-z0-9._~-]+(?:\/[A-Za-z0-9._~-]+)*$/;

/**
 * CMS_AUTH_BASE_URL and CMS_AUTH_ENDPOINT, Decap's base_url and auth_endpoint. An https origin without a path: Decap
 * compares it with the origin of the login window's message, so a path or a trailing slash here would make every
 * login wait forever with no error; the path goes into CMS_AUTH_ENDPOINT instead.
 */
function authenticatorFromEnv(rawBase: string | undefined, rawEndpoint: string | undefined): CmsAuthenticator | undefined {
  const base = (rawBase ?? "").trim();
  const endpoint = (rawEndpoint ?? "").trim().replace(/^\/+|\/+$/g, "");
  if (base === "") {
    if (endpoint !== "") throw new Error(`CMS_AUTH_ENDPOINT gäller bara tillsammans med CMS_AUTH_BASE_URL, som saknas.`);
    return undefined;
  }
  let url: URL | undefined;
  try {
    url = new URL(base);
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== "https:" || url.username || url.password || url.search || url.hash || url.pathname !== "/") {
    throw new Error(`CMS_AUTH_BASE_URL ska vara inloggningstjänstens adress utan sökväg, t.ex. https://inloggning.exempelforbund.se, men är "${base}". En sökväg skrivs i CMS_AUTH_ENDPOINT.`);
  }
  if (endpoint !== "" && !AUTH_ENDPOINT.test(endpoint)) {
    throw new Error(`CMS_AUTH_ENDPOINT ska vara en sökväg som auth eller api/auth, men är "${rawEndpoint}".`);
  }
  return endpoint === "" ? { baseUrl: url.origin } : { baseUrl: url.origin, endpoint };
}

export function cmsSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): CmsSettings {
  // A repository variable that is not set reaches a workflow's env as "", which must not hide GITHUB_REPOSITORY.
  const repo = (env.CMS_REPO?.trim() || env.GITHUB_REPOSITORY || "").trim();
  const branch = (env.CMS_BRANCH ?? "").trim() || DEFAULT_BRANCH;
  const localBackendUrl = localBackendFromEnv(env.CMS_LOCAL_BACKEND_URL);
  if (!BRANCH.test(branch)) throw new Error(`CMS_BRANCH ska vara namnet på en gren, t.ex. main, men är "${branch}".`);
  const authenticator = authenticatorFromEnv(env.CMS_AUTH_BASE_URL, env.CMS_AUTH_ENDPOINT);
  if (repo === "") {
    if (authenticator) throw new Error(`CMS_AUTH_BASE_URL gäller inloggning på GitHub, men inget förråd är angivet: sätt CMS_REPO (ägare/namn).`);
    return { backend: { name: "git-gateway", branch }, localBackendUrl };
  }
  if (!REPO.test(repo)) throw new Error(`CMS_REPO ska skrivas ägare/namn, t.ex. finsam/webbplats, men är "${repo}".`);
  return { backend: authenticator ? { name: "github", repo, branch, authenticator } : { name: "github", repo, branch }, localBackendUrl };
}

export function decapBackend(backend: CmsBackend): DecapBackend {
  if (backend.name === "git-gateway") return { name: "git-gateway", branch: backend.branch };
  const { repo, branch, authenticator } = backend;
  if (!authenticator) return { name: "github", repo, branch };
  return { name: "github", repo, branch, base_url: authenticator.baseUrl, ...(authenticator.endpoint ? { auth_endpoint: authenticator.endpoint } : {}) };
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

// The site's Content-Security-Policy, written once: every HTML page carries it as a <meta> (static hosts cannot
// all set headers), and src/cli/static-server.ts sends it as a real header, as a strict host would.
//
// No page runs inline script or uses inline style: the search page's only scripts are external modules
// (src/outputs/search/browser/search.js and what it imports), JSON-LD blocks are data (never executed, so the policy does not
// apply to them), and Markdown table alignment becomes a class (src/text/markdown.ts). The search fetches its index
// (JSON, same origin) and needs neither WebAssembly, nor eval, nor workers.

/** Directives that work in a <meta> element, in the order they are written. */
const DIRECTIVES: readonly (readonly [string, string])[] = [
  ["default-src", "'self'"],
  ["script-src", "'self'"],
  ["style-src", "'self'"],
  // Images from other sites: an editor may link an image off-site (https only).
  ["img-src", "'self' https: data:"],
  ["connect-src", "'self'"],
  ["object-src", "'none'"],
  ["base-uri", "'self'"],
  ["form-action", "'self'"],
];

/**
 * Directives a browser ignores in a <meta> element (with a console warning), so only the header carries them.
 * frame-ancestors 'none': no other site may show these pages in a frame (clickjacking).
 */
const HEADER_ONLY_DIRECTIVES: readonly (readonly [string, string])[] = [["frame-ancestors", "'none'"]];

function serialise(directives: readonly (readonly [string, string])[]): string {
  return directives.map(([name, value]) => `${name} ${value}`).join("; ");
}

/** The policy every HTML page carries in <meta http-equiv="Content-Security-Policy">. */
export const CONTENT_SECURITY_POLICY = serialise(DIRECTIVES);

/** The same policy as an HTTP header, for hosts that can send one: the meta policy plus header-only directives. */
export const CONTENT_SECURITY_POLICY_HEADER = serialise([...DIRECTIVES, ...HEADER_ONLY_DIRECTIVES]);

/**
 * The CMS's page (/admin/) has a policy of its own, in its <meta>: Decap CMS is a React application built by
 * webpack that cannot run under the site's. What it needs, found by running it in Chromium (tests/e2e/admin.e2e.ts):
 * - style-src 'unsafe-inline': its styles are CSS-in-JS (emotion), written into <style> elements as it renders;
 * - script-src 'unsafe-eval': it validates its configuration with AJV, which compiles each schema with new Function;
 * - img-src blob: and data: for images picked or uploaded before they are saved;
 * - connect-src: the git host's API and the local backend (decap-server), given by the CMS's settings; and blob:,
 *   for Decap reads an image uploaded in its media library back from its blob: URL with fetch() when it saves the
 *   entry (without it the save fails with "Failed to fetch", tests/e2e/cms-editing.e2e.ts).
 * Nothing else from another origin: the bundle, its chunks and the configuration are the site's own files.
 */
export function adminContentSecurityPolicy({ connect, images }: { connect: readonly string[]; images: readonly string[] }): string {
  const sources = (...values: readonly string[]) => values.join(" ");
  return serialise([
    ["default-src", "'self'"],
    ["script-src", "'self' 'unsafe-eval'"],
    ["style-src", "'self' 'unsafe-inline'"],
    ["img-src", sources("'self'", "data:", "blob:", ...images)],
    ["connect-src", sources("'self'", "blob:", ...connect)],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
  ]);
}

/** The header a host can send with the CMS's page: its meta carries the rest, which depends on the git host. */
export const ADMIN_CONTENT_SECURITY_POLICY_HEADER = serialise(HEADER_ONLY_DIRECTIVES);

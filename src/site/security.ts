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

// A tiny static web server for `npm run serve:dist` and the browser tests: serves a built site from a folder,
// under a path prefix, on 127.0.0.1, the way a plain static host would (index.html for folders, a redirect for a
// folder asked for without its slash, the site's own 404.html with status 404 for anything else). HTML and
// JavaScript responses carry the site's content security policy as a header, as a strict host's would
// (src/site/security.ts), except the CMS's (/admin/), whose page carries its own; every response forbids content
// sniffing.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { ADMIN_CONTENT_SECURITY_POLICY_HEADER, CONTENT_SECURITY_POLICY_HEADER } from "../site/security.ts";
import { PATHS } from "../site-model/urls.ts";

/**
 * Content types by file ending. The feeds (feed.xml, feed.json) are served as plain XML and JSON, as GitHub Pages
 * and most static hosts do, rather than as application/atom+xml and application/feed+json: a browser displays
 * those where it would show the registered types as raw text or offer a download, and feed readers take a feed
 * by its content, so they accept either.
 */
const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  // The CMS's configuration (/admin/config.yml): Decap warns of any other type.
  ".yml": "text/yaml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".pdf": "application/pdf",
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

/**
 * The redirect to a folder with its slash, built from where the folder is, not from the path as asked: a request
 * for "/%2Fevil.example%2F.." names the root folder, and echoing it back as "//evil.example/../" would send the
 * browser to another site. Each segment is encoded, so no "\\" (which browsers read as "/") survives either.
 */
function folderLocation(prefix: string, root: string, folder: string, query: string): string | undefined {
  const relative = path.relative(root, folder);
  const segments = relative === "" ? [] : relative.split(path.sep);
  const location = `${prefix}${segments.map((segment) => `${encodeURIComponent(segment)}/`).join("")}${query}`;
  // A path on this origin: one slash, then anything but another slash or a backslash.
  return /^\/(?![/\\])/.test(location) ? location : undefined;
}

/**
 * Responses the policy header goes with: pages, and scripts, because a worker would run under the policy of its
 * own script's response, not its page's. Not the XML feeds: they run nothing, and Chromium shows XML in a viewer
 * page of its own, with inline styles the policy would block.
 */
function governed(contentType: string | undefined): boolean {
  return contentType !== undefined && (contentType.startsWith("text/html") || contentType.startsWith("text/javascript"));
}

export interface StaticServer {
  /** "http://127.0.0.1:41234" */
  origin: string;
  port: number;
  /** Origin plus path prefix: "http://127.0.0.1:41234/finsam/". */
  baseUrl: string;
  /** The folder served; can be set after start, so a build can be told the port first. */
  root: string;
  /** Every request the server answered, as "status path", for failure messages. */
  log: string[];
  close(): Promise<void>;
}

/**
 * Starts serving `root` (may be set later through the returned object) under `pathPrefix` ("/" or "/finsam/").
 * Binds to 127.0.0.1 only, on `port` (0: a port the system picks).
 */
export async function startStaticServer(root: string, pathPrefix = "/", port = 0): Promise<StaticServer> {
  const prefix = pathPrefix.endsWith("/") ? pathPrefix : `${pathPrefix}/`;
  const state = { root };
  const log: string[] = [];

  // The CMS's folder: the site's policy would stop Decap, and its page's <meta> has the policy it runs under.
  const adminPrefix = `${prefix}${PATHS.admin.slice(1)}`;

  const server = http.createServer((request, response) => {
    let pathname: string | undefined;
    const send = (status: number, headers: Record<string, string>, body?: Buffer | string) => {
      log.push(`${status} ${request.url ?? ""}`);
      const always = { ...headers, "x-content-type-options": "nosniff" };
      const policy = pathname?.startsWith(adminPrefix) ? ADMIN_CONTENT_SECURITY_POLICY_HEADER : CONTENT_SECURITY_POLICY_HEADER;
      response.writeHead(status, governed(headers["content-type"]) ? { ...always, "content-security-policy": policy } : always);
      response.end(request.method === "HEAD" ? undefined : body);
    };
    const notFound = () => {
      const page = path.join(state.root, "404.html");
      const body = fs.existsSync(page) ? fs.readFileSync(page) : "404 Not Found";
      send(404, { "content-type": fs.existsSync(page) ? CONTENT_TYPES[".html"]! : CONTENT_TYPES[".txt"]! }, body);
    };

    if (request.method !== "GET" && request.method !== "HEAD") {
      send(405, { allow: "GET, HEAD", "content-type": CONTENT_TYPES[".txt"]! }, "405 Method Not Allowed");
      return;
    }

    let query: string;
    try {
      // The request target is a path: "//evil.example" is that path on this host, not another host.
      const target = request.url ?? "/";
      if (!target.startsWith("/")) throw new URIError(target);
      const url = new URL(`http://127.0.0.1${target}`);
      pathname = decodeURIComponent(url.pathname);
      query = url.search;
    } catch {
      send(400, { "content-type": CONTENT_TYPES[".txt"]! }, "400 Bad Request");
      return;
    }
    // The prefix folder itself without its slash ("/finsam") redirects like any other folder.
    if (`${pathname}/` === prefix) {
      send(301, { location: prefix });
      return;
    }
    if (!pathname.startsWith(prefix) || pathname.includes("\0")) return notFound();

    const root = path.resolve(state.root);
    const file = path.resolve(root, `./${pathname.slice(prefix.length)}`);
    if (file !== root && !file.startsWith(`${root}${path.sep}`)) return notFound();

    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return notFound();
    }
    if (stat.isDirectory()) {
      if (!pathname.endsWith("/")) {
        const location = folderLocation(prefix, root, file, query);
        if (location === undefined) return notFound();
        send(301, { location });
        return;
      }
      const index = path.join(file, "index.html");
      if (!fs.existsSync(index)) return notFound();
      send(200, { "content-type": contentTypeFor(index) }, fs.readFileSync(index));
      return;
    }
    send(200, { "content-type": contentTypeFor(file), "content-length": String(stat.size) }, fs.readFileSync(file));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${bound}`;
  return {
    origin,
    port: bound,
    baseUrl: `${origin}${prefix}`,
    get root() {
      return state.root;
    },
    set root(value: string) {
      state.root = value;
    },
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// A filter in front of decap-server: it answers only requests addressed to this computer by name (the Host header)
// and, when a browser says which page sent them (Origin), only the preview's own. decap-server checks neither, and
// binding it to 127.0.0.1 does not stop a web page the editor opens: with DNS rebinding the page's own name comes
// to point at 127.0.0.1, its requests then carry that name as Host, and without this they would write into the
// working copy.
import http from "node:http";
import { LOCAL_BACKEND_HOST } from "../outputs/cms/settings.ts";

export interface BackendGuard {
  port: number;
  close(): Promise<void>;
}

export interface BackendGuardOptions {
  /** Where the guard listens (on 127.0.0.1): the port the CMS is told. */
  port: number;
  /** decap-server's own port on 127.0.0.1, which nothing but the guard is told. */
  target: number;
  /**
   * Origins of the pages allowed to call, e.g. http://localhost:8080 (the preview). Left out: any page served from
   * this computer (http://localhost, 127.0.0.1 or [::1] on any port), which a rebinding page can never be.
   */
  origins?: readonly string[];
}

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

function loopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === "http:" && LOOPBACK_NAMES.includes(url.hostname) && url.origin === origin;
  } catch {
    return false;
  }
}

/** Why a request is refused, in Swedish, or undefined when it may pass. */
export function refusal(headers: http.IncomingHttpHeaders, port: number, origins?: readonly string[]): string | undefined {
  const host = headers.host?.toLowerCase();
  if (!host || !LOOPBACK_NAMES.some((name) => host === `${name}:${port}`)) {
    return `Anropet gäller inte den här datorn (Host: ${host ?? "saknas"}). Den lokala servern svarar bara på localhost:${port} och ${LOCAL_BACKEND_HOST}:${port}.`;
  }
  const origin = headers.origin;
  if (origin !== undefined && !(origins ? origins.includes(origin) : loopbackOrigin(origin))) {
    return `Anropet kommer från en annan sida (${origin}) än förhandsvisningen på den här datorn.`;
  }
  return undefined;
}

export function startBackendGuard({ port, target, origins }: BackendGuardOptions): Promise<BackendGuard> {
  const server = http.createServer((request, response) => {
    const refused = refusal(request.headers, port, origins);
    if (refused) {
      request.resume();
      response.writeHead(403, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
      response.end(`${refused}\n`);
      return;
    }
    const upstream = http.request(
      { host: LOCAL_BACKEND_HOST, port: target, method: request.method, path: request.url, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.once("error", () => {
      if (response.headersSent) return void response.destroy();
      response.writeHead(502, { "Content-Type": "text/plain; charset=utf-8" });
      response.end("Den lokala servern för redigeringsverktyget (decap-server) svarar inte.\n");
    });
    request.pipe(upstream);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port, host: LOCAL_BACKEND_HOST, exclusive: true }, () => {
      server.off("error", reject);
      resolve({
        port,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

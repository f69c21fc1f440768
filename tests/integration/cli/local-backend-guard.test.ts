// The filter in front of decap-server, with real HTTP requests: a forged Host (what a DNS-rebinding page sends) or a
// foreign Origin gets 403 and never reaches the server; this computer's own names, with the right port, pass
// through unchanged, body and answer. Then the same through `startLocalBackend` with decap-server itself.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBackendGuard, type BackendGuard } from "../../../src/cli/local-backend-guard.ts";
import { freePort, startLocalBackend, type LocalBackend } from "../../../src/cli/local-backend.ts";

interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** One request with the headers given as they are: Node's client sends the Host we set, or none with setHost false. */
function request(port: number, headers: Record<string, string>, body?: string, setHost = true, method = body === undefined ? "GET" : "POST"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request({ host: "127.0.0.1", port, method, path: "/api/v1", headers, setHost }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text, headers: response.headers }));
    });
    outgoing.once("error", reject);
    outgoing.end(body);
  });
}

describe("the guard in front of a server", () => {
  let upstream: http.Server;
  let guard: BackendGuard;
  let port: number;
  const seen: { host?: string; body: string }[] = [];
  const PREVIEW = "http://localhost:8080";

  beforeAll(async () => {
    upstream = http.createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        seen.push({ ...(req.headers.host ? { host: req.headers.host } : {}), body });
        res.writeHead(201, { "Content-Type": "application/json", "X-Upstream": "ja" });
        res.end(JSON.stringify({ echoed: body }));
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    const target = (upstream.address() as { port: number }).port;
    port = await freePort(41000, "127.0.0.1");
    guard = await startBackendGuard({ port, target, origins: [PREVIEW, "http://127.0.0.1:8080"] });
  });

  afterAll(async () => {
    await guard.close();
    await new Promise((resolve) => upstream.close(resolve));
  });

  it("refuses a forged Host with 403, in Swedish, and the server never sees it", async () => {
    const before = seen.length;
    for (const host of ["evil.example", `evil.example:${port}`, `127.0.0.1.nip.io:${port}`, "localhost", `localhost:${port + 1}`, `127.0.0.2:${port}`]) {
      const answer = await request(port, { Host: host }, '{"action":"info"}');
      expect(answer.status, host).toBe(403);
      expect(answer.body, host).toMatch(/Anropet gäller inte den här datorn/);
    }
    // No Host at all: Node's server refuses an HTTP/1.1 request without one before the guard sees it.
    expect([400, 403]).toContain((await request(port, {}, "{}", false)).status);
    expect(seen.length).toBe(before);
  });

  it("refuses a page of another origin, also with the right Host", async () => {
    const before = seen.length;
    for (const origin of ["http://evil.example", `http://localhost:${port}`, "http://localhost:8081", "https://localhost:8080", "null"]) {
      const answer = await request(port, { Host: `127.0.0.1:${port}`, Origin: origin }, "{}");
      expect(answer.status, origin).toBe(403);
      expect(answer.body, origin).toMatch(/kommer från en annan sida/);
    }
    expect(seen.length).toBe(before);
  });

  it("passes this computer's names with the right port through, body and answer unchanged", async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`]) {
      const answer = await request(port, { Host: host, "Content-Type": "application/json" }, `{"from":"${host}"}`);
      expect(answer.status, host).toBe(201);
      expect(JSON.parse(answer.body)).toEqual({ echoed: `{"from":"${host}"}` });
      expect(seen.at(-1)).toEqual({ host, body: `{"from":"${host}"}` });
    }
    expect((await request(port, { Host: `localhost:${port}`, Origin: PREVIEW }, "{}")).status).toBe(201);
  });
});

describe("decap-server started by startLocalBackend", () => {
  let backend: LocalBackend;
  let repo: string;

  beforeAll(async () => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-guard-"));
    fs.mkdirSync(path.join(repo, "content"));
    backend = await startLocalBackend({ repoDir: repo, port: await freePort(42000, "127.0.0.1"), output: "pipe", origins: ["http://localhost:8080"] });
  }, 30_000);

  afterAll(async () => {
    await backend?.close();
    fs.rmSync(repo, { recursive: true, force: true });
  });

  it("is behind the guard: the CMS's port refuses a rebinding page's Host and answers the preview", async () => {
    expect(backend.serverPort).not.toBe(backend.port);
    expect(backend.url).toBe(`http://127.0.0.1:${backend.port}/api/v1`);
    const info = '{"action":"info"}';
    const json = { "Content-Type": "application/json" };
    expect((await request(backend.port, { ...json, Host: `rebound.example:${backend.port}` }, info)).status).toBe(403);
    expect((await request(backend.port, { ...json, Host: `127.0.0.1:${backend.port}`, Origin: "http://rebound.example" }, info)).status).toBe(403);
    const answer = await request(backend.port, { ...json, Host: `localhost:${backend.port}`, Origin: "http://localhost:8080" }, info);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ type: "local_fs" });
  });

  it("lets the browser's preflight from the preview through, as Decap's first save from /admin/ sends it", async () => {
    const preflight = await request(
      backend.port,
      { Host: `127.0.0.1:${backend.port}`, Origin: "http://localhost:8080", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
      undefined,
      true,
      "OPTIONS",
    );
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers["access-control-allow-origin"]).toBeDefined();
  });
});

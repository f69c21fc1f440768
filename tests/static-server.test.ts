// The e2e tests trust this server to behave like a plain static host; here is the proof (no browser needed).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentTypeFor, startStaticServer, type StaticServer } from "../src/static-server.ts";
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER } from "../src/security.ts";

let root: string;
let server: StaticServer;
let prefixed: StaticServer;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-server-"));
  const files: Record<string, string> = {
    "index.html": "<!doctype html><title>Start</title>",
    "404.html": "<!doctype html><title>Sidan finns inte</title>",
    "nyheter/index.html": "<!doctype html><title>Nyheter</title>",
    "nyheter/feed.xml": "<feed/>",
    "feed.json": "{}",
    "sitemap.xml": "<urlset/>",
    "assets/site.css": "body{}",
    "assets/search.js": "",
    "bilder/å.png": "png",
  };
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  // A file beside the served folder, which a "../" in a request must not reach.
  fs.writeFileSync(path.join(path.dirname(root), `${path.basename(root)}-secret.txt`), "hemligt");
  server = await startStaticServer(root);
  prefixed = await startStaticServer(root, "/finsam/");
});

afterAll(async () => {
  await server.close();
  await prefixed.close();
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(`${root}-secret.txt`, { force: true });
});

async function get(url: string) {
  const response = await fetch(url, { redirect: "manual" });
  return { status: response.status, type: response.headers.get("content-type"), location: response.headers.get("location"), body: await response.text() };
}

describe("static test server", () => {
  it("listens on 127.0.0.1 on a port of its own", () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).not.toBe(prefixed.port);
  });

  it("serves index.html for folders and files with their content types", async () => {
    expect(await get(`${server.origin}/`)).toMatchObject({ status: 200, type: "text/html; charset=utf-8", body: expect.stringContaining("Start") });
    expect(await get(`${server.origin}/nyheter/`)).toMatchObject({ status: 200, body: expect.stringContaining("Nyheter") });
    expect((await get(`${server.origin}/assets/site.css`)).type).toBe("text/css; charset=utf-8");
    expect((await get(`${server.origin}/nyheter/feed.xml`)).type).toBe("application/atom+xml; charset=utf-8");
    expect((await get(`${server.origin}/feed.json`)).type).toBe("application/feed+json; charset=utf-8");
    expect((await get(`${server.origin}/sitemap.xml`)).type).toBe("application/xml; charset=utf-8");
    expect(await get(`${server.origin}/bilder/%C3%A5.png`)).toMatchObject({ status: 200, type: "image/png" });
    expect(contentTypeFor("x.unknown")).toBe("application/octet-stream");
  });

  it("redirects a folder asked for without its slash", async () => {
    expect(await get(`${server.origin}/nyheter`)).toMatchObject({ status: 301, location: "/nyheter/" });
    expect(await get(`${prefixed.origin}/finsam`)).toMatchObject({ status: 301, location: "/finsam/" });
  });

  it("answers unknown paths with the site's 404 page and status 404", async () => {
    expect(await get(`${server.origin}/finns-inte/`)).toMatchObject({ status: 404, type: "text/html; charset=utf-8", body: expect.stringContaining("Sidan finns inte") });
  });

  it("sends the site's content security policy with HTML (the 404 page too) and scripts, not with feeds or styles", async () => {
    const policy = async (url: string) => (await fetch(url)).headers.get("content-security-policy");
    expect(await policy(`${server.origin}/`)).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect(await policy(`${server.origin}/finns-inte/`)).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect(await policy(`${prefixed.origin}/finsam/nyheter/`)).toBe(CONTENT_SECURITY_POLICY_HEADER);
    // A worker runs under its own script's policy.
    expect(await policy(`${server.origin}/assets/search.js`)).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect(await policy(`${server.origin}/nyheter/feed.xml`)).toBeNull();
    expect(await policy(`${server.origin}/assets/site.css`)).toBeNull();
    // The header is the page's meta policy plus what only a header can carry.
    expect(CONTENT_SECURITY_POLICY_HEADER).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  });

  it("serves nothing outside its folder", async () => {
    const escape = await get(`${server.origin}/..%2F${path.basename(root)}-secret.txt`);
    expect(escape.status).toBe(404);
    expect(escape.body).not.toContain("hemligt");
  });

  it("under a prefix, serves only below it", async () => {
    expect((await get(`${prefixed.origin}/finsam/nyheter/`)).status).toBe(200);
    expect((await get(`${prefixed.origin}/nyheter/`)).status).toBe(404);
    expect(prefixed.baseUrl).toBe(`${prefixed.origin}/finsam/`);
  });
});

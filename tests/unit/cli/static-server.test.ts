// The e2e tests trust this server to behave like a plain static host; here is the proof (no browser needed).
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentTypeFor, startStaticServer, type StaticServer } from "../../../src/cli/static-server.ts";
import { ADMIN_CONTENT_SECURITY_POLICY_HEADER, CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER } from "../../../src/site/security.ts";

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
    "admin/index.html": "<!doctype html><title>Redigering</title>",
    "admin/decap-cms.js": "",
    "admin/config.yml": "locale: sv",
  };
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  // A file beside the served folder, which a ".." in a request must not reach.
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

/** A request with its path sent byte for byte as written: fetch would resolve "..", "//" and "\\" first, as a browser does. */
function raw(on: StaticServer, target: string): Promise<{ status: number; location: string | undefined }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: "127.0.0.1", port: on.port, path: target }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, location: response.headers.location }));
    });
    request.on("error", reject);
  });
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
    // Feeds with the types a browser shows instead of downloading.
    expect((await get(`${server.origin}/nyheter/feed.xml`)).type).toBe("application/xml; charset=utf-8");
    expect((await get(`${server.origin}/feed.json`)).type).toBe("application/json; charset=utf-8");
    expect((await get(`${server.origin}/sitemap.xml`)).type).toBe("application/xml; charset=utf-8");
    expect(await get(`${server.origin}/bilder/%C3%A5.png`)).toMatchObject({ status: 200, type: "image/png" });
    expect(contentTypeFor("x.unknown")).toBe("application/octet-stream");
  });

  it("redirects a folder asked for without its slash", async () => {
    expect(await get(`${server.origin}/nyheter`)).toMatchObject({ status: 301, location: "/nyheter/" });
    expect(await get(`${prefixed.origin}/finsam`)).toMatchObject({ status: 301, location: "/finsam/" });
  });

  it("never redirects off the site, however the path is written", async () => {
    // Each names a folder once decoded and normalised ("//evil.example/.." is the root), so each would redirect.
    const targets = [
      "/%2Fevil.example%2F..",
      "/%2F%2Fevil.example%2F..",
      "//evil.example/..",
      "/\\evil.example/..",
      "/%5Cevil.example%2F..",
      "/%5C%5Cevil.example%2F..",
      "/%2F%5Cevil.example%2F..",
      "/%5C%2Fevil.example%2F..",
      "/nyheter/..%2F%2Fevil.example%2F..",
      "/%2F%2Fevil.example%2F..%2Fnyheter",
    ];
    for (const on of [server, prefixed]) {
      for (const target of targets) {
        const { status, location } = await raw(on, on === prefixed ? `/finsam${target}` : target);
        // The root itself, its redirect, or nothing; never an error of the server's own.
        expect([200, 301, 404], target).toContain(status);
        if (location === undefined) continue;
        // One slash, then a path: not "//host" nor "/\\host", which a browser reads as another site.
        expect(location, target).toMatch(/^\/(?![/\\])/);
        expect(new URL(location ?? "", on.origin).origin, target).toBe(on.origin);
      }
    }
    // The redirect names the folder as normalised, with the query kept.
    expect(await raw(server, "/%2F%2Fevil.example%2F..%2Fnyheter?sida=2")).toEqual({ status: 301, location: "/nyheter/?sida=2" });
    expect(await raw(prefixed, "/finsam/%2Fevil.example%2F..")).toEqual({ status: 301, location: "/finsam/" });
  });

  it("tells browsers not to guess a content type, on every response", async () => {
    const nosniff = async (target: string) => {
      const response = await fetch(`${server.origin}${target}`, { redirect: "manual", method: target === "/post" ? "POST" : "GET" });
      await response.arrayBuffer();
      return `${response.status} ${response.headers.get("x-content-type-options")}`;
    };
    expect(await nosniff("/")).toBe("200 nosniff");
    expect(await nosniff("/assets/site.css")).toBe("200 nosniff");
    expect(await nosniff("/feed.json")).toBe("200 nosniff");
    expect(await nosniff("/nyheter")).toBe("301 nosniff");
    expect(await nosniff("/finns-inte/")).toBe("404 nosniff");
    expect(await nosniff("/%E0%A4%A")).toBe("400 nosniff");
    expect(await nosniff("/post")).toBe("405 nosniff");
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

  it("sends the CMS's page and scripts (/admin/) only what a header alone can say: the page's own meta policy governs it", async () => {
    const policy = async (url: string) => (await fetch(url)).headers.get("content-security-policy");
    expect(ADMIN_CONTENT_SECURITY_POLICY_HEADER).toBe("frame-ancestors 'none'");
    expect(await policy(`${server.origin}/admin/`)).toBe(ADMIN_CONTENT_SECURITY_POLICY_HEADER);
    expect(await policy(`${server.origin}/admin/decap-cms.js`)).toBe(ADMIN_CONTENT_SECURITY_POLICY_HEADER);
    expect(await policy(`${prefixed.origin}/finsam/admin/`)).toBe(ADMIN_CONTENT_SECURITY_POLICY_HEADER);
    // Only the CMS's folder: a page whose path merely starts alike keeps the site's.
    expect(await policy(`${server.origin}/administration/`)).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect(await policy(`${prefixed.origin}/admin/`)).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect((await get(`${server.origin}/admin/config.yml`)).type).toBe("text/yaml; charset=utf-8");
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

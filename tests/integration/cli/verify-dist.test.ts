// A build records what it was made for in /finsam-build.json; `npm run verify:dist` (before every upload) and
// `npm run serve:dist` refuse a folder that is no production build, in Swedish, with exit code 1.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_MANIFEST } from "../../../src/outputs/build-manifest.ts";
import { buildSite, type BuiltSite } from "../../helpers/build.ts";
import { MIXED } from "../../helpers/mixed-fixture.ts";

const ROOT = path.resolve(import.meta.dirname, "../../..");

let production: BuiltSite;
let preview: BuiltSite;
let prefixed: BuiltSite;
/** A site without a manifest: built by something else, or by this generator before it wrote one. */
let bare: string;

beforeAll(async () => {
  [production, preview, prefixed] = await Promise.all([
    buildSite(MIXED),
    buildSite(MIXED, { mode: "preview" }),
    buildSite(MIXED, { pathPrefix: "/finsam/" }),
  ]);
  bare = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-bare-"));
  fs.cpSync(production.outDir, bare, { recursive: true });
  fs.rmSync(path.join(bare, BUILD_MANIFEST));
});

afterAll(() => {
  for (const dir of [production.outDir, preview.outDir, prefixed.outDir, bare]) fs.rmSync(dir, { recursive: true, force: true });
});

/** This process's environment without the address a developer's shell may have set, plus `extra`. */
function envWith(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.SITE_URL;
  delete env.PATH_PREFIX;
  return { ...env, ...extra };
}

function verify(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "src/cli/verify-dist.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: envWith({ FINSAM_OUTPUT_DIR: production.outDir, ...env }),
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("the build manifest", () => {
  it("says what the build was made for", () => {
    const manifest = JSON.parse(production.read(`/${BUILD_MANIFEST}`)) as Record<string, unknown>;
    expect(manifest).toEqual({
      generator: expect.stringMatching(/^finsam-publishing \d+\.\d+\.\d+$/),
      mode: "production",
      builtAt: expect.any(String),
      siteUrl: "https://finsam.example",
      pathPrefix: "/",
    });
    expect(Math.abs(Date.parse(manifest.builtAt as string) - Date.now())).toBeLessThan(10 * 60_000);
    expect(JSON.parse(preview.read(`/${BUILD_MANIFEST}`))).toMatchObject({ mode: "preview" });
    expect(JSON.parse(prefixed.read(`/${BUILD_MANIFEST}`))).toMatchObject({ mode: "production", pathPrefix: "/finsam/" });
  });
});

describe("npm run verify:dist", () => {
  it("passes a production build, named or from FINSAM_OUTPUT_DIR", () => {
    for (const run of [verify([]), verify([production.outDir], { FINSAM_OUTPUT_DIR: bare })]) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain("är byggd för publicering");
    }
  });

  it("refuses a preview build: drafts and scheduled documents may be in it", () => {
    const run = verify([preview.outDir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("förhandsvisning");
    expect(run.stderr).toContain("npm run build");
    expect(run.stdout).toBe("");
  });

  it("refuses a folder without a manifest, with a broken one, or without a site", () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-broken-"));
    fs.cpSync(production.outDir, broken, { recursive: true });
    fs.writeFileSync(path.join(broken, BUILD_MANIFEST), '{"mode": "production"');
    try {
      const runs = {
        bare: verify([bare]),
        broken: verify([broken]),
        missing: verify([path.join(bare, "finns-inte")]),
      };
      for (const [name, run] of Object.entries(runs)) {
        expect(run.code, name).toBe(1);
        expect(run.stderr, name).toContain("npm run build");
        expect(run.stderr, name).not.toMatch(/\n\s+at /);
      }
      expect(runs.bare.stderr).toContain(`saknar ${BUILD_MANIFEST}`);
      expect(runs.broken.stderr).toContain("går inte att läsa");
      expect(runs.missing.stderr).toContain("Hittar ingen byggd webbplats");
    } finally {
      fs.rmSync(broken, { recursive: true, force: true });
    }
  });

  it("refuses a build for another address than the upload's SITE_URL or PATH_PREFIX", () => {
    expect(verify([prefixed.outDir], { SITE_URL: "https://finsam.example", PATH_PREFIX: "/finsam" }).code).toBe(0);
    const prefix = verify([prefixed.outDir], { PATH_PREFIX: "/" });
    expect(prefix.code).toBe(1);
    expect(prefix.stderr).toContain("/finsam/");
    const site = verify([production.outDir], { SITE_URL: "https://finsam.se" });
    expect(site.code).toBe(1);
    expect(site.stderr).toContain("https://finsam.example");
  });
});

describe("npm run serve:dist", () => {
  function serveDist(outDir: string, env: Record<string, string> = {}) {
    return spawn(process.execPath, ["--import", "tsx", "src/cli/serve-dist.ts"], {
      cwd: ROOT,
      env: envWith({ FINSAM_OUTPUT_DIR: outDir, PORT: "0", ...env }),
      stdio: ["ignore", "pipe", "pipe"],
    });
  }

  it("refuses to show a preview build", async () => {
    const server = serveDist(preview.outDir);
    let stderr = "";
    server.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => server.once("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toContain("förhandsvisning");
  });

  it("shows a production build under the path prefix it was built for", async () => {
    const server = serveDist(prefixed.outDir);
    try {
      const address = await new Promise<string>((resolve, reject) => {
        let stdout = "";
        server.stdout.on("data", (chunk: Buffer) => {
          stdout += chunk.toString();
          const found = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(stdout);
          if (found) resolve(found[0]);
        });
        server.once("exit", (code) => reject(new Error(`serve:dist slutade (${code})`)));
      });
      expect(address).toMatch(/\/finsam\/$/);
      const response = await fetch(address);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("<html");
    } finally {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
  });
});

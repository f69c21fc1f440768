// Once per e2e run: build the shipped content and the e2e fixture with the real build command
// (`npm run build`'s own script, configured through the environment as a deployment is), serve each on
// 127.0.0.1, and start one Chromium that every test file connects to.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { chromium } from "playwright-core";
import { startStaticServer, type StaticServer } from "../../src/cli/static-server.ts";
import { e2eFixture } from "./fixture.ts";
import { BROWSER_ARGS, BROWSER_PATH, type E2eContext, type ServedSite, type SiteName } from "./sites.ts";

const run = promisify(execFile);

interface BuildEnv {
  FINSAM_CONTENT_DIR: string;
  FINSAM_OUTPUT_DIR: string;
  SITE_URL?: string;
  PATH_PREFIX?: string;
}

async function build(env: BuildEnv): Promise<void> {
  try {
    await run(process.execPath, ["--import", "tsx", "src/cli/build.ts"], {
      env: { ...process.env, FINSAM_MODE: "production", ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`Bygget för e2e-testerna misslyckades (${JSON.stringify(env)}):\n${stdout}\n${stderr}`);
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!fs.existsSync(BROWSER_PATH)) {
    throw new Error(`Chromium saknas (${BROWSER_PATH}). Installera: apt-get update && apt-get install -y chromium`);
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-e2e-"));
  const fixtureContent = e2eFixture();

  // Servers first: the fixture builds must know their own origin (SITE_URL) before they are built.
  const servers: Record<SiteName, StaticServer> = {
    shipped: await startStaticServer(work, "/"),
    fixture: await startStaticServer(work, "/"),
    prefixed: await startStaticServer(work, "/finsam/"),
  };
  const sites: Record<SiteName, ServedSite> = {
    // The shipped content exactly as `npm run build` makes it (SITE_URL left at its default).
    shipped: site("shipped", "https://finsam.se", "/"),
    // The fixture at the root of its server, with that server as SITE_URL: canonical links resolve locally.
    fixture: site("fixture", servers.fixture.origin, "/"),
    // The deployment test: a sub-folder host. Everything must carry /finsam/.
    prefixed: site("prefixed", servers.prefixed.origin, "/finsam/"),
  };
  function site(name: SiteName, siteUrl: string, pathPrefix: string): ServedSite {
    return { name, outDir: path.join(work, name), siteUrl, pathPrefix, origin: servers[name].origin, baseUrl: servers[name].baseUrl };
  }

  const closeServers = () => Promise.all(Object.values(servers).map((server) => server.close()));
  try {
    await Promise.all([
      build({ FINSAM_CONTENT_DIR: "content", FINSAM_OUTPUT_DIR: sites.shipped.outDir }),
      build({ FINSAM_CONTENT_DIR: fixtureContent, FINSAM_OUTPUT_DIR: sites.fixture.outDir, SITE_URL: sites.fixture.siteUrl }),
      build({
        FINSAM_CONTENT_DIR: fixtureContent,
        FINSAM_OUTPUT_DIR: sites.prefixed.outDir,
        SITE_URL: sites.prefixed.siteUrl,
        PATH_PREFIX: sites.prefixed.pathPrefix,
      }),
    ]);
  } catch (error) {
    await closeServers();
    throw error;
  }
  for (const name of Object.keys(servers) as SiteName[]) servers[name].root = sites[name].outDir;

  const browser = await chromium.launchServer({
    executablePath: BROWSER_PATH,
    headless: true,
    chromiumSandbox: false,
    args: BROWSER_ARGS,
  });
  const context: E2eContext = { sites, wsEndpoint: browser.wsEndpoint() };
  project.provide("e2e", context);

  return async () => {
    await browser.close();
    await closeServers();
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(fixtureContent, { recursive: true, force: true });
  };
}

// What the CMS editing test runs against: a temporary git repository with a small content tree, Decap's local
// backend (decap-server, as `npm run cms` starts it) on a free port of 127.0.0.1 writing into it, and a build of
// that content whose /admin/ is configured for that backend, served on 127.0.0.1.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startLocalBackend, type LocalBackend, type LocalBackendMode } from "../../src/cli/local-backend.ts";
import { startStaticServer, type StaticServer } from "../../src/cli/static-server.ts";
import { buildSite, markdownFile, writeFixtureData } from "../helpers/build.ts";
import { systemPort } from "../helpers/ports.ts";

export interface CmsRepo {
  /** The repository's root: what decap-server writes into (content/…). */
  repoDir: string;
  contentDir: string;
  backend: LocalBackend;
  server: StaticServer;
  /** `git` in the repository, its output. */
  git(...args: string[]): string;
  close(): Promise<void>;
}

/** The documents the repository starts with: one of each type the test writes, and a page to be a parent. */
function startingContent(): Record<string, string> {
  return {
    "nyheter/2025-09-01-ny-samordnare.md": markdownFile(
      {
        title: "Ny samordnare i Blekinge",
        date: "2025-09-01",
        summary: "Samordningsförbundet i Blekinge har anställt en ny samordnare.",
        organisation: "blekinge",
        tags: ["Personal"],
      },
      "Samordnaren börjar i oktober.",
    ),
    "protokoll/2025-06-12-protokoll-juni.md": markdownFile(
      {
        title: "Protokoll styrelsemöte 10 juni 2025",
        date: "2025-06-12",
        summary: "Styrelsen fastställde verksamhetsplanen.",
        organisation: "blekinge",
        meetingDate: "2025-06-10",
        startTime: "09.00",
        endTime: "11.00",
        place: "Karlskrona",
        chair: "Ingrid Hermansson",
        adjusters: ["Karin Blomdahl"],
        secretary: "Magnus von Schenck",
        agenda: [{ section: 1, heading: "Mötets öppnande" }],
      },
      "Protokollet är justerat.",
    ),
    "sidor/om-oss.md": markdownFile({ title: "Om oss", summary: "Vad Finsam är och vem som står bakom." }, "Finsam är samordningsförbundens gemensamma webbplats."),
  };
}

export async function startCmsRepo({ mode = "fs" }: { mode?: LocalBackendMode } = {}): Promise<CmsRepo> {
  const repoDir = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-cms-repo-"));
  const contentDir = path.join(repoDir, "content");
  for (const [relative, text] of Object.entries(startingContent())) {
    fs.mkdirSync(path.dirname(path.join(contentDir, relative)), { recursive: true });
    fs.writeFileSync(path.join(contentDir, relative), text);
  }
  writeFixtureData(contentDir);
  const git = (...args: string[]) => execFileSync("git", ["-C", repoDir, ...args], { encoding: "utf8" });
  git("init", "--quiet", "--initial-branch=main");
  git("config", "user.email", "redaktor@example.org");
  git("config", "user.name", "Redaktör");
  git("config", "commit.gpgsign", "false");
  git("add", "content");
  git("commit", "--quiet", "-m", "Innehåll att börja med");

  // DEBUG_DECAP_SERVER=1 (with LOG_LEVEL=debug for every request) shows what decap-server was asked and said.
  const backend = await startLocalBackend({ repoDir, port: await systemPort(), mode, output: process.env.DEBUG_DECAP_SERVER ? "inherit" : "pipe" });
  const server = await startStaticServer(repoDir, "/");
  try {
    // The admin page asks this test's backend: its configuration and its policy come from CMS_LOCAL_BACKEND_URL,
    // as under `npm run cms`.
    const before = process.env.CMS_LOCAL_BACKEND_URL;
    process.env.CMS_LOCAL_BACKEND_URL = backend.url;
    try {
      const site = await buildSite(contentDir, { siteUrl: server.origin, pathPrefix: "/" });
      server.root = site.outDir;
    } finally {
      if (before === undefined) delete process.env.CMS_LOCAL_BACKEND_URL;
      else process.env.CMS_LOCAL_BACKEND_URL = before;
    }
  } catch (error) {
    await Promise.all([backend.close(), server.close()]);
    throw error;
  }

  return {
    repoDir,
    contentDir,
    backend,
    server,
    git,
    async close() {
      await Promise.all([backend.close(), server.close()]);
      if (server.root !== repoDir) fs.rmSync(server.root, { recursive: true, force: true });
      fs.rmSync(repoDir, { recursive: true, force: true });
    },
  };
}

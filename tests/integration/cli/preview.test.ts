// The preview (`npm start`, and a build with FINSAM_MODE=preview) shows drafts: nothing of it may land in the deploy
// folder, where `npm run serve:dist` would show it and an upload would publish it. Real processes, real HTTP.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIXED } from "../../helpers/mixed-fixture.ts";

const ROOT = path.resolve(import.meta.dirname, "../../..");
/** The fixture's draft (tests/fixtures/mixed/nyheter/2026-10-01-hemligt-utkast.md): its title, slug and tag. */
const DRAFT_TRACES = ["Hemligt utkast", "hemligt-utkast", "Zebra"];
const DRAFT_PAGE = "/nyheter/2026/hemligt-utkast/";

let work: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-preview-"));
  fs.cpSync(path.join(ROOT, MIXED), path.join(work, "content"), { recursive: true });
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Files under `dir` whose path or text holds a trace of the draft, as "path: trace". */
function draftTraces(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = `${path.relative(dir, file)}\n${fs.readFileSync(file, "latin1")}`;
    for (const trace of DRAFT_TRACES) if (text.includes(trace)) found.push(`${path.relative(dir, file)}: ${trace}`);
  }
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The project as a fresh clone sees it, in a folder of its own: the code linked, no _site/ and no preview yet. */
function projectCopy(): string {
  const project = path.join(work, "project");
  fs.mkdirSync(project);
  for (const name of ["node_modules", "src", "layouts", ".eleventy.ts", "package.json", "tsconfig.json"]) {
    fs.symlinkSync(path.join(ROOT, name), path.join(project, name));
  }
  return project;
}

describe("the preview server (npm start)", () => {
  let server: ChildProcess | undefined;

  afterAll(async () => {
    if (server?.pid !== undefined && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server?.once("exit", resolve));
      process.kill(-server.pid, "SIGKILL");
      await exited;
    }
  });

  it("selects preview mode itself, not through a POSIX shell's VAR=value prefix", () => {
    const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).not.toMatch(/^\s*\w+=/);
  });

  it("serves a draft while the deploy folder gets nothing of it", async () => {
    const project = projectCopy();
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      FINSAM_CONTENT_DIR: path.join(work, "content"),
      FINSAM_CACHE: "0",
      // The linked code lies outside this folder: tsx must still compile it with the project's settings (JSX).
      TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json"),
    };
    for (const name of ["FINSAM_MODE", "FINSAM_OUTPUT_DIR", "FINSAM_PREVIEW_DIR", "PATH_PREFIX"]) delete env[name];
    // Its own process group: npm, the shell it may start and Eleventy are stopped together.
    const started = spawn("npm", ["start", "--", `--port=${port}`], { cwd: project, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    server = started;
    let output = "";
    started.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    started.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

    let page = "";
    for (const deadline = Date.now() + 50_000; Date.now() < deadline && started.exitCode === null; ) {
      page = await fetch(`http://127.0.0.1:${port}${DRAFT_PAGE}`)
        .then((response) => (response.ok ? response.text() : ""))
        .catch(() => "");
      if (page.includes("Hemligt utkast Zebra")) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(page, output).toContain("Hemligt utkast Zebra");
    // The start page and the feeds, which the server writes to disk, are done before it serves.
    expect(await (await fetch(`http://127.0.0.1:${port}/feed.xml`)).text(), output).toContain("Hemligt utkast Zebra");

    const exited = new Promise((resolve) => started.once("exit", resolve));
    process.kill(-(started.pid as number), "SIGTERM");
    await exited;

    expect(draftTraces(path.join(project, "_site"))).toEqual([]);
    expect(fs.existsSync(path.join(project, "_site")), output).toBe(false);
    // It went to the preview's own folder instead.
    expect(draftTraces(path.join(project, ".cache", "preview")).length).toBeGreaterThan(0);
  }, 90_000);
});

describe("a preview build (FINSAM_MODE=preview npm run build)", () => {
  it("writes into the preview folder, marked as a preview, and leaves the deploy folder alone", () => {
    const deploy = path.join(work, "site");
    const preview = path.join(work, "preview");
    const env = { ...process.env, FINSAM_MODE: "preview", FINSAM_CONTENT_DIR: path.join(work, "content"), FINSAM_OUTPUT_DIR: deploy, FINSAM_PREVIEW_DIR: preview, FINSAM_CACHE: "0" };
    const build = spawnSync(process.execPath, ["--import", "tsx", "src/cli/build.ts"], { cwd: ROOT, encoding: "utf8", env });
    expect(build.status, build.stderr).toBe(0);
    expect(fs.existsSync(deploy)).toBe(false);
    expect(fs.readFileSync(path.join(preview, DRAFT_PAGE, "index.html"), "utf8")).toContain("Hemligt utkast Zebra");
    expect(JSON.parse(fs.readFileSync(path.join(preview, "finsam-build.json"), "utf8"))).toMatchObject({ mode: "preview" });

    // Pointed at it anyway, the check before an upload refuses it.
    const verify = spawnSync(process.execPath, ["--import", "tsx", "src/cli/verify-dist.ts", preview], { cwd: ROOT, encoding: "utf8", env });
    expect(verify.status).toBe(1);
    expect(verify.stderr).toContain("förhandsvisning");
  });
});

// `npm run cms` as an editor runs it: real processes, real HTTP. It starts decap-server on 127.0.0.1 writing into the
// working copy and the preview serving /admin/ configured for it, says in Swedish where to go; Ctrl-C stops both,
// and when the local server dies the preview is stopped too, with a message saying so.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { MIXED } from "../../helpers/mixed-fixture.ts";
import { lanAddresses } from "../../../src/eleventy/network.ts";
import { systemPort } from "../../helpers/ports.ts";

const ROOT = path.resolve(import.meta.dirname, "../../..");

let work: string;
let project: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-cms-cli-"));
  // The project as an editor's working copy: the code linked, content/ its own.
  project = path.join(work, "arbetskopia");
  fs.mkdirSync(project);
  for (const name of ["node_modules", "src", "layouts", ".eleventy.ts", "package.json", "tsconfig.json"]) {
    fs.symlinkSync(path.join(ROOT, name), path.join(project, name));
  }
  fs.cpSync(path.join(ROOT, MIXED), path.join(project, "content"), { recursive: true });
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(1000, () => (socket.destroy(), resolve(false)));
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  previewPort: number;
  backendUrl: string;
}

let running: Running | undefined;

afterEach(async () => {
  const child = running?.child;
  if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    process.kill(-child.pid, "SIGKILL");
    await running?.exited;
  }
  running = undefined;
});

async function startCms(): Promise<Running> {
  const previewPort = await systemPort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    FINSAM_PREVIEW_DIR: path.join(work, "preview"),
    FINSAM_CACHE: "0",
    TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json"),
  };
  for (const name of ["FINSAM_MODE", "FINSAM_CONTENT_DIR", "PATH_PREFIX", "CMS_LOCAL_BACKEND_URL"]) delete env[name];
  // Its own process group, as a terminal gives a command: Ctrl-C reaches every process in it.
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/cms.ts", `--port=${previewPort}`], { cwd: project, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  running = { child, output: () => output, exited, previewPort, backendUrl: "" };
  for (const deadline = Date.now() + 60_000; Date.now() < deadline && child.exitCode === null && !output.includes("Stoppa med Ctrl-C"); ) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(output).toContain("Redigeringsverktyget är igång.");
  running.backendUrl = /Verktygets lokala server: +(\S+)/.exec(output)?.[1] ?? "";
  return running;
}

/** The pid of the child process running decap-server. */
function decapServerPid(parent: number): number {
  const lines = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(parent)], { encoding: "utf8" }).trim().split("\n");
  const line = lines.find((candidate) => candidate.includes("decap-server"));
  if (!line) throw new Error(`decap-server saknas bland ${lines.join("; ")}`);
  return Number(line.trim().split(/\s+/)[0]);
}

describe("npm run cms", () => {
  it("serves /admin/ for a local decap-server on 127.0.0.1 alone, says where to go in Swedish, and stops both on Ctrl-C", async () => {
    const cms = await startCms();
    const output = cms.output();
    expect(output).toContain(`Redigera (i webbläsaren på den här datorn): http://localhost:${cms.previewPort}/admin/`);
    expect(output).toContain(`Förhandsvisning av webbplatsen:             http://localhost:${cms.previewPort}/`);
    const lan = lanAddresses();
    if (lan.length > 0) expect(output).toContain(`På en telefon i samma nätverk:              http://${lan[0]}:${cms.previewPort}/`);
    expect(output).toContain(`Det du sparar skrivs direkt i content/ i ${project}.`);
    // The preview's own start message, as `npm start` prints it (src/eleventy/network.ts).
    expect(output).toContain(`Förhandsvisningen: http://localhost:${cms.previewPort}/`);
    expect(output).toContain(lan.length > 0 ? `En telefon i samma nätverk: http://${lan[0]}:${cms.previewPort}/` : "ingen nätverksadress hittades");

    // The preview's CMS asks this backend, which answers for this working copy.
    const backend = new URL(cms.backendUrl);
    expect(backend.hostname).toBe("127.0.0.1");
    const config = parse(await (await fetch(`http://127.0.0.1:${cms.previewPort}/admin/config.yml`)).text()) as { local_backend: { url: string } };
    expect(config.local_backend.url).toBe(cms.backendUrl);
    const info = (await (await fetch(cms.backendUrl, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ action: "info" }) })).json()) as { repo: string; type: string };
    expect(info).toMatchObject({ repo: "arbetskopia", type: "local_fs" });
    // Not from the network.
    for (const address of lan) expect(await answers(address, Number(backend.port)), address).toBe(false);

    process.kill(-(cms.child.pid as number), "SIGINT");
    expect(await cms.exited).toBe(0);
    expect(cms.output()).not.toContain("oväntat");
    expect(await answers("127.0.0.1", Number(backend.port))).toBe(false);
    expect(await answers("127.0.0.1", cms.previewPort)).toBe(false);
  }, 120_000);

  it("stops the preview, saying why, when the local server stops by itself", async () => {
    const cms = await startCms();
    process.kill(decapServerPid(cms.child.pid as number), "SIGTERM");
    expect(await cms.exited).toBe(1);
    expect(cms.output()).toContain("Redigeringsverktygets lokala server (decap-server) stoppades oväntat (signal SIGTERM). Förhandsvisningen stoppas också.");
    expect(await answers("127.0.0.1", cms.previewPort)).toBe(false);
  }, 120_000);

  it("refuses a content folder other than the working copy's content/, which the CMS's paths name", () => {
    let failure: { status: number; stderr: string } | undefined;
    try {
      execFileSync(process.execPath, ["--import", "tsx", "src/cli/cms.ts"], {
        cwd: project,
        env: { ...process.env, FINSAM_CONTENT_DIR: path.join(work, "annat"), TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json") },
        stdio: "pipe",
        encoding: "utf8",
      });
    } catch (error) {
      failure = error as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stderr).toContain("FINSAM_CONTENT_DIR pekar på");
  });
});

// Decap CMS's local backend (decap-server from npm) as a child process bound to 127.0.0.1: what `npm run cms` starts
// beside the preview, and what the browser test starts against a temporary repository.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import { LOCAL_BACKEND_HOST, localBackendUrl } from "../outputs/cms/settings.ts";
import { lanAddresses } from "../eleventy/network.ts";
import { startBackendGuard, type BackendGuard } from "./local-backend-guard.ts";

/**
 * "fs" writes each save straight into the folder's files, which the editor then commits with their git tool; Decap
 * switches the editorial workflow off for it (decap-server answers that it publishes in "simple" mode only). "git"
 * keeps the workflow as local branches cms/<samling>/<slug>, but checks them out in the folder itself and commits
 * with `git add .`: in an editor's working copy that would commit whatever else was changed there.
 */
export type LocalBackendMode = "fs" | "git";

export interface LocalBackend {
  /** decap-server's API behind the guard: http://127.0.0.1:<port>/api/v1. */
  url: string;
  port: number;
  /** decap-server's own port, reached only through the guard on `port` (local-backend-guard.ts). */
  serverPort: number;
  child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) when the process ends, for whatever reason. */
  exited: Promise<number | string>;
  /** Ends the process and waits for it. */
  close(): Promise<void>;
}

export interface LocalBackendOptions {
  /** The folder the CMS's paths (content/nyheter, content/bilder) are relative to: the repository's root. */
  repoDir: string;
  port: number;
  mode?: LocalBackendMode;
  /** "inherit" shows decap-server's warnings in this terminal; "pipe" keeps them for an error message. */
  output?: "inherit" | "pipe";
  /** The pages that may call it (the preview's origins); left out, any page served from this computer. */
  origins?: readonly string[];
}

function decapServerScript(): string {
  return createRequire(import.meta.url).resolve("decap-server");
}

/** The first port from `from` on that nothing listens on at `host` (every interface when left out, as Eleventy's server listens). */
export async function freePort(from: number, host?: string, tries = 20): Promise<number> {
  for (let port = from; port < from + tries; port++) if (await canListen(port, host)) return port;
  throw new Error(`Hittade ingen ledig port mellan ${from} och ${from + tries - 1}.`);
}

function canListen(port: number, host: string | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Whether something accepts a connection at host:port within a second. */
function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (result: boolean) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

async function info(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ action: "info" }) });
    const body = (await response.json()) as { repo?: unknown };
    return typeof body.repo === "string";
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port of 127.0.0.1 the system has just found free. */
function systemPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: LOCAL_BACKEND_HOST }, () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("ingen port"))));
    });
  });
}

export async function startLocalBackend({ repoDir, port, mode = "fs", output = "inherit", origins }: LocalBackendOptions): Promise<LocalBackend> {
  const url = localBackendUrl(port);
  const serverPort = await systemPort();
  const child = spawn(process.execPath, [decapServerScript()], {
    // decap-server reads a .env file from its working folder (dotenv) and lets it add settings, ORIGIN among them,
    // which widens who may call it: started in its own package's folder, it finds none of the project's.
    cwd: path.dirname(path.dirname(decapServerScript())),
    env: {
      ...process.env,
      PORT: String(serverPort),
      BIND_HOST: LOCAL_BACKEND_HOST,
      MODE: mode,
      GIT_REPO_DIRECTORY: path.resolve(repoDir),
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    },
    stdio: ["ignore", output, output],
  });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? "okänd")));
  let ended: number | string | undefined;
  void exited.then((result) => (ended = result));

  let guard: BackendGuard | undefined;
  const close = async () => {
    if (ended === undefined) child.kill("SIGTERM");
    await Promise.all([exited, guard?.close()]);
  };
  try {
    guard = await startBackendGuard({ port, target: serverPort, ...(origins ? { origins } : {}) });
  } catch (error) {
    await close();
    throw new Error(`Den lokala servern för redigeringsverktyget kunde inte ta emot anrop på ${url}: ${error instanceof Error ? error.message : String(error)}`);
  }

  for (let waited = 0; !(await info(url)); waited += 100) {
    if (ended !== undefined || waited > 20_000) {
      await close();
      throw new Error(`Den lokala servern för redigeringsverktyget (decap-server) startade inte på ${url}.${log ? `\n${log.trim()}` : ""}`);
    }
    await sleep(100);
  }

  // decap-server listens where BIND_HOST says; checked here rather than trusted: from the network it would let
  // anyone on the same wifi write into the working copy.
  for (const address of lanAddresses()) {
    for (const listening of [port, serverPort]) {
      if (await answers(address, listening)) {
        await close();
        throw new Error(`Den lokala servern för redigeringsverktyget svarade på ${address}:${listening}. Den ska bara lyssna på ${LOCAL_BACKEND_HOST} och har stoppats.`);
      }
    }
  }
  return { url, port, serverPort, child, exited, close };
}

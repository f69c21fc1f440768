// `npm run cms`: the CMS on an editor's own computer. Starts Decap's local backend (decap-server, on 127.0.0.1 only)
// writing into this working copy, and the preview (`npm start`) that serves /admin/; prints where to open them.
// Ctrl-C stops both; when one stops by itself, the other is stopped too, and the editor is told why.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { siteOptionsFromEnv } from "../site/site.ts";
import { CMS_CONTENT_ROOT } from "../outputs/cms/config.ts";
import { LOCAL_BACKEND_PORT } from "../outputs/cms/settings.ts";
import { lanAddresses, onHost } from "../eleventy/network.ts";
import { PATHS } from "../site-model/urls.ts";
import { freePort, startLocalBackend, type LocalBackend } from "./local-backend.ts";

// npm runs scripts in the project's folder: the working copy whose content/ the editor's saves go into.
const ROOT = process.cwd();
const PREVIEW_PORT = 8080;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** `--port=8090` or `--port 8090`, as `npm start` takes it. */
function requestedPort(args: readonly string[]): number | undefined {
  const index = args.findIndex((arg) => arg === "--port" || arg.startsWith("--port="));
  if (index === -1) return undefined;
  const arg = args[index] ?? "";
  const value = Number(arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : args[index + 1]);
  if (!Number.isInteger(value) || value < 1 || value > 65535) fail(`--port ska vara ett portnummer, t.ex. --port=8090.`);
  return value;
}

const options = siteOptionsFromEnv();
// The CMS's configuration names its folders from the repository's root (content/nyheter, content/bilder).
if (path.resolve(options.contentDir) !== path.join(ROOT, CMS_CONTENT_ROOT)) {
  fail(
    `npm run cms sparar i ${CMS_CONTENT_ROOT}/ i den här mappen (${ROOT}), men FINSAM_CONTENT_DIR pekar på ${options.contentDir}. ` +
      `Ta bort FINSAM_CONTENT_DIR och försök igen.`,
  );
}

let stopping = false;
let backend: LocalBackend | undefined;
let preview: ChildProcess | undefined;
let previewExited: Promise<void> | undefined;

async function stopAll(code: number): Promise<never> {
  stopping = true;
  if (preview && preview.exitCode === null && preview.signalCode === null) preview.kill("SIGTERM");
  await Promise.all([backend?.close(), previewExited]);
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    console.log("\nStoppar redigeringsverktyget och förhandsvisningen …");
    void stopAll(0);
  });
}

function ended(result: number | string | null): string {
  return typeof result === "number" ? `slutkod ${result}` : `signal ${result}`;
}

// Known before the backend starts: only pages from the preview's own origins may call it. Neither listens yet, so
// the backend's search for a free port must step over the preview's.
const previewPort = requestedPort(process.argv.slice(2)) ?? (await freePort(PREVIEW_PORT));
let backendPort = await freePort(LOCAL_BACKEND_PORT);
while (backendPort === previewPort) backendPort = await freePort(backendPort + 1);
try {
  backend = await startLocalBackend({
    repoDir: ROOT,
    port: backendPort,
    origins: [`http://localhost:${previewPort}`, `http://127.0.0.1:${previewPort}`],
  });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
void backend.exited.then((result) => {
  if (stopping) return;
  // Ctrl-C reaches the whole process group: a child may see it before this process does.
  if (result === "SIGINT") return void stopAll(0);
  console.error(
    `\nRedigeringsverktygets lokala server (decap-server) stoppades oväntat (${ended(result)}). ` +
      `Förhandsvisningen stoppas också. Starta om med npm run cms; det du inte hann spara finns kvar i webbläsaren tills du laddar om sidan.`,
  );
  void stopAll(1);
});

preview = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "src", "cli", "start.ts"), `--port=${previewPort}`], {
  cwd: ROOT,
  env: { ...process.env, CMS_LOCAL_BACKEND_URL: backend.url },
  stdio: "inherit",
});
previewExited = new Promise((resolve) =>
  preview?.once("exit", (code, signal) => {
    resolve();
    if (stopping) return;
    if (signal === "SIGINT") return void stopAll(0);
    console.error(`\nFörhandsvisningen (npm start) stoppades oväntat (${ended(code ?? signal)}). Den lokala servern för redigeringsverktyget stoppas också.`);
    void stopAll(1);
  }),
);

// The preview answers once its first build is written; only then is /admin/ there to open.
const local = new URL(options.pathPrefix, `http://localhost:${previewPort}`).href;
const adminPath = `${options.pathPrefix}${PATHS.admin.slice(1)}`;
for (;;) {
  try {
    const response = await fetch(`http://127.0.0.1:${previewPort}${adminPath}`);
    if (response.ok) break;
  } catch {
    // not listening yet
  }
  if (stopping) break;
  await new Promise((resolve) => setTimeout(resolve, 500));
}

if (!stopping) {
  const lan = lanAddresses();
  console.log(
    [
      "",
      "Redigeringsverktyget är igång.",
      "",
      `  Redigera (i webbläsaren på den här datorn): ${new URL(PATHS.admin.slice(1), local).href}`,
      `  Förhandsvisning av webbplatsen:             ${local}`,
      lan.length === 0
        ? "  På en telefon i samma nätverk:              ingen nätverksadress hittades"
        : `  På en telefon i samma nätverk:              ${lan.map((host) => onHost(local, host)).join(" eller ")}  (bara förhandsvisning)`,
      `  Verktygets lokala server:                   ${backend.url}  (tar bara emot anrop från den här datorn)`,
      "",
      `Det du sparar skrivs direkt i ${CMS_CONTENT_ROOT}/ i ${ROOT}.`,
      "Skicka in ändringarna med git (commit och push) när du är klar. Stoppa med Ctrl-C.",
      "",
    ].join("\n"),
  );
}

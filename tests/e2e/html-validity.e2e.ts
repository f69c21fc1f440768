// The Nu Html Checker (vnu.jar, from npm's vnu-jar) over every HTML page of every e2e build, in one Java run:
// zero errors. A page made to be invalid goes through the same run, so a checker that checks nothing fails.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { builtFiles, servedSite } from "./support.ts";
import type { SiteName } from "./sites.ts";

const run = promisify(execFile);
const vnuJar = createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  message: string;
  extract?: string;
  lastLine?: number;
  firstColumn?: number;
}

const SITES: SiteName[] = ["shipped", "fixture", "prefixed"];

describe("Nu Html Checker", () => {
  it("hittar inga fel i någon byggd HTML-sida", async () => {
    const canaryDir = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-vnu-"));
    const canary = path.join(canaryDir, "ogiltig.html");
    fs.writeFileSync(canary, `<!doctype html><html lang="sv"><title>x</title><p><time datetime="22/23">x</time><div></span>`);
    const folders = SITES.map((name) => servedSite(name).outDir);
    const pageCount = SITES.flatMap((name) => builtFiles(servedSite(name))).filter((file) => file.endsWith(".html")).length;
    expect(pageCount).toBeGreaterThan(50);

    let output: string;
    try {
      const result = await run("java", ["-jar", vnuJar, "--format", "json", "--skip-non-html", ...folders, canaryDir], {
        maxBuffer: 64 * 1024 * 1024,
      });
      output = result.stderr;
    } catch (error) {
      const { code, stderr } = error as { code?: number | string; stderr?: string };
      if (code === "ENOENT") throw new Error("Java saknas: vnu.jar behöver java (apt-get install -y default-jre-headless).");
      output = stderr ?? "";
    } finally {
      fs.rmSync(canaryDir, { recursive: true, force: true });
    }
    const messages = (JSON.parse(output) as { messages: VnuMessage[] }).messages;
    const errors = messages.filter((message) => message.type === "error" || message.type === "non-document-error");
    const fromCanary = errors.filter((message) => message.url?.endsWith("/ogiltig.html"));
    const fromSite = errors.filter((message) => !message.url?.endsWith("/ogiltig.html"));

    expect(fromCanary.length, "kontrollsidan med fel gav inga fel: kördes kontrollen alls?").toBeGreaterThanOrEqual(2);
    const report = fromSite
      .map((error) => `${error.url?.replace(/^file:/, "")}:${error.lastLine}:${error.firstColumn}: ${error.message}\n    ${error.extract ?? ""}`)
      .join("\n");
    expect(fromSite, report).toEqual([]);
  });
});

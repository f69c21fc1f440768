// Once per `npm test` run (vitest's globalSetup): every temporary folder the tests and the commands they start make
// (content trees, builds, corpora, image caches, tsx's cache) goes under one fresh folder, removed when the run
// ends. Each test making and forgetting its own left thousands of folders and gigabytes in the system's temp
// folder over a day's runs. FINSAM_KEEP_TEST_FILES=1 keeps them, to look at after a failure.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-tests-"));
  // os.tmpdir() reads TMPDIR on each call, here and in the test workers and commands, which inherit it.
  process.env.TMPDIR = root;
  return () => {
    if (process.env.FINSAM_KEEP_TEST_FILES) console.log(`Testernas tillfälliga filer finns kvar i ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  };
}

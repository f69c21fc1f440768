// `node src/cli/compiled.mjs <command> …`, what `npm run check` runs: src/cli/<command>.ts from its compiled copy
// (src/runtime/compiled-modules.mjs) rather than through tsx. Plain JavaScript: it runs before anything can load
// TypeScript.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PROJECT, load } from "../runtime/compiled-modules.mjs";

/** Commands that export `main(argv)` and may be run this way. */
const COMMANDS = new Set(["check"]);

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command = "", ...argv] = process.argv.slice(2);
  if (!COMMANDS.has(command)) {
    console.error(`Okänt kommando "${command}"; det här skriptet kör: ${[...COMMANDS].join(", ")}.`);
    process.exitCode = 2;
  } else {
    // An internal error's stack trace then points into the sources, not the compiled copy.
    process.setSourceMapsEnabled(true);
    // Its packages within: Node then opens one file, not hundreds (loading workers, if any, load theirs apart).
    const { main } = await load(path.join(PROJECT.root, "src", "cli", `${command}.ts`), PROJECT, { packages: "within" });
    if (typeof main !== "function") throw new Error(`src/cli/${command}.ts exports no main(argv)`);
    await main(argv);
  }
}

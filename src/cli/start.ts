// `npm start`: Eleventy's dev server with our config in preview mode, set here rather than as a VAR=value prefix
// in the script, which only POSIX shells understand. Arguments are passed on (`npm start -- --port=8090`).
import { createRequire } from "node:module";
import path from "node:path";

process.env.FINSAM_MODE = "preview";
const require = createRequire(import.meta.url);
// The package exports no path to its command line; it lies beside the folder of its CommonJS entry.
const cli = path.join(path.dirname(require.resolve("@11ty/eleventy")), "..", "cmd.cjs");
process.argv = [process.execPath, cli, "--config=.eleventy.ts", "--serve", ...process.argv.slice(2)];
require(cli);

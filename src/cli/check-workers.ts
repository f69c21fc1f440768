// Imported first by src/cli/check.ts. When this process runs `npm run check` on a large content folder, the loading
// workers start here, while the main thread is still evaluating the command's other modules (about 0.25 s that the
// workers spend loading theirs). Only Node's own modules and two small ones of ours are loaded before this runs.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { diskCacheEnabled } from "../content/disk-cache.ts";
import { startLoadingPool, type Pool } from "../content/load-parallel.ts";

function contentDirOfCommand(): string | undefined {
  const command = fileURLToPath(new URL("./check.ts", import.meta.url));
  if (process.argv[1] === undefined || path.resolve(process.argv[1]) !== command) return undefined;
  try {
    const { values } = parseArgs({ args: process.argv.slice(2), options: { content: { type: "string" } }, strict: false });
    return typeof values.content === "string" ? values.content : (process.env.FINSAM_CONTENT_DIR ?? "content");
  } catch {
    return undefined;
  }
}

const contentDir = contentDirOfCommand();

/** The command's loading workers, when this process runs it on enough files; check.ts hands them to the loader. */
export const commandPool: Pool | undefined = contentDir === undefined ? undefined : await startLoadingPool(contentDir, { persist: diskCacheEnabled() });

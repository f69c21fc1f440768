// Run as a child process (`node --expose-gc --import tsx`): how much heap a load of a content folder keeps, as JSON on
// stdout. A load beforehand fills the modules' own tables (schemas, memoised dates and slugs), so they do not count.
import { loadSite } from "../../src/site-model/site-checks.ts";
import type { LoadResult } from "../../src/content/load.ts";
import { CHECK_LOADING } from "../../src/cli/check.ts";

/** `build`: as a build loads; `check`: as `npm run check` loads. */
const [dir = "", as = "build"] = process.argv.slice(2);
const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error("run with --expose-gc");
const options = { ...(as === "check" ? CHECK_LOADING : {}), workers: 0 };

// Each load in a function of its own: a result awaited at the top level stays on the stack after it is dropped.
async function load(): Promise<LoadResult> {
  return loadSite(dir, options);
}
async function warmUp(): Promise<void> {
  await load();
}

// Twice: the second load also lets the JIT finish with the loader's code, which the heap would otherwise count.
await warmUp();
await warmUp();
collect();
const before = process.memoryUsage().heapUsed;
const loaded = await load();
collect();
const kept = process.memoryUsage().heapUsed - before;
console.log(JSON.stringify({ kept, documents: loaded.documents.length, problems: loaded.problems.length }));

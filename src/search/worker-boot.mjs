// Entry of the search index's worker thread (src/search/index-build.ts). The worker runs TypeScript, as the main
// thread does, but on Node 20 a worker does not take over the hooks `node --import tsx` registered in its parent
// (nor does vitest's), so it registers tsx itself before loading the builder.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");

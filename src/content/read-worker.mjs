// A loading worker's module (src/content/pool.ts runs it in piscina): reads batches of content files exactly as the
// main thread does (read.ts readBatch). Plain JavaScript, because Node 20 applies no `--import tsx` to a worker's
// own entry: it registers tsx itself, then loads the TypeScript.
import { register } from "tsx/esm/api";

register();
const { readBatch } = await import("./read.ts");

export default readBatch;

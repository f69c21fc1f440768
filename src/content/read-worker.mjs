// A loading worker's module (src/content/pool.ts runs it in piscina): reads batches of content files exactly as the
// main thread does (read.ts readBatch). Plain JavaScript, because Node 20 applies no `--import tsx` to a worker's
// own entry: it loads read.ts from its compiled copy, or through tsx where none can be made
// (src/runtime/compiled-modules.mjs).
import { fileURLToPath } from "node:url";
import { load } from "../runtime/compiled-modules.mjs";

const { readBatch } = await load(fileURLToPath(new URL("./read.ts", import.meta.url)));

export default readBatch;

// Decap CMS's prebuilt browser bundle, from the npm package: which files of its dist/ folder the site serves at /admin/.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

/**
 * The main script and the chunks it loads on demand (webpack finds them next to the script, so they keep their
 * names), the WebAssembly its image processing fetches, and the licences of what the bundle holds. Not the source
 * maps (60 MB), nor cms.js, a second copy of the same bundle under its old name.
 */
const SERVED = /^(?:\d+\.)?decap-cms\.js$|^[0-9a-f]+\.wasm$|^decap-cms\.js\.LICENSE\.txt$/;

/** The main script's file name, loaded by /admin/index.html. */
export const DECAP_SCRIPT = "decap-cms.js";

/** The package's dist/ folder, wherever npm put it. */
export function decapDistDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("decap-cms/package.json")), "dist");
}

/** The names of the files served, in dist/ and at /admin/ alike. */
export function decapBundleFiles(distDir: string = decapDistDir()): string[] {
  const files = fs.readdirSync(distDir).filter((name) => SERVED.test(name)).sort();
  if (!files.includes(DECAP_SCRIPT)) throw new Error(`Decap CMS: ${path.join(distDir, DECAP_SCRIPT)} saknas; kör npm install.`);
  return files;
}

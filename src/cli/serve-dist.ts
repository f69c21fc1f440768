// `npm run serve:dist`: serves the built _site/ on 127.0.0.1 as a plain static host would, for a last look.
import fs from "node:fs";
import { normalisePathPrefix } from "../site.ts";
import { startStaticServer } from "../static-server.ts";

const root = process.env.FINSAM_OUTPUT_DIR ?? "_site";
const prefix = normalisePathPrefix(process.env.PATH_PREFIX);
const port = Number(process.env.PORT ?? 8081);

if (!fs.existsSync(`${root}/index.html`)) {
  console.error(`Hittar ingen byggd webbplats i ${root}/. Kör först: npm run build`);
  process.exitCode = 1;
} else {
  const server = await startStaticServer(root, prefix, port);
  console.log(`Visar ${root}/ på ${server.baseUrl} (avsluta med Ctrl+C)`);
}

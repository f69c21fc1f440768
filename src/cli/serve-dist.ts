// `npm run serve:dist`: serves the built _site/ on 127.0.0.1 as a plain static host would, for a last look; only a
// production build (src/outputs/build-manifest.ts), under the path prefix it was built for (refused if PATH_PREFIX differs).
import { expectedFromEnv, shownDir, verifyProductionBuild } from "../outputs/build-manifest.ts";
import { outputDirFromEnv } from "../site/site.ts";
import { startStaticServer } from "./static-server.ts";

const root = outputDirFromEnv("production");
const port = Number(process.env.PORT ?? 8081);
// SITE_URL is not checked: the site is looked at here, on 127.0.0.1, not at its address.
const verdict = verifyProductionBuild(root, { pathPrefix: expectedFromEnv().pathPrefix });

if (!verdict.ok) {
  console.error(verdict.message);
  process.exitCode = 1;
} else {
  const server = await startStaticServer(root, verdict.manifest.pathPrefix, port);
  console.log(`Visar ${shownDir(root)} på ${server.baseUrl} (avsluta med Ctrl+C)`);
}

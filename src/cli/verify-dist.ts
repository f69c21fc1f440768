// `npm run verify:dist [-- <mapp>]`: exit 1, with the reason in Swedish, unless the folder (FINSAM_OUTPUT_DIR,
// else _site/) is a production build for the SITE_URL and PATH_PREFIX set; run before every upload.
import { expectedFromEnv, shownDir, verifyProductionBuild } from "../outputs/build-manifest.ts";
import { outputDirFromEnv } from "../site/site.ts";

const dir = process.argv[2] ?? outputDirFromEnv("production");
try {
  const verdict = verifyProductionBuild(dir, expectedFromEnv());
  if (verdict.ok) {
    const { manifest } = verdict;
    console.log(`${shownDir(dir)} är byggd för publicering: ${manifest.siteUrl}${manifest.pathPrefix}, ${manifest.builtAt} (${manifest.generator}).`);
  } else {
    console.error(verdict.message);
    process.exitCode = 1;
  }
} catch (error) {
  // A SITE_URL that is no address.
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}

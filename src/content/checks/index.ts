// Checks beyond the schema, run by every build and by `npm run check`, per document: privacy and the body's
// structure. The site-wide checks (links and images that must point at something) are src/site-model/links.ts, run
// once every file is read; kept apart so a loading worker (read-worker.mjs) loads only what one file needs.
import type { ContentProblem } from "../problems.ts";
import { privacyProblems } from "./privacy.ts";
import { bodyProblems, type BodyOutline } from "./body.ts";
import { languageProblems } from "./language.ts";
import type { SourceFile } from "./source-file.ts";

export type { SourceFile };

/**
 * Runs even when the schema failed, so an editor sees every problem of a file at once. `outline`: the body's,
 * when the caller has made it (the loader does, for the link check).
 */
export function documentChecks(source: SourceFile, outline?: BodyOutline): ContentProblem[] {
  return [...privacyProblems(source), ...bodyProblems(source, outline), ...languageProblems(source)];
}

// Checks beyond the schema, run by every build and by `npm run check`: per document (privacy, the
// body's structure) and across the site (links and images that must point at something).
import type { ParsedFile } from "../front-matter.ts";
import type { ContentProblem } from "../problems.ts";
import type { AnyDocument } from "../document.ts";
import { privacyProblems } from "./privacy.ts";
import { bodyProblems } from "./body.ts";
import { linkProblems } from "./links.ts";

export interface SourceFile {
  /** Path as shown to the editor. */
  file: string;
  parsed: ParsedFile;
}

/** Runs even when the schema failed, so an editor sees every problem of a file at once. */
export function documentChecks(source: SourceFile): ContentProblem[] {
  return [...privacyProblems(source), ...bodyProblems(source)];
}

export function siteChecks(documents: readonly AnyDocument[], contentDir: string, now: Date): ContentProblem[] {
  return linkProblems(documents, contentDir, now);
}

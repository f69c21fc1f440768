// Internal links and images must point at a page or file the site has. (To be written.)
import type { ContentProblem } from "../problems.ts";
import type { AnyDocument } from "../document.ts";

export function linkProblems(_documents: readonly AnyDocument[], _contentDir: string): ContentProblem[] {
  return [];
}

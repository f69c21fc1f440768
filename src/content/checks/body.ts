// The body's structure: headings, images' alt text. (To be written.)
import type { ContentProblem } from "../problems.ts";
import type { SourceFile } from "./index.ts";

export function bodyProblems(_source: SourceFile): ContentProblem[] {
  return [];
}

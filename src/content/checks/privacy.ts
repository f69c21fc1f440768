// GDPR guard: personnummer, samordningsnummer, phone numbers and e-mail addresses. (To be written.)
import type { ContentProblem } from "../problems.ts";
import type { SourceFile } from "./index.ts";

export function privacyProblems(_source: SourceFile): ContentProblem[] {
  return [];
}

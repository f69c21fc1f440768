// What every content problem must look like to an editor: a file, a level and a Swedish sentence.
import { expect } from "vitest";
import type { ContentProblem } from "../../src/content/problems.ts";

// Words of the English messages zod and the yaml package write when nobody translated them.
const ENGLISH = /(?<!\p{L})(invalid|expected|received|required|unexpected|unresolved|missing|must|should|cannot|not allowed|at line|column|too big|too small|unrecognized|alias|anchor|nested|implicit|flow collection|error|excessive|resource)(?!\p{L})/iu;
// Words nearly every Swedish sentence of ours has.
const SWEDISH = /(?<!\p{L})(fältet|filen|filnamnet|ska|är|saknas|inte|eller|och|får|som|går|har|med|på|till|för|ett|en)(?!\p{L})/iu;

/** The editor's own value is quoted at the end of a message; only our words are judged. */
function ownWords(message: string): string {
  return message.replace(/men är ".*$/su, "men är …");
}

export function expectEditorProblem(problem: ContentProblem): void {
  const shown = JSON.stringify(problem).slice(0, 400);
  expect(typeof problem.file, shown).toBe("string");
  expect(problem.file.length, shown).toBeGreaterThan(0);
  expect(["fel", "varning"], shown).toContain(problem.severity);
  expect(typeof problem.message, shown).toBe("string");
  expect(problem.message.trim().length, shown).toBeGreaterThan(0);
  if (problem.line !== undefined) expect(Number.isInteger(problem.line) && problem.line >= 1, shown).toBe(true);
  const words = ownWords(problem.message);
  expect(ENGLISH.test(words), `English in: ${shown}`).toBe(false);
  expect(SWEDISH.test(words), `not Swedish: ${shown}`).toBe(true);
}

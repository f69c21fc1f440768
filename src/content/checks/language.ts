// Passages marked with their language ("[the text]{lang=en}", WCAG 3.1.2): a code that is no language tag leaves the
// brackets on the page as written (src/text/markdown.ts refuses it), so the editor is told where, and what to write.
import { LANGUAGE_ATTRIBUTE, LANGUAGE_TAG } from "../../text/markdown.ts";
import type { ContentProblem } from "../problems.ts";
import type { SourceFile } from "./source-file.ts";

const MARK = /\]\{lang=/g;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

export function languageProblems({ file, parsed }: SourceFile): ContentProblem[] {
  if (!parsed.body.includes("]{lang=")) return [];
  const problems: ContentProblem[] = [];
  let fence: string | undefined;
  parsed.body.split("\n").forEach((line, index) => {
    // Examples in a code block are shown as written, never read as markup.
    const opened = FENCE.exec(line)?.[1];
    if (opened && (fence === undefined || (opened[0] === fence[0] && opened.length >= fence.length))) {
      fence = fence === undefined ? opened : undefined;
      return;
    }
    if (fence !== undefined) return;
    for (const match of line.matchAll(MARK)) {
      const at = (match.index ?? 0) + 1;
      const attribute = LANGUAGE_ATTRIBUTE.exec(line.slice(at));
      const tag = attribute ? (attribute[1] ?? attribute[2] ?? "") : undefined;
      if (tag !== undefined && LANGUAGE_TAG.test(tag)) continue;
      const written = attribute?.[0] ?? line.slice(at, line.indexOf("}", at) === -1 ? at + 20 : line.indexOf("}", at) + 1);
      problems.push({
        file,
        line: parsed.bodyLine + index,
        column: at + 1,
        severity: "varning",
        message: `${written} anger inget språk som webbläsare och skärmläsare känner igen, så texten visas med hakparenteserna kvar; skriv språkets kod med två eller tre bokstäver, t.ex. {lang=en} för engelska, {lang=fi} för finska, {lang=se} för nordsamiska eller {lang=en-GB} för brittisk engelska`,
      });
    }
  });
  return problems;
}

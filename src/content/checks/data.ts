// Warnings about front matter that passed its schema but reads like a slip: values that are valid, yet
// rarely what the editor meant. Never errors: the document is publishable as written.
import { formatIsoDay, formatLongDate } from "../../text/dates.ts";
import type { ParsedFile } from "../front-matter.ts";
import type { ContentProblem } from "../problems.ts";
import type { FrontMatter, TypeKey } from "../types.ts";

export function dataWarnings(type: TypeKey, data: FrontMatter<TypeKey>, parsed: ParsedFile, file: string): ContentProblem[] {
  const warnings: ContentProblem[] = [];
  // Pages and events have no tags.
  const tags: readonly string[] = "tags" in data ? data.tags : [];
  tags.forEach((tag, index) => {
    // "- a\n   - b" (the second item one space too deep) is one tag "a - b" to YAML.
    if (!/\s-\s/.test(tag)) return;
    warnings.push({
      file,
      ...parsed.locate(["tags", index]),
      field: "tags",
      severity: "varning",
      message: `ämnesordet "${tag}" innehåller " - ": står två ämnesord med olika indrag? Varje ämnesord skrivs på en egen rad med samma indrag, "  - ämnesord"`,
    });
  });
  if (type === "protokoll" && "meetingDate" in data && formatIsoDay(data.date) < formatIsoDay(data.meetingDate)) {
    warnings.push({
      file,
      ...parsed.locate(["date"]),
      field: "date",
      severity: "varning",
      message: `publiceringsdagen ${formatLongDate(data.date)} ligger före mötesdagen ${formatLongDate(data.meetingDate)}: ett protokoll publiceras efter mötet, när det är justerat; kontrollera date och meetingDate`,
    });
  }
  return warnings;
}

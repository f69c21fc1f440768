// Turns schema failures into Swedish messages an editor can act on: file, line, field, expected, found.
import type { z } from "zod";
import { describeFound, type ContentProblem } from "./problems.ts";
import type { ParsedFile } from "./front-matter.ts";
import { holdsPlaceholder } from "./fields.ts";

const TYPE_NAMES: Record<string, string> = {
  string: "text",
  number: "ett tal",
  boolean: "true eller false",
  array: "en lista",
  object: "en uppsättning fält (namn: värde)",
};

function valueAt(data: unknown, fieldPath: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of fieldPath) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** "agenda[2].heading" reads better for an editor than a JSON path. */
export function fieldName(fieldPath: readonly PropertyKey[]): string {
  return fieldPath
    .map((key, index) => (typeof key === "number" ? `[${key}]` : `${index === 0 ? "" : "."}${String(key)}`))
    .join("");
}

function expectedText(issue: z.core.$ZodIssue): string {
  // Our schema writes its messages as the expected half of the sentence; zod's own fall back to a type name.
  if (issue.code === "invalid_type" && issue.message.startsWith("Invalid input")) {
    return TYPE_NAMES[issue.expected] ?? issue.expected;
  }
  return issue.message;
}

/**
 * Every issue as a problem at its field's line. `typeLabel` finishes "finns inte för …" and "obligatoriskt för …":
 * a document's type label ("Nyhet", read "typen nyhet") or, with `dataFile`, what the file is ("organisationsfilen").
 */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  file: string,
  parsed: Pick<ParsedFile, "data" | "locate">,
  typeLabel: string,
  { dataFile = false }: { dataFile?: boolean } = {},
): ContentProblem[] {
  const owner = dataFile ? typeLabel : `typen ${typeLabel.toLowerCase()}`;
  return issues.flatMap((issue): ContentProblem[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => {
        const fieldPath = [...issue.path, key];
        return {
          file,
          ...parsed.locate(fieldPath),
          field: fieldName(fieldPath),
          severity: "fel",
          message: `fältet "${fieldName(fieldPath)}" finns inte för ${owner}; kontrollera stavningen eller ta bort det`,
        };
      });
    }
    const found = valueAt(parsed.data, issue.path);
    const field = fieldName(issue.path);
    // A missing field that a cross-field rule asks for would otherwise read "…, men är saknas".
    // A template's "[fyll i: …]" left in place is a step not yet taken, not a wrong value: say so.
    const message = holdsPlaceholder(found)
      ? `fältet "${field}" är inte ifyllt: ersätt [fyll i …] med ${expectedText(issue)}`
      : found === undefined && issue.code === "invalid_type"
        ? `fältet "${field}" saknas men är obligatoriskt för ${owner}: det ska vara ${expectedText(issue)}`
        : found === undefined
          ? `fältet "${field}" saknas: det ska vara ${expectedText(issue)}`
          : `fältet "${field}" ska vara ${expectedText(issue)}, men är ${describeFound(found)}`;
    return [{ file, ...parsed.locate(issue.path), field, severity: "fel", message }];
  });
}

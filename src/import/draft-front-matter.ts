// Writes a draft's front matter from the guessed values, field by field in the schema's order: a required
// field nobody could guess gets the same "[fyll i: …]" placeholder `npm run new` writes, and the result is
// read back with the project's own front matter reader and schema to list what still needs a human.
import { Document } from "yaml";
import type { z } from "zod";
import { DOCUMENT_TYPES, type FrontMatterInput, type TypeKey } from "../content/types.ts";
import { describeSchema, type FieldDescription } from "../content/describe.ts";
import { holdsPlaceholder, placeholder } from "../content/fields.ts";
import { parseFrontMatter } from "../content/front-matter.ts";

export interface DraftFrontMatter {
  /** The YAML between the --- lines. */
  yaml: string;
  /** Fields written as placeholders or set to the import day: a human must fill them in. */
  toFill: { field: string; text: string }[];
  /** What the schema still refuses after the placeholders, as "field: message". */
  invalid: string[];
  /** The type's field names in the schema's order, for reports that follow the file. */
  order: string[];
}

function placeholderValue(field: FieldDescription): unknown {
  switch (field.kind) {
    case "list":
      return [placeholder(field.itemDescription ?? field.description)];
    case "objectList":
      return [Object.fromEntries(field.children.filter((child) => child.required).map((child) => [child.name, placeholderValue(child)]))];
    case "object":
      return Object.fromEntries(field.children.filter((child) => child.required).map((child) => [child.name, placeholderValue(child)]));
    case "enum":
      return placeholder(`${field.description.replace(/\.$/, "")}. Skriv ett av: ${field.options.join(", ")}`);
    default:
      return placeholder(field.description);
  }
}

function containsPlaceholder(value: unknown): boolean {
  if (holdsPlaceholder(value)) return true;
  if (Array.isArray(value)) return value.some(containsPlaceholder);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsPlaceholder);
  return false;
}

/**
 * `guessed` holds front matter values by field name, typed by the type's schema. A name the schema does not have
 * still throws: the importer passes a type and its fields as a union, which the compiler cannot tie together.
 * `today` (ÅÅÅÅ-MM-DD) fills date fields, as `npm run new` does.
 */
export function draftFrontMatter<K extends TypeKey>(type: K, guessed: Readonly<Partial<FrontMatterInput<K>>>, today: string): DraftFrontMatter {
  const schema = DOCUMENT_TYPES[type].schema as unknown as z.ZodObject;
  const fields = describeSchema(schema);
  const values = new Map<string, unknown>(Object.entries(guessed));
  const known = new Set(fields.map((field) => field.name));
  const unknown = [...values.keys()].filter((name) => !known.has(name));
  if (unknown.length > 0) throw new Error(`importen gissade fält som typen ${type} inte har: ${unknown.join(", ")}`);
  if (!known.has("draft")) throw new Error(`typen ${type} har inget draft-fält: importen kan inte skriva ett utkast`);

  const data: Record<string, unknown> = {};
  const toFill: DraftFrontMatter["toFill"] = [];
  for (const field of fields) {
    const value = field.name === "draft" ? true : values.get(field.name);
    if (value !== undefined) {
      data[field.name] = value;
      if (containsPlaceholder(value)) toFill.push({ field: field.name, text: "delvis ifyllt: fyll i det som står [fyll i: …]" });
    } else if (field.required && (field.kind === "day" || field.kind === "dateTime")) {
      data[field.name] = today;
      toFill.push({ field: field.name, text: "hittades inte i texten: satt till importdagen, ändra till rätt dag" });
    } else if (field.required) {
      data[field.name] = placeholderValue(field);
      toFill.push({ field: field.name, text: "hittades inte i texten" });
    }
  }

  const yaml = new Document(data, { schema: "core" }).toString({ lineWidth: 0 }).trimEnd();
  // Read back the way the build reads it, so a value that YAML or the schema would take differently shows here.
  const parsed = parseFrontMatter(`---\n${yaml}\n---\n`);
  const result = schema.safeParse(parsed.data);
  const invalid = result.success
    ? []
    : result.error.issues
        .filter((issue) => !containsPlaceholder(valueAt(parsed.data, issue.path)))
        .map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  return { yaml, toFill, invalid, order: fields.map((field) => field.name) };
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined), data);
}

// Reads a document type's zod schema as a list of plain field descriptions, so `npm run new` and the
// editors' field reference are derived from the schema instead of restating it.
import { z } from "zod";
import { EXPECTED } from "./fields.ts";

export type FieldKind = "text" | "date" | "clock" | "year" | "number" | "boolean" | "enum" | "list" | "object" | "objectList";

export interface FieldDescription {
  name: string;
  /** Must be written in the file: neither optional nor given a default by the schema. */
  required: boolean;
  kind: FieldKind;
  /** The field's `.describe()` text: what to write, in the editors' Swedish. */
  description: string;
  /**
   * The "expected" half of the schema's own error message ("ett datum (ÅÅÅÅ-MM-DD)", "en lista med namn"):
   * the guide says what to write in the same words a failed build uses.
   */
  format?: string;
  /** A date field that takes only a day, no time. */
  dayOnly?: boolean;
  options?: readonly string[];
  /** The value the schema uses when the field is left out. */
  default?: unknown;
  /** Lists: the fewest entries the schema accepts. */
  minItems?: number;
  /** Lists of text: what one entry is. */
  itemDescription?: string;
  /** Objects and lists of objects: their fields. */
  children?: FieldDescription[];
}

/** The error text the schema gives for a wrong type, which our field builders write as "what to write". */
function expectedText(schema: z.ZodType): string | undefined {
  // The builders pass a fixed string, which zod wraps as a map that ignores the issue it is given.
  const errorMap = schema.def.error as z.core.$ZodErrorMap | undefined;
  if (!errorMap) return undefined;
  const result = errorMap({ code: "invalid_type", expected: schema.def.type, input: undefined } as unknown as z.core.$ZodRawIssue);
  return typeof result === "string" ? result : (result?.message ?? undefined);
}

function minLengthOf(schema: z.ZodArray): number | undefined {
  for (const check of schema.def.checks ?? []) {
    const def = check._zod.def as { check: string; minimum?: number };
    if (def.check === "min_length" && typeof def.minimum === "number") return def.minimum;
  }
  return undefined;
}

interface Unwrapped {
  base: z.ZodType;
  required: boolean;
  description?: string;
  default?: unknown;
  hasDefault: boolean;
}

/** Peels optional/default wrappers and pipes down to the schema that says what the editor writes. */
function unwrap(schema: z.ZodType): Unwrapped {
  let current = schema;
  let required = true;
  let hasDefault = false;
  let defaultValue: unknown;
  // The outermost description wins: `.default([]).describe(…)` describes the field, not the list inside.
  let description = current.description;
  for (;;) {
    if (current instanceof z.ZodOptional) {
      required = false;
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodDefault) {
      required = false;
      hasDefault = true;
      defaultValue = current.def.defaultValue;
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      // preprocess(fn, schema) is a pipe from a transform; schema.transform(fn) is a pipe into one.
      current = (current.in instanceof z.ZodTransform ? current.out : current.in) as z.ZodType;
    } else {
      break;
    }
    description ??= current.description;
  }
  return { base: current, required, description, default: defaultValue, hasDefault };
}

export function describeField(name: string, schema: z.ZodType): FieldDescription {
  const { base, required, description, default: defaultValue, hasDefault } = unwrap(schema);
  const format = expectedText(base);
  const field: FieldDescription = { name, required, kind: "text", description: description ?? "", format };
  if (hasDefault) field.default = defaultValue;

  if (base instanceof z.ZodString) {
    if (format === EXPECTED.day || format === EXPECTED.dayOrDateTime) {
      field.kind = "date";
      field.dayOnly = format === EXPECTED.day;
    } else if (format === EXPECTED.clock) {
      field.kind = "clock";
    }
  } else if (base instanceof z.ZodNumber) {
    field.kind = format === EXPECTED.year ? "year" : "number";
  } else if (base instanceof z.ZodBoolean) {
    field.kind = "boolean";
  } else if (base instanceof z.ZodEnum) {
    field.kind = "enum";
    field.options = base.options.map(String);
  } else if (base instanceof z.ZodArray) {
    const minItems = minLengthOf(base);
    if (minItems !== undefined) field.minItems = minItems;
    const element = unwrap(base.element as z.ZodType);
    if (element.base instanceof z.ZodObject) {
      field.kind = "objectList";
      field.children = describeShape(element.base);
    } else if (element.base instanceof z.ZodString) {
      field.kind = "list";
      field.itemDescription = element.description;
    } else {
      throw new Error(`describe.ts: the list "${name}" holds ${element.base.def.type}, which templates and the guide cannot show yet`);
    }
  } else if (base instanceof z.ZodObject) {
    field.kind = "object";
    field.children = describeShape(base);
  } else {
    throw new Error(`describe.ts: the field "${name}" is a ${base.def.type}, which templates and the guide cannot show yet`);
  }
  return field;
}

function describeShape(schema: z.ZodObject): FieldDescription[] {
  return Object.entries(schema.shape).map(([name, fieldSchema]) => describeField(name, fieldSchema as z.ZodType));
}

/** Every field of a document type's schema, in the schema's order (the common fields first). */
export function describeSchema(schema: z.ZodObject): FieldDescription[] {
  return describeShape(schema);
}

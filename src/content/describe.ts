// Reads a document type's zod schema as a list of plain field descriptions, so `npm run new`, the editors' field
// reference, the importer and the reference check are derived from the schema instead of restating it. A field's kind
// is the one its builder declared with `.meta()` (src/content/fields.ts); the zod type only fills in its structure.
import { z } from "zod";
import type { DocumentKeyTarget, FieldMeta, ReferenceTarget } from "./fields.ts";

export type FieldKind = FieldDescription["kind"];

interface FieldBase {
  name: string;
  /** The field's short Swedish label ("Rubrik"), as its builder declared it; "" when none did (a test holds every field to one). */
  label: string;
  /** Must be written in the file: neither optional nor given a default by the schema. */
  required: boolean;
  /** The field's `.describe()` text: what to write, in the editors' Swedish. */
  description: string;
  /**
   * The "expected" half of the schema's own error message ("ett datum (ÅÅÅÅ-MM-DD)", "en lista med namn"):
   * the guide says what to write in the same words a failed build uses. Shown only, never used to tell kinds apart.
   */
  format?: string;
  /** The value the schema uses when the field is left out. */
  default?: unknown;
  /**
   * A regular expression the value must match, with the schema's message when it does not: the schema's own
   * `.regex()`, or the one a builder declared for a check that is no regex (a key is its own slug). Read by tools that
   * cannot run the schema's checks (the CMS).
   */
  pattern?: Pattern;
}

export interface Pattern {
  regex: RegExp;
  /** The "expected" half of the schema's message, as `format` is. */
  expected: string;
}

/** What a declared kind gets from its zod type: the options, the entries (an interface, so it may name itself). */
interface Structure {
  enum: { options: readonly string[] };
  /** Lists of text: what one entry is, the pattern it must match, and the fewest entries the schema accepts. */
  list: { itemLabel: string; itemDescription?: string; itemPattern?: Pattern; minItems?: number };
  /** `itemLabel`: what one entry is called ("Talare"), the label on the entry object. */
  objectList: { itemLabel: string; children: FieldDescription[]; minItems?: number };
  object: { children: FieldDescription[] };
}
type WithStructure<M extends FieldMeta> = M extends FieldMeta ? M & (M["kind"] extends keyof Structure ? Structure[M["kind"]] : unknown) : never;
/** Each kind as declared in fields.ts, with what its zod type adds. */
type Kinds = WithStructure<FieldMeta>;

type KeysOf<T> = T extends unknown ? keyof T : never;
type KindProperty = Exclude<KeysOf<Kinds>, "kind">;
/** A property of one kind is absent from the others, so any description can be asked for it without narrowing. */
type Described<K extends Kinds> = K extends unknown ? FieldBase & { [P in Exclude<KindProperty, keyof K>]?: undefined } & K : never;

/** One field as templates, the guide, the importer and the reference check see it; `kind` tells which. */
export type FieldDescription = Described<Kinds>;

/** The error text the schema gives for a wrong type, which our field builders write as "what to write". */
export function expectedText(schema: z.ZodType): string | undefined {
  // The builders pass a fixed string, which zod wraps as a map that ignores the issue it is given.
  return messageOf(schema.def.error as z.core.$ZodErrorMap | undefined, { code: "invalid_type", expected: schema.def.type, input: undefined });
}

function minLengthOf(schema: z.ZodArray): number | undefined {
  for (const check of schema.def.checks ?? []) {
    const def = check._zod.def as { check: string; minimum?: number };
    if (def.check === "min_length" && typeof def.minimum === "number") return def.minimum;
  }
  return undefined;
}

/** The message an error map gives for a wrong value, when the builder passed a fixed text. */
function messageOf(errorMap: z.core.$ZodErrorMap | undefined, issue: Record<string, unknown>): string | undefined {
  if (!errorMap) return undefined;
  const result = errorMap(issue as unknown as z.core.$ZodRawIssue);
  return typeof result === "string" ? result : (result?.message ?? undefined);
}

/** The pattern a string must match: a builder's declared one, else the schema's only `.regex()` check. */
function patternOf(base: z.ZodType, declared: RegExp | undefined): Pattern | undefined {
  if (!(base instanceof z.ZodString)) return undefined;
  if (declared !== undefined) return { regex: declared, expected: expectedText(base) ?? "" };
  const patterns = (base.def.checks ?? []).flatMap((check) => {
    const def = check._zod.def as { check: string; format?: string; pattern?: RegExp; error?: z.core.$ZodErrorMap };
    if (def.check !== "string_format" || def.format !== "regex" || !(def.pattern instanceof RegExp)) return [];
    return [{ regex: def.pattern, expected: messageOf(def.error, { code: "invalid_format", format: "regex", input: "" }) ?? "" }];
  });
  return patterns.length === 1 ? patterns[0] : undefined;
}

/** The pattern a builder declared on this layer (GlobalMeta's `pattern`). */
function declaredPattern(schema: z.ZodType): RegExp | undefined {
  const pattern: unknown = schema.meta()?.pattern;
  return pattern instanceof RegExp ? pattern : undefined;
}

interface Unwrapped {
  base: z.ZodType;
  required: boolean;
  description?: string;
  /** The kind its builder declared, if any. */
  meta?: FieldMeta;
  /** The pattern its builder declared, if any. */
  pattern?: RegExp;
  label?: string;
  default?: unknown;
  hasDefault: boolean;
}

/** Peels optional/default wrappers and pipes down to the schema that says what the editor writes. */
function unwrap(schema: z.ZodType): Unwrapped {
  let current = schema;
  let required = true;
  let hasDefault = false;
  let defaultValue: unknown;
  // The outermost description and kind win: `.default([]).describe(…)` describes the field, not the list inside, and
  // sitePathField's "imagePath" is declared over the "text" of the text() it is built on.
  let description = current.description;
  let meta = current.meta()?.field;
  let pattern = declaredPattern(current);
  let label = current.meta()?.label;
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
    meta ??= current.meta()?.field;
    pattern ??= declaredPattern(current);
    label ??= current.meta()?.label;
  }
  return { base: current, required, description, meta, pattern, label, default: defaultValue, hasDefault };
}

/**
 * A field no builder declared: only kinds its zod type alone makes certain (the schemas' own fields all come from
 * builders; a test holds them to it).
 */
function undeclaredKind(name: string, base: z.ZodType): FieldMeta {
  if (base instanceof z.ZodString) return { kind: "text" };
  if (base instanceof z.ZodNumber) return { kind: "number" };
  if (base instanceof z.ZodBoolean) return { kind: "boolean" };
  if (base instanceof z.ZodEnum) return { kind: "enum" };
  if (base instanceof z.ZodObject) return { kind: "object" };
  if (base instanceof z.ZodArray && unwrap(base.element as z.ZodType).base instanceof z.ZodString) return { kind: "list", of: "text" };
  throw new Error(
    `describe.ts: the field "${name}" is a ${base.def.type} that no builder in src/content/fields.ts declared, which templates and the guide cannot show yet`,
  );
}

function kindOf(name: string, base: z.ZodType, meta: FieldMeta): Kinds {
  const mismatch = (): Error => new Error(`describe.ts: the field "${name}" is declared ${meta.kind} but is a ${base.def.type}`);
  switch (meta.kind) {
    case "year":
    case "number":
      if (!(base instanceof z.ZodNumber)) throw mismatch();
      return { kind: meta.kind };
    case "boolean":
      if (!(base instanceof z.ZodBoolean)) throw mismatch();
      return { kind: meta.kind };
    case "enum":
      if (!(base instanceof z.ZodEnum)) throw mismatch();
      return { kind: meta.kind, options: base.options.map(String) };
    case "list":
    case "objectList": {
      if (!(base instanceof z.ZodArray)) throw mismatch();
      const minItems = minLengthOf(base);
      const element = unwrap(base.element as z.ZodType);
      const sized = minItems === undefined ? {} : { minItems };
      if (meta.kind === "list") {
        if (!(element.base instanceof z.ZodString)) throw mismatch();
        const itemPattern = patternOf(element.base, element.pattern);
        return {
          kind: meta.kind,
          of: meta.of,
          itemLabel: element.label ?? "",
          ...(element.description === undefined ? {} : { itemDescription: element.description }),
          ...(itemPattern === undefined ? {} : { itemPattern }),
          ...sized,
        };
      }
      if (!(element.base instanceof z.ZodObject)) throw mismatch();
      return { kind: meta.kind, of: meta.of, itemLabel: element.label ?? "", children: describeShape(element.base), ...sized };
    }
    case "object":
      if (!(base instanceof z.ZodObject)) throw mismatch();
      return { kind: meta.kind, children: describeShape(base) };
    case "text":
    case "day":
    case "dateTime":
    case "dayOrDateTime":
    case "clock":
    case "reference":
    case "imagePath":
    case "filePath":
    case "feedId":
    case "email":
    case "webAddress":
    case "colour":
    case "linkPath":
    case "key":
      // One string, however checked: what the declaration carries is all there is to say.
      if (!(base instanceof z.ZodString)) throw mismatch();
      return meta;
  }
}

export function describeField(name: string, schema: z.ZodType): FieldDescription {
  const { base, required, description, label, meta, pattern: declaredPattern, default: defaultValue, hasDefault } = unwrap(schema);
  const pattern = patternOf(base, declaredPattern);
  return {
    name,
    label: label ?? "",
    required,
    description: description ?? "",
    format: expectedText(base),
    ...(hasDefault ? { default: defaultValue } : {}),
    ...(pattern === undefined ? {} : { pattern }),
    ...kindOf(name, base, meta ?? undeclaredKind(name, base)),
  };
}

function describeShape(schema: z.ZodObject): FieldDescription[] {
  return Object.entries(schema.shape).map(([name, fieldSchema]) => describeField(name, fieldSchema as z.ZodType));
}

/** Every field of a document type's schema, in the schema's order (the common fields first). */
export function describeSchema(schema: z.ZodObject): FieldDescription[] {
  return describeShape(schema);
}

/** The kind a field's builder declared with `.meta()`, looking through optional, default and pipe layers. */
export function declaredKind(schema: z.ZodType): FieldMeta | undefined {
  return unwrap(schema).meta;
}

export interface ReferenceField {
  name: string;
  reference: ReferenceTarget;
}

/**
 * The fields whose value is a key into a data file, as the schema declares them: what the reference check in read.ts
 * looks up. It reads top-level fields; a reference inside a list or an object would go unchecked, so it throws here.
 */
export function referenceFields(schema: z.ZodObject): ReferenceField[] {
  const nested = (field: FieldDescription): boolean =>
    (field.children ?? []).some((child) => child.kind === "reference" || nested(child));
  return describeSchema(schema).flatMap((field) => {
    if (nested(field)) throw new Error(`describe.ts: the field "${field.name}" holds a reference, which the reference check (read.ts) does not read yet`);
    return field.kind === "reference" ? [{ name: field.name, reference: field.reference }] : [];
  });
}

export interface DocumentKeyField {
  name: string;
  keyOf: DocumentKeyTarget;
}

/** The top-level fields whose value names another document by its key (a page's parent): read.ts looks them up. */
export function documentKeyFields(schema: z.ZodObject): DocumentKeyField[] {
  return describeSchema(schema).flatMap((field) => (field.keyOf === undefined ? [] : [{ name: field.name, keyOf: field.keyOf }]));
}

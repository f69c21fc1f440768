// describe.ts must see every field of every schema, with the same required/optional split and options
// as zod's own JSON Schema export (an independent reading of the same schema).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DOCUMENT_TYPES, TYPE_KEYS } from "../../src/content/types.ts";
import { describeField, describeSchema, type FieldDescription } from "../../src/content/describe.ts";

interface JsonSchemaObject {
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
}
interface JsonSchemaNode extends JsonSchemaObject {
  type?: string;
  enum?: unknown[];
  items?: JsonSchemaNode;
  default?: unknown;
}

function jsonSchemaOf(schema: z.ZodType): JsonSchemaNode {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchemaNode;
}

/** Compares one level of fields with the JSON Schema of the same object, then goes down into lists of objects. */
function expectMatches(fields: readonly FieldDescription[], node: JsonSchemaObject, where: string): void {
  const properties = node.properties ?? {};
  expect(fields.map((field) => field.name), where).toEqual(Object.keys(properties));
  expect(fields.filter((field) => field.required).map((field) => field.name).sort(), where).toEqual([...(node.required ?? [])].sort());
  for (const field of fields) {
    const property = properties[field.name] as JsonSchemaNode;
    expect(field.description, `${where}.${field.name} needs a Swedish .describe()`).not.toBe("");
    if (field.kind === "enum") expect(field.options, `${where}.${field.name}`).toEqual(property.enum);
    if ("default" in property) expect(field.default, `${where}.${field.name}`).toEqual(property.default);
    if (field.kind === "list" || field.kind === "objectList") expect(property.type, `${where}.${field.name}`).toBe("array");
    if (field.kind === "boolean") expect(property.type).toBe("boolean");
    if (field.kind === "year" || field.kind === "number") expect(["number", "integer"]).toContain(property.type);
    if (field.kind === "objectList") {
      expect(field.children, `${where}.${field.name}`).toBeDefined();
      expectMatches(field.children ?? [], property.items ?? {}, `${where}.${field.name}[]`);
    }
  }
}

describe.each(TYPE_KEYS)("describeSchema for %s", (type) => {
  const schema = DOCUMENT_TYPES[type].schema;
  const fields = describeSchema(schema);

  it("returns every field of the schema, in its order", () => {
    expect(fields.map((field) => field.name)).toEqual(Object.keys(schema.shape));
  });

  it("agrees with zod's JSON Schema on fields, required ones, options, defaults and nested lists", () => {
    expectMatches(fields, jsonSchemaOf(schema), type);
  });

  it("tells the date, clock and year fields apart from plain text", () => {
    for (const field of fields) {
      const property = (jsonSchemaOf(schema).properties ?? {})[field.name] as JsonSchemaNode;
      // Dates and times are strings to YAML; only the kind says how to write them.
      if (field.kind === "date" || field.kind === "clock") expect(field.format, field.name).toMatch(/datum|tid/);
      if (field.kind === "text") expect(property.type, field.name).toBe("string");
    }
    expect(fields.find((field) => field.name === "date")).toMatchObject({ kind: "date", required: true, dayOnly: false });
  });
});

describe("describeField", () => {
  it("unwraps optional, default and preprocess layers, keeping the outermost description", () => {
    const field = describeField(
      "n",
      z.preprocess((value) => value, z.number()).optional().default(3).describe("Ett tal."),
    );
    expect(field).toMatchObject({ name: "n", kind: "number", required: false, default: 3, description: "Ett tal." });
  });

  it("describes a nested object field with its children", () => {
    const field = describeField("plats", z.object({ stad: z.string().describe("Stad.") }).describe("Plats."));
    expect(field.kind).toBe("object");
    expect(field.children?.map((child) => child.name)).toEqual(["stad"]);
  });

  it("refuses a field type it cannot show, instead of guessing", () => {
    expect(() => describeField("x", z.union([z.string(), z.number()]))).toThrow(/"x"/);
  });
});

// describe.ts must see every field of every schema, with the same required/optional split and options
// as zod's own JSON Schema export (an independent reading of the same schema), and each field's kind as its
// builder declared it (.meta() in src/content/fields.ts), whatever its messages say.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DOCUMENT_TYPES, TYPE_KEYS } from "../../../src/content/types.ts";
import { declaredKind, describeField, describeSchema, referenceFields, type FieldDescription } from "../../../src/content/describe.ts";
import { EXPECTED, dateField, keyField, text } from "../../../src/content/fields.ts";
import { DATA_FILES, DATA_FILE_NAMES } from "../../../src/content/data-files.ts";
import { SLUG_PATTERN, slugify } from "../../../src/text/slug.ts";
import fc from "fast-check";

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
      if (field.kind === "day" || field.kind === "dateTime" || field.kind === "clock") expect(field.format, field.name).toMatch(/datum|tid/);
      if (field.kind === "text") expect(property.type, field.name).toBe("string");
    }
    // Articles are dated; pages and events are not (an event has its start and end instead).
    if (DOCUMENT_TYPES[type].role === "article") expect(fields.find((field) => field.name === "date")).toMatchObject({ kind: "dateTime", required: true });
    else expect(fields.find((field) => field.name === "date")).toBeUndefined();
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

describe("field kinds", () => {
  it("come from the builder's .meta(), not from the message: a reworded message keeps its kind, and a message alone makes none", () => {
    expect(describeField("d", z.string({ error: "en dag, skriven ÅÅÅÅ-MM-DD" }).meta({ field: { kind: "day" } }))).toMatchObject({
      kind: "day",
      format: "en dag, skriven ÅÅÅÅ-MM-DD",
    });
    for (const message of [EXPECTED.day, EXPECTED.dayOrDateTime, EXPECTED.clock, EXPECTED.slugKey]) {
      expect(describeField("s", z.string({ error: message })).kind, message).toBe("text");
    }
    expect(describeField("y", z.number({ error: EXPECTED.year })).kind).toBe("number");
  });

  it("lets the outermost declaration win, through optional, default and pipe layers", () => {
    expect(describeField("image", DOCUMENT_TYPES.nyhet.schema.shape.image).kind).toBe("imagePath");
    expect(describeField("d", dateField("Dag", "Dag.", { dayOnly: true }).optional()).kind).toBe("day");
  });

  it("are typed: each kind carries its own properties and no other's", () => {
    const people: FieldDescription = { name: "a", label: "A", required: false, description: "", kind: "list", of: "person", itemLabel: "Namn", minItems: 1 };
    // @ts-expect-error a text field has no entries
    const withEntries: FieldDescription = { name: "b", required: true, description: "", kind: "text", children: [] };
    // @ts-expect-error a reference says what it points into
    const pointing: FieldDescription = { name: "c", required: true, description: "", kind: "reference" };
    expect([people, withEntries, pointing].map((field) => field.kind)).toEqual(["list", "text", "reference"]);
  });

  it("refuses a declared kind the zod type cannot hold", () => {
    expect(() => describeField("x", z.number().meta({ field: { kind: "day" } }))).toThrow(/"x" is declared day but is a number/);
    expect(() => describeField("x", z.array(z.number()).meta({ field: { kind: "list", of: "text" } }))).toThrow(/"x"/);
  });

  it("are declared by a builder for every field of every type, nested ones too", () => {
    const undeclared = (shape: Record<string, z.ZodType>, where: string): string[] =>
      Object.entries(shape).flatMap(([name, schema]) => {
        let base = schema;
        while (base instanceof z.ZodOptional || base instanceof z.ZodDefault) base = base.unwrap() as z.ZodType;
        const inner = base instanceof z.ZodArray && base.element instanceof z.ZodObject ? undeclared(base.element.shape, `${where}${name}[].`) : [];
        return [...(declaredKind(schema) === undefined ? [`${where}${name}`] : []), ...inner];
      });
    for (const type of TYPE_KEYS) expect(undeclared(DOCUMENT_TYPES[type].schema.shape, `${type}.`)).toEqual([]);
    for (const name of DATA_FILE_NAMES) expect(undeclared(DATA_FILES[name].schema.shape, `${name}:`)).toEqual([]);
  });

  it("describe the data files as their schemas are, with the kinds the CMS needs", () => {
    for (const name of DATA_FILE_NAMES) expectMatches(describeSchema(DATA_FILES[name].schema), jsonSchemaOf(DATA_FILES[name].schema), name);
    const settings = new Map(describeSchema(DATA_FILES["installningar.yml"].schema).map((field) => [field.name, field]));
    expect(settings.get("contactEmail")?.kind).toBe("email");
    expect(settings.get("brandColour")?.kind).toBe("colour");
    expect(settings.get("menu")).toMatchObject({ kind: "objectList", of: "link", minItems: 1 });
    expect(settings.get("menu")?.children?.map((child) => child.kind)).toEqual(["text", "linkPath"]);
    const [organisations] = describeSchema(DATA_FILES["organisationer.yml"].schema);
    expect(organisations?.children?.map((child) => `${child.name} ${child.kind}`)).toEqual(["key key", "name text", "kind enum", "region text", "website webAddress"]);
    expect(organisations?.children?.[0]?.pattern).toEqual({ regex: SLUG_PATTERN, expected: EXPECTED.slugKey });
  });

  it("read a .regex() check as the field's pattern, with its message; only a check without flags is one the CMS can use", () => {
    expect(describeField("c", text("Färg", "Färg.").regex(/^#[0-9a-f]{6}$/, "en hexkod")).pattern).toEqual({ regex: /^#[0-9a-f]{6}$/, expected: "en hexkod" });
    expect(describeField("t", text("Text", "Text.")).pattern).toBeUndefined();
  });

  it("declare the slug pattern that matches exactly the texts slugify leaves as they are", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[a-z0-9-]{0,12}$/), fc.constantFrom("alv-och-kust", "Älv & Kust", "a--b", "-a", "a-", "")), (value) => {
        expect(SLUG_PATTERN.test(value), value).toBe(value !== "" && slugify(value) === value);
      }),
      { seed: 12, numRuns: 2000 },
    );
  });

  it("name what each field of the schemas is", () => {
    const kinds = (type: keyof typeof DOCUMENT_TYPES) =>
      Object.fromEntries(
        describeSchema(DOCUMENT_TYPES[type].schema).map((field) => [field.name, [field.kind, field.of ?? field.reference ?? field.maxLength].filter((part) => part !== undefined).join(" ")]),
      );
    expect(kinds("nyhet")).toEqual({
      title: "text 300",
      date: "dateTime",
      summary: "text",
      organisation: "reference organisation",
      tags: "list tag",
      authors: "list person",
      updated: "dateTime",
      draft: "boolean",
      image: "imagePath",
      imageAlt: "text",
      imageCaption: "text 300",
      imageFocus: "enum",
      imageCredit: "text 120",
      id: "feedId",
      publicContacts: "list text",
      person: "text",
      role: "text",
      change: "enum",
      effectiveDate: "day",
    });
    expect(kinds("konferens")).toMatchObject({ startDate: "day", endDate: "day", speakers: "objectList speaker" });
    expect(kinds("brev")).toMatchObject({ senderOrganisation: "reference organisation", letterDate: "day" });
    expect(kinds("minnen")).toMatchObject({ yearFrom: "year", yearTo: "year" });
    expect(kinds("protokoll")).toMatchObject({
      meetingDate: "day",
      startTime: "clock",
      endTime: "clock",
      present: "list person",
      adjusters: "list person",
      agenda: "objectList agendaItem",
      signatures: "objectList signature",
    });
    const agenda = describeSchema(DOCUMENT_TYPES.protokoll.schema).find((field) => field.name === "agenda");
    expect(agenda?.minItems).toBe(1);
    expect(agenda?.children?.map((child) => `${child.name} ${child.kind}`)).toEqual(["section number", "heading text", "decision text"]);
    const signatures = describeSchema(DOCUMENT_TYPES.protokoll.schema).find((field) => field.name === "signatures");
    expect(signatures?.children?.find((child) => child.name === "signedAt")?.kind).toBe("dateTime");
  });
});

describe("labels", () => {
  /** Every field of a form, nested ones too, and each list's entries, as "where: label". */
  const problems = (fields: readonly FieldDescription[], where: string): string[] => {
    const own = fields.flatMap((field) => {
      const at = `${where}.${field.name}`;
      const labels = [[at, field.label], ...(field.itemLabel === undefined ? [] : [[`${at}[]`, field.itemLabel]])] as const;
      return [
        ...labels.flatMap(([place, label]) => (/^\p{Lu}[^\n]{0,39}$/u.test(label) && !label.endsWith(".") ? [] : [`${place}: "${label}"`])),
        ...problems(field.children ?? [], `${at}[]`),
      ];
    });
    // Two fields of one form with one label could not be told apart in the CMS.
    const labels = fields.map((field) => field.label);
    const twice = labels.filter((label, index) => labels.indexOf(label) !== index).map((label) => `${where}: "${label}" twice`);
    return [...own, ...twice];
  };

  it("are declared for every field of every document type and data file, nested ones and list entries too: short, capitalised, no full stop, one per form", () => {
    for (const type of TYPE_KEYS) expect(problems(describeSchema(DOCUMENT_TYPES[type].schema), type)).toEqual([]);
    for (const name of DATA_FILE_NAMES) expect(problems(describeSchema(DATA_FILES[name].schema), name)).toEqual([]);
  });

  it("fail the check when a field has none, or a description took its place", () => {
    expect(problems([describeField("x", z.string().describe("X."))], "prov")).toEqual(['prov.x: ""']);
    expect(problems([describeField("x", text("En hel mening om fältet.", "x"))], "prov")).toEqual(['prov.x: "En hel mening om fältet."']);
    expect(problems([describeField("a", text("Namn", "A.")), describeField("b", text("Namn", "B."))], "prov")).toEqual(['prov: "Namn" twice']);
  });

  it("are read through optional and default layers, the outermost winning", () => {
    expect(describeField("d", dateField("Dag", "Dag.").optional()).label).toBe("Dag");
    expect(describeField("t", text("Rubrik", "R.").default("x").meta({ label: "Titel" })).label).toBe("Titel");
  });
});

describe("referenceFields", () => {
  it("finds the organisation fields of the registered types from their schemas", () => {
    expect(referenceFields(DOCUMENT_TYPES.nyhet.schema)).toEqual([{ name: "organisation", reference: "organisation" }]);
    expect(referenceFields(DOCUMENT_TYPES.brev.schema)).toEqual([
      { name: "organisation", reference: "organisation" },
      { name: "senderOrganisation", reference: "organisation" },
    ]);
  });

  it("finds a reference field declared only in a schema, under any name", () => {
    const schema = z.strictObject({
      title: text("Rubrik", "Rubrik."),
      host: keyField("Värd", "Värdorganisationen.", "organisation").optional(),
      place: text("Plats", "Plats."),
    });
    expect(referenceFields(schema)).toEqual([{ name: "host", reference: "organisation" }]);
  });

  it("refuses a reference inside a list, which the reference check would not read", () => {
    const schema = z.strictObject({ hosts: z.array(z.strictObject({ key: keyField("Värd", "Värd.", "organisation") })).meta({ field: { kind: "objectList", of: "speaker" } }) });
    expect(() => referenceFields(schema)).toThrow(/"hosts"/);
  });
});

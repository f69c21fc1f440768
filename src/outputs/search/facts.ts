// A document's facts for the search index: what its front matter says beyond title and summary (tags, authors, the
// organisation's name, the chair, adjusters and signatures of minutes, a conference's place and speakers, a staffing
// change's person, a letter's sender and recipient, § headings and decisions, an event's place). Read from the type's
// schema by the kinds its fields declare (src/content/describe.ts), so a field added to a schema is searched without
// a list here. Each fact keeps its field's label for the excerpt ("Plats: Bubbetorps Gård"); only values are indexed.
import type { z } from "zod";
import { describeSchema, type FieldDescription } from "../../content/describe.ts";
import type { ContentDocument } from "../../content/document.ts";
import { DOCUMENT_TYPES, type TypeKey } from "../../content/types.ts";

/** A fact: its field's label, and its value as text. */
export type Fact = [label: string, value: string];

/**
 * Fields searched on their own (title, summary), or not text a reader reads as a fact of the document: the image's
 * alt text and the contacts the page may show.
 */
const LEFT_OUT = new Set(["title", "summary", "imageAlt", "publicContacts"]);

const described = new Map<TypeKey, FieldDescription[]>();

function fieldsOf(type: TypeKey): FieldDescription[] {
  let fields = described.get(type);
  if (!fields) described.set(type, (fields = describeSchema(DOCUMENT_TYPES[type].schema as unknown as z.ZodObject).filter((field) => !LEFT_OUT.has(field.name))));
  return fields;
}

/** Free text a reader reads: not a key of another file, a date, an address or a choice from a list. */
function isText(field: FieldDescription): boolean {
  return field.kind === "text" && field.keyOf === undefined;
}

/** One entry of a list of objects (a §, a signature, a speaker) as one line: "§6 – heading – decision". */
function entryText(children: readonly FieldDescription[], entry: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const child of children) {
    const value = entry[child.name];
    // A paragraph number is written as the minutes write it: §6.
    if (child.kind === "number" && child.label.includes("§") && typeof value === "number") parts.push(`§${value}`);
    else if (isText(child) && typeof value === "string" && value.trim() !== "") parts.push(value.trim());
  }
  return parts.join(" – ");
}

/**
 * The facts of a document in the schema's order. `organisationName` names the organisation a field refers to by key
 * (the document's organisation, a letter's sender's; the name is what readers search for).
 */
export function searchFacts(document: ContentDocument, organisationName: (key: string) => string | undefined): Fact[] {
  const data = document.data as Record<string, unknown>;
  const facts: Fact[] = [];
  for (const field of fieldsOf(document.type)) {
    const value = data[field.name];
    if (isText(field) && typeof value === "string" && value.trim() !== "") facts.push([field.label, value.trim()]);
    else if (field.kind === "reference" && field.reference === "organisation" && typeof value === "string") {
      const name = organisationName(value);
      if (name) facts.push([field.label, name]);
    } else if (field.kind === "list" && Array.isArray(value)) {
      const items = value.filter((item): item is string => typeof item === "string" && item.trim() !== "");
      if (items.length > 0) facts.push([field.label, items.join(", ")]);
    } else if (field.kind === "objectList" && Array.isArray(value)) {
      for (const entry of value) {
        const text = typeof entry === "object" && entry !== null ? entryText(field.children, entry as Record<string, unknown>) : "";
        if (text !== "") facts.push([field.itemLabel || field.label, text]);
      }
    }
  }
  return facts;
}

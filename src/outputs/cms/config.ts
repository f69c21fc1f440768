// The Decap CMS configuration (/admin/config.yml), derived from the registry and the schemas: one folder collection
// per document type and one file collection for the data files (content/data/), one widget per field chosen by the
// kind its builder declared (src/content/fields.ts, read through describe.ts). A field added to a schema appears in
// the CMS with no change here.
import { Document } from "yaml";
import { z } from "zod";
import { describeSchema, type FieldDescription, type Pattern } from "../../content/describe.ts";
import { EXPECTED, type DocumentKeyTarget, type ReferenceTarget } from "../../content/fields.ts";
import { DOCUMENT_TYPES } from "../../content/types.ts";
import { DATA_FILES, DATA_FOLDER, type Organisation } from "../../content/data-files.ts";
import { decapBackend, type CmsSettings, type DecapBackend } from "./settings.ts";

/** A document type as the CMS needs it: the registry's entries have this shape. */
export interface CmsDocumentType {
  folder: string;
  label: string;
  plural: string;
  description: string;
  schema: z.ZodObject;
  /** "article": dated, its file named ÅÅÅÅ-MM-DD-<slug>.md; a page or an event is named by its slug alone. */
  role: string;
}

export interface SelectOption {
  label: string;
  value: string;
}

/** A data file as the CMS needs it: DATA_FILES' entries have this shape. */
export interface CmsDataFile {
  title: string;
  about: string;
  schema: z.ZodObject;
}

export interface CmsConfigInput {
  types: Readonly<Record<string, CmsDocumentType>>;
  /** The data files, by file name (content/data/<name>); none, no collection for them. */
  dataFiles?: Readonly<Record<string, CmsDataFile>>;
  /** The options of each kind of reference field, by what it refers to. */
  references: Readonly<Record<ReferenceTarget, readonly SelectOption[]>>;
  settings: CmsSettings;
}

interface FieldCommon {
  name: string;
  label: string;
  required: boolean;
  hint?: string;
  /** Decap checks a non-empty value against it: [regular expression, message]. */
  pattern?: [string, string];
}

/** The widgets this generator writes, with the options it sets (Decap's own schema allows more). */
export type CmsField = FieldCommon &
  (
    | { widget: "string" }
    | { widget: "color"; allowInput: true }
    | { widget: "datetime"; format: string; date_format: string; time_format: string | false; picker_utc: false }
    | { widget: "number"; value_type: "int" | "float"; min?: number; max?: number }
    | { widget: "boolean"; default?: boolean }
    | { widget: "select"; options: (string | SelectOption)[] }
    | { widget: "relation"; collection: string; value_field: "{{slug}}"; search_fields: string[]; display_fields: string[] }
    | { widget: "image"; choose_url: false }
    | { widget: "file"; choose_url: false; media_folder: string; public_folder: string }
    | { widget: "list"; field?: CmsField; fields?: CmsField[]; min?: number; label_singular?: string; summary?: string; default?: unknown[] }
    | { widget: "object"; fields: CmsField[] }
    | { widget: "markdown"; buttons: string[] }
  );

export interface CmsCollection {
  name: string;
  label: string;
  label_singular: string;
  description: string;
  folder: string;
  create: true;
  extension: "md";
  format: "frontmatter";
  slug: string;
  identifier_field: string;
  sortable_fields: string[];
  fields: CmsField[];
}

export interface CmsFile {
  name: string;
  label: string;
  description: string;
  file: string;
  fields: CmsField[];
}

/** The data files: each one a form of its own, never created or deleted from the CMS (file collections cannot be). */
export interface CmsFilesCollection {
  name: string;
  label: string;
  description: string;
  format: "yml";
  /** Editing data shows no page: the preview pane would show the fields again, unstyled. */
  editor: { preview: false };
  files: CmsFile[];
}

export interface CmsConfig {
  locale: "sv";
  backend: DecapBackend;
  local_backend: { url: string };
  publish_mode: "editorial_workflow";
  media_folder: string;
  public_folder: string;
  slug: { encoding: "ascii"; clean_accents: true; sanitize_replacement: "-" };
  collections: (CmsCollection | CmsFilesCollection)[];
}

/** Where documents and images are in the repository the CMS commits to. */
export const CMS_CONTENT_ROOT = "content";
export const CMS_MEDIA_FOLDER = `${CMS_CONTENT_ROOT}/bilder`;
export const CMS_PUBLIC_FOLDER = "/bilder";

/**
 * `npm run new`'s file name, ÅÅÅÅ-MM-DD-<slug>.md. Decap's slug of the title, made ASCII with accents dropped, turns
 * å, ä, ö into a, a, o as src/text/slug.ts does (but "&" into "-", where ours writes "och"). The day is the
 * publication day's, read in the editor's own time zone: Decap's {{year}}-{{month}}-{{day}} are the date field's
 * day in UTC, which for a Swedish date before 01.00 (02.00 in summer) is the day before.
 */
export const CMS_SLUG = "{{fields.date | date('YYYY-MM-DD')}}-{{slug}}";
/** An undated type's file (a page, an event): the slug alone, as `npm run new` names it; the name is its address. */
export const CMS_UNDATED_SLUG = "{{slug}}";

/** A clock time as the guide asks for it: TT.MM. The schema also takes 8:30; the CMS writes the one form. */
export const CLOCK_PATTERN = "^([01][0-9]|2[0-3])\\.[0-5][0-9]$";
/** A day with a time, in Swedish time, as the schema reads it (src/text/dates.ts). */
export const DATE_TIME_FORMAT = "YYYY-MM-DDTHH:mm";
export const DAY_FORMAT = "YYYY-MM-DD";

/** The Markdown body, which is no front matter field and so has no builder to carry its label. */
const BODY_LABEL = "Text";
const BODY_HINT = "Mellanrubriker görs med knappen för rubrik (nivå 2 eller 3): sidans huvudrubrik är rubriken ovan.";

/** The Markdown toolbar: no first-level heading, which the page's title already is (the body check warns of one). */
const MARKDOWN_BUTTONS = ["bold", "italic", "link", "heading-two", "heading-three", "quote", "bulleted-list", "numbered-list"];

/** The organisations a reference field offers: the build's own, from content/data/organisationer.yml. */
export function organisationOptions(organisations: readonly Organisation[]): SelectOption[] {
  return organisations.map((organisation) => ({ label: organisation.name, value: organisation.key }));
}

/** What the build's own registry and data give the CMS. */
export function siteCmsInput(settings: CmsSettings, organisations: readonly Organisation[]): CmsConfigInput {
  return { types: DOCUMENT_TYPES, dataFiles: DATA_FILES, references: { organisation: organisationOptions(organisations) }, settings };
}

/** The data files' collection, and its name in the CMS's addresses (/admin/#/collections/data/entries/<file>). */
export const CMS_DATA_COLLECTION = "data";
const DATA_COLLECTION_LABEL = "Webbplatsen";
const DATA_COLLECTION_DESCRIPTION =
  "Det som gäller hela webbplatsen: inställningar och meny, organisationerna, huvudmännen och tillgänglighetsredogörelsen (filerna i content/data/).";

/** The part of zod's JSON Schema export read here: numeric bounds, which describe.ts does not carry. */
interface JsonNode {
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonNode>;
  items?: JsonNode;
}

function jsonSchemaOf(schema: z.ZodType): JsonNode {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonNode;
}

/** A schema text as a hint: capitalised, ending with a full stop ("en post i listan" → "En post i listan."). */
function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return capital === "" || /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** A rule's message in the words a failed build uses: "fältet X ska vara <expected>". */
function mustBe(expected: string): string {
  return `Ska vara ${expected}.`;
}

function common(field: FieldDescription, extraHint?: string): FieldCommon {
  const hint = [sentence(field.description), extraHint].filter(Boolean).join(" ");
  return { name: field.name, label: field.label, required: field.required, ...(hint === "" ? {} : { hint }) };
}

/**
 * The schema's pattern as Decap checks it: RegExp(pattern), with no flags, on the value as written. A pattern that
 * needs a flag is left to `npm run check`; one the CMS would read otherwise must not be given to it.
 */
function schemaPattern(pattern: Pattern | undefined): [string, string] | undefined {
  return pattern === undefined || pattern.regex.flags !== "" ? undefined : [pattern.regex.source, mustBe(pattern.expected)];
}

function textPattern(maxLength: number | undefined): [string, string] {
  // Decap tests the pattern without the u flag, so a character outside the BMP (an emoji) counts twice: a limit a
  // little stricter than the schema's, never looser.
  return maxLength === undefined
    ? ["\\S", mustBe(EXPECTED.nonEmpty)]
    : [`^(?=[\\s\\S]*\\S)[\\s\\S]{1,${maxLength}}$`, mustBe(`${EXPECTED.nonEmpty}, högst ${maxLength} tecken`)];
}

/** A one-line text, checked against the schema's pattern where it has one, else against its length. */
function textField(field: FieldDescription): CmsField {
  return {
    ...common(field, field.maxLength === undefined ? undefined : `Högst ${field.maxLength} tecken.`),
    widget: "string",
    pattern: schemaPattern(field.pattern) ?? textPattern(field.maxLength),
  };
}

/** What fields may choose among: the organisations (a select), and the collections holding other documents by role. */
interface Sources {
  references: CmsConfigInput["references"];
  /** The collection of each kind of document a key may name ("page": the pages'). */
  documents: Partial<Record<DocumentKeyTarget, string>>;
}

function cmsField(field: FieldDescription, json: JsonNode | undefined, sources: Sources): CmsField {
  switch (field.kind) {
    case "text": {
      // A page's parent: chosen among the pages the CMS knows, saved as the page's key (its file's name).
      const collection = field.keyOf === undefined ? undefined : sources.documents[field.keyOf];
      if (collection !== undefined) {
        return {
          ...common(field),
          widget: "relation",
          collection,
          value_field: "{{slug}}",
          search_fields: ["title"],
          display_fields: ["title"],
        };
      }
      return textField(field);
    }
    case "dayOrDateTime":
      // Typed, not picked: a date-time picker always writes a time, and a whole day must be written without one.
      return textField(field);
    case "feedId":
    case "email":
    case "webAddress":
    case "linkPath":
    case "key":
      return textField(field);
    case "colour": {
      // Typing is allowed as well as picking: an editor is usually given the brand colour as a hex code.
      const pattern = schemaPattern(field.pattern);
      return { ...common(field), widget: "color", allowInput: true, ...(pattern === undefined ? {} : { pattern }) };
    }
    case "day":
      return { ...common(field), widget: "datetime", format: DAY_FORMAT, date_format: DAY_FORMAT, time_format: false, picker_utc: false };
    case "dateTime":
      return { ...common(field), widget: "datetime", format: DATE_TIME_FORMAT, date_format: DAY_FORMAT, time_format: "HH:mm", picker_utc: false };
    case "clock":
      return { ...common(field), widget: "string", pattern: [CLOCK_PATTERN, mustBe(field.format ?? EXPECTED.clock)] };
    case "year":
    case "number":
      return {
        ...common(field),
        widget: "number",
        value_type: "int",
        ...(json?.minimum === undefined ? {} : { min: json.minimum }),
        ...(json?.maximum === undefined ? {} : { max: json.maximum }),
      };
    case "boolean":
      return { ...common(field), widget: "boolean", ...(typeof field.default === "boolean" ? { default: field.default } : {}) };
    case "enum":
      return { ...common(field), widget: "select", options: [...field.options] };
    case "reference":
      return { ...common(field), widget: "select", options: sources.references[field.reference].map((option) => ({ ...option })) };
    case "imagePath":
      // The image's alt text is a field of its own (imageAlt), next to it in the schema.
      return { ...common(field), widget: "image", choose_url: false };
    case "filePath":
      // Attached PDFs (a signed original) go to content/filer/, which the site serves as /filer/.
      return { ...common(field), widget: "file", choose_url: false, media_folder: "/content/filer", public_folder: "/filer" };
    case "list": {
      const entry: CmsField = {
        name: field.of,
        label: field.itemLabel,
        required: true,
        widget: "string",
        pattern: schemaPattern(field.itemPattern) ?? textPattern(undefined),
        ...(field.itemDescription === undefined ? {} : { hint: sentence(field.itemDescription) }),
      };
      return { ...common(field), widget: "list", label_singular: field.itemLabel, field: entry, ...listBounds(field) };
    }
    case "objectList": {
      const fields = field.children.map((child) => cmsField(child, json?.items?.properties?.[child.name], sources));
      const first = fields[0]?.name;
      return {
        ...common(field),
        widget: "list",
        label_singular: field.itemLabel,
        fields,
        ...(first === undefined ? {} : { summary: `{{fields.${first}}}` }),
        ...listBounds(field),
      };
    }
    case "object":
      return {
        ...common(field),
        widget: "object",
        fields: field.children.map((child) => cmsField(child, json?.properties?.[child.name], sources)),
      };
  }
}

function listBounds(field: FieldDescription): { min?: number; default?: unknown[] } {
  return {
    ...(field.minItems === undefined ? {} : { min: field.minItems }),
    ...(Array.isArray(field.default) ? { default: [...(field.default as unknown[])] } : {}),
  };
}

/** A schema's fields as the CMS shows them, in its order. */
function schemaFields(schema: z.ZodObject, sources: Sources): CmsField[] {
  const json = jsonSchemaOf(schema);
  return describeSchema(schema).map((field) => cmsField(field, json.properties?.[field.name], sources));
}

/** The fields of a type as the CMS shows them: the schema's, then the body. */
export function cmsFields(schema: z.ZodObject, sources: Sources): CmsField[] {
  return [
    ...schemaFields(schema, sources),
    { name: "body", label: BODY_LABEL, required: true, hint: BODY_HINT, widget: "markdown", buttons: [...MARKDOWN_BUTTONS] },
  ];
}

/** One entry per data file, named by its file name without .yml; its fields are its schema's. */
function sourcesOf(input: CmsConfigInput): Sources {
  // A document key names a document of the type whose role it is (a page's parent: a "page").
  const collectionOf = (role: DocumentKeyTarget) => Object.entries(input.types).find(([, type]) => type.role === role)?.[0];
  const page = collectionOf("page");
  return { references: input.references, documents: page === undefined ? {} : { page } };
}

function dataFilesCollection(input: CmsConfigInput): CmsFilesCollection[] {
  const dataFiles = Object.entries(input.dataFiles ?? {});
  if (dataFiles.length === 0) return [];
  return [{
    name: CMS_DATA_COLLECTION,
    label: DATA_COLLECTION_LABEL,
    description: DATA_COLLECTION_DESCRIPTION,
    format: "yml",
    editor: { preview: false },
    files: dataFiles.map(([fileName, dataFile]) => ({
      name: fileName.replace(/\.yml$/, ""),
      label: dataFile.title,
      description: dataFile.about,
      file: `${CMS_CONTENT_ROOT}/${DATA_FOLDER}/${fileName}`,
      fields: schemaFields(dataFile.schema, sourcesOf(input)),
    })),
  }];
}

export function cmsConfig(input: CmsConfigInput): CmsConfig {
  const { backend, localBackendUrl } = input.settings;
  return {
    locale: "sv",
    backend: decapBackend(backend),
    local_backend: { url: localBackendUrl },
    publish_mode: "editorial_workflow",
    media_folder: CMS_MEDIA_FOLDER,
    public_folder: CMS_PUBLIC_FOLDER,
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    collections: [
      ...Object.entries(input.types).map(([key, type]): CmsCollection => {
      const fields = cmsFields(type.schema, sourcesOf(input));
      const names = new Set(fields.map((field) => field.name));
      return {
        name: key,
        label: type.plural,
        label_singular: type.label,
        description: type.description,
        folder: `${CMS_CONTENT_ROOT}/${type.folder}`,
        create: true,
        extension: "md",
        format: "frontmatter",
        slug: type.role === "article" ? CMS_SLUG : CMS_UNDATED_SLUG,
        identifier_field: "title",
        sortable_fields: ["date", "title"].filter((name) => names.has(name)),
        fields,
      };
    }),
      ...dataFilesCollection(input),
    ],
  };
}

const HEADER = [
  " Decap CMS configuration, generated from the document types and their schemas (src/outputs/cms/config.ts)",
  " by every build. Do not edit: change the schema (src/content/schema.ts) and build again.",
].join("\n");

/** The configuration as YAML. Every string goes through the yaml library, which quotes what needs quoting. */
export function renderCmsConfig(config: CmsConfig): string {
  const document = new Document(config);
  document.commentBefore = HEADER;
  // No folding of long hints: one line per value reads better in a diff.
  return document.toString({ lineWidth: 0 });
}

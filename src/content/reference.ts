// The editors' front matter reference (in content/README.md, between two markers), generated from the
// type registry and the schemas (documents' and data files') so it can never describe a field the build does not know.
import { DOCUMENT_TYPES, TYPE_KEYS, type TypeKey } from "./types.ts";
import { describeSchema, type FieldDescription } from "./describe.ts";
import { DATA_FILES, DATA_FILE_NAMES, DATA_FOLDER } from "./data-files.ts";
import { renderTemplate } from "./template.ts";

export const REFERENCE_START = "<!-- fältreferens:start -->";
export const REFERENCE_END = "<!-- fältreferens:slut -->";

/** What the templates in the guide show in date fields: the form to write, not a particular day. */
const DATE_FORM = "ÅÅÅÅ-MM-DD";

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(" | ")} |`;
}

function describeDefault(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? "en tom lista" : value.join(", ");
  return String(value);
}

function formOf(field: FieldDescription): string {
  // A pattern's message says more than the type's ("en e-postadress" rather than "text").
  const parts = [field.pattern?.expected || (field.format ?? "")];
  if (field.minItems !== undefined) parts.push(`minst ${field.minItems}`);
  if (field.default !== undefined) parts.push(`om fältet utelämnas: ${describeDefault(field.default)}`);
  return parts.filter((part) => part !== "").join("; ");
}

/** The column heads of a field table: the field's name in the file, and its label in the CMS's form. */
const FIELD_TABLE = [row(["Fält", "I redigeringsverktyget", "Krävs", "Vad du skriver", "Form"]), row(["---", "---", "---", "---", "---"])];

function fieldRows(field: FieldDescription, parent?: string): string[] {
  const name = parent === undefined ? `\`${field.name}\`` : `\`${field.name}\` (i varje post under \`${parent}\`)`;
  const required = field.required ? "ja" : "nej";
  return [
    row([name, field.label, required, field.description, formOf(field)]),
    ...(field.children ?? []).flatMap((child) => fieldRows(child, field.name)),
  ];
}

function typeSection(type: TypeKey): string[] {
  const info = DOCUMENT_TYPES[type];
  return [
    `### ${info.label}`,
    "",
    `${info.description} Mapp: \`content/${info.folder}/\`. Ny fil: \`npm run new -- ${type} "Rubrik"\`.`,
    "",
    ...FIELD_TABLE,
    ...describeSchema(info.schema).flatMap((field) => fieldRows(field)),
    "",
    "<details>",
    `<summary>Mall för ${info.label.toLowerCase()} att kopiera</summary>`,
    "",
    "```markdown",
    renderTemplate(type, DATE_FORM).trimEnd(),
    "```",
    "",
    "</details>",
  ];
}

/** Fields that take an organisation's key, in every type, named once each. */
function keyFieldNames(): string[] {
  const names = TYPE_KEYS.flatMap((type) =>
    describeSchema(DOCUMENT_TYPES[type].schema).filter((field) => field.reference === "organisation").map((field) => field.name),
  );
  return [...new Set(names)];
}

function dataFileSection(name: (typeof DATA_FILE_NAMES)[number]): string[] {
  const { schema, title, about } = DATA_FILES[name];
  return [
    `#### ${title}: \`content/${DATA_FOLDER}/${name}\``,
    "",
    about,
    "",
    ...FIELD_TABLE,
    ...describeSchema(schema).flatMap((field) => fieldRows(field)),
    "",
  ];
}

/** Where a type's documents are published, as the guide writes it: by the role the registry gives the type. */
function addressPattern(type: TypeKey): string {
  const info = DOCUMENT_TYPES[type];
  switch (info.role) {
    case "article":
      return `\`/${info.folder}/<år>/<namn>/\``;
    case "page":
      return "`/<namn>/`, under en annan sida `/<överordnad>/<namn>/`";
    case "event":
      return `\`/${info.pagesUnder}/<namn>/\``;
  }
}

/** The text between the markers: types, organisations, then one table (and a template) per type, then the data files. */
export function renderFieldReference(): string {
  const keyFields = keyFieldNames().map((name) => `\`${name}\``);
  const lines = [
    "",
    "<!-- Den här delen skrivs av npm run guide utifrån schemat. Ändra inte här: ändringar skrivs över. -->",
    "",
    "### Dokumenttyper",
    "",
    row(["Typ (till npm run new)", "Mapp", "Används till", "Adress"]),
    row(["---", "---", "---", "---"]),
    ...TYPE_KEYS.map((type) => {
      const info = DOCUMENT_TYPES[type];
      return row([`\`${type}\``, `\`content/${info.folder}/\``, info.description, addressPattern(type)]);
    }),
    "",
    "### Organisationer",
    "",
    // The keys themselves are content: listed here, the guide would be out of date with every förbund added.
    `${keyFields.length === 1 ? "Fältet" : "Fälten"} ${keyFields.slice(0, -1).join(", ")}${keyFields.length > 1 ? " och " : ""}${keyFields.at(-1) ?? ""} tar en nyckel (\`key\`) ur \`content/${DATA_FOLDER}/organisationer.yml\`, där varje organisation står med namn, slag och län. En ny organisation läggs till där; se Datafiler nedan.`,
    "",
    ...TYPE_KEYS.flatMap((type) => [...typeSection(type), ""]),
    "### Datafiler",
    "",
    `Det som gäller hela webbplatsen står i ${DATA_FILE_NAMES.length} filer i \`content/${DATA_FOLDER}/\`, skrivna i YAML som front matter (men utan raderna med \`---\`). De kontrolleras vid varje bygge och av \`npm run check\`, precis som texterna.`,
    "",
    ...DATA_FILE_NAMES.flatMap(dataFileSection),
  ];
  return lines.join("\n");
}

/** The guide with its reference replaced; everything outside the markers is kept as written. */
export function withFieldReference(guide: string): string {
  const start = guide.indexOf(REFERENCE_START);
  const end = guide.indexOf(REFERENCE_END);
  if (start === -1 || end === -1 || end < start) {
    throw new Error(`hittar inte markeringarna ${REFERENCE_START} och ${REFERENCE_END} (i den ordningen)`);
  }
  return `${guide.slice(0, start + REFERENCE_START.length)}\n${renderFieldReference()}\n${guide.slice(end)}`;
}

/** The reference as it stands in a guide, for comparing with a freshly generated one. */
export function currentFieldReference(guide: string): string | undefined {
  const start = guide.indexOf(REFERENCE_START);
  const end = guide.indexOf(REFERENCE_END);
  if (start === -1 || end === -1 || end < start) return undefined;
  return guide.slice(start + REFERENCE_START.length + 1, end - 1);
}

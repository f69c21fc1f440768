// A new document's starting text, derived from its type's schema: required fields to fill in, optional
// ones commented out, each explained. Used by `npm run new` and the templates in the editors' guide.
import { DOCUMENT_TYPES, type TypeKey } from "./types.ts";
import { describeSchema, type FieldDescription } from "./describe.ts";
import { placeholder } from "./fields.ts";

export const BODY_PLACEHOLDER = placeholder(
  "Skriv texten här. Mellanrubriker skrivs med ## först på raden, aldrig med en enda #",
);

const HEADER = [
  "# Fyll i allt som står [fyll i: …] och ta bort hakparenteserna. Bygget stoppar tills allt är ifyllt.",
  "# Rader som börjar med # är förklaringar eller valfria fält: ta bort # och mellanslaget för att använda ett fält.",
  "# Alla fält förklaras i content/README.md.",
];

/** YAML's double-quoted form is JSON's, so JSON.stringify always yields a valid, exact YAML string. */
function quoted(text: string): string {
  return JSON.stringify(text);
}

function comment(text: string): string {
  return `# ${text}`;
}

function scalarHint(field: FieldDescription): string {
  return field.kind === "enum" && field.options
    ? `${field.description.replace(/\.$/, "")}. Skriv ett av: ${field.options.join(", ")}`
    : field.description;
}

/** A field's explanation (when its value does not carry one) and its lines, not yet commented out. */
function fieldLines(field: FieldDescription, today: string, given: Readonly<Record<string, string>>): { notes: string[]; lines: string[] } {
  const value = given[field.name];
  if (value !== undefined) return { notes: [], lines: [`${field.name}: ${quoted(value)}`] };
  const explained = (lines: string[]) => ({ notes: [comment(field.description)], lines });
  switch (field.kind) {
    case "day":
    case "dateTime":
    case "dayOrDateTime":
      // Today is a valid date, so it needs no placeholder; the note says what the day means.
      return explained([`${field.name}: ${today}`]);
    case "boolean":
      // An optional switch is shown switched over: uncommenting the default would change nothing.
      return field.required
        ? { notes: [], lines: [`${field.name}: ${quoted(placeholder(field.description))}`] }
        : explained([`${field.name}: ${String(field.default !== true)}`]);
    case "list":
      return explained([`${field.name}:`, `  - ${quoted(placeholder(field.itemDescription ?? field.description))}`]);
    case "object":
      return explained([`${field.name}:`, ...entryLines(field, today).map((text) => `  ${text}`)]);
    case "objectList": {
      // One example entry. YAML starts an entry with "- " on its first field, so notes before it stay above.
      const entry = entryLines(field, today);
      const first = Math.max(0, entry.findIndex((text) => !text.startsWith("#")));
      return explained([
        `${field.name}:`,
        ...entry.map((text, index) => `${index < first ? "  " : index === first ? "  - " : "    "}${text}`),
      ]);
    }
    default:
      return { notes: [], lines: [`${field.name}: ${quoted(placeholder(scalarHint(field)))}`] };
  }
}

function entryLines(field: FieldDescription, today: string): string[] {
  return (field.children ?? []).flatMap((child) => blockLines(child, today, {}));
}

/** A field as it stands in the file: optional ones commented out whole, so removing every "# " brings one back. */
function blockLines(field: FieldDescription, today: string, given: Readonly<Record<string, string>>): string[] {
  const { notes, lines } = fieldLines(field, today, given);
  const optional = !field.required && given[field.name] === undefined;
  return [...notes, ...(optional ? lines.map(comment) : lines)];
}

/**
 * The Markdown a new document of a type starts as. `today` is written into every date field (a valid
 * value the editor adjusts); `given` holds values already known, such as the title.
 */
export function renderTemplate(type: TypeKey, today: string, given: Readonly<Record<string, string>> = {}): string {
  const fields = describeSchema(DOCUMENT_TYPES[type].schema);
  const frontMatter = [...HEADER, ...fields.flatMap((field) => blockLines(field, today, given))];
  return `---\n${frontMatter.join("\n")}\n---\n\n${BODY_PLACEHOLDER}\n`;
}

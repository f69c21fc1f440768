// The editors' guide (content/README.md) must carry the field reference the schemas generate today,
// and `npm run guide` must rewrite that part only.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import {
  REFERENCE_END,
  REFERENCE_START,
  currentFieldReference,
  renderFieldReference,
  withFieldReference,
} from "../../../src/content/reference.ts";
import { describeSchema, type FieldDescription } from "../../../src/content/describe.ts";
import { DOCUMENT_TYPES, TYPE_KEYS } from "../../../src/content/types.ts";
import { DATA_FILES, DATA_FILE_NAMES } from "../../../src/content/data-files.ts";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const GUIDE = path.join(ROOT, "content", "README.md");

function runGuide(args: readonly string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/guide.ts", ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function allNames(fields: readonly FieldDescription[]): string[] {
  return fields.flatMap((field) => [field.name, ...allNames(field.children ?? [])]);
}

describe("content/README.md", () => {
  const guide = fs.readFileSync(GUIDE, "utf8");
  const reference = currentFieldReference(guide);

  it("holds the field reference generated from the current schemas", () => {
    expect(reference, `content/README.md saknar ${REFERENCE_START} … ${REFERENCE_END}`).toBeDefined();
    expect(
      reference,
      "Fältreferensen i content/README.md stämmer inte med schemat. Kör `npm run guide` och checka in content/README.md.",
    ).toBe(renderFieldReference());
  });

  it.each(TYPE_KEYS)("names every field of %s, nested ones too, in its table", (type) => {
    const label = DOCUMENT_TYPES[type].label;
    const section = (reference ?? "").split(/^### /m).find((part) => part.startsWith(`${label}\n`)) ?? "";
    expect(section, `no section for ${label}`).not.toBe("");
    for (const name of allNames(describeSchema(DOCUMENT_TYPES[type].schema))) {
      expect(section, `${type}: ${name}`).toMatch(new RegExp(`^\\| \`${name}\``, "m"));
    }
  });

  it("points to the organisations' data file instead of listing keys that change with the content", () => {
    expect(reference).toContain("`content/data/organisationer.yml`");
    expect(reference).not.toContain("| `nationella-radet` |");
  });

  it.each(DATA_FILE_NAMES)("describes every field of the data file %s", (name) => {
    const section = (reference ?? "").split(/^#### /m).find((part) => (part.split("\n")[0] ?? "").includes(`\`content/data/${name}\``)) ?? "";
    expect(section, `no section for ${name}`).not.toBe("");
    const names = (shape: Record<string, unknown>): string[] =>
      Object.entries(shape).flatMap(([field, schema]) => {
        const inner = schema as { unwrap?: () => unknown; element?: { shape?: Record<string, unknown> } };
        const list = (typeof inner.unwrap === "function" ? inner.unwrap() : inner) as { element?: { shape?: Record<string, unknown> } };
        return [field, ...(list.element?.shape ? names(list.element.shape) : [])];
      });
    for (const field of names(DATA_FILES[name].schema.shape)) expect(section, `${name}: ${field}`).toMatch(new RegExp(`^\\| \`${field}\``, "m"));
  });

  it("has a template per type whose front matter is valid YAML", () => {
    const templates = [...(reference ?? "").matchAll(/```markdown\n---\n([\s\S]*?)\n---\n/g)];
    expect(templates).toHaveLength(TYPE_KEYS.length);
    for (const [, frontMatter = ""] of templates) expect(parseDocument(frontMatter, { schema: "core" }).errors).toEqual([]);
  });
});

describe("npm run guide", () => {
  function tempGuide(text: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-guide-"));
    fs.writeFileSync(path.join(dir, "README.md"), text);
    return dir;
  }

  it("rewrites only the part between the markers", () => {
    const before = `# Guiden\n\nRedaktörens text.\n\n${REFERENCE_START}\ngammal referens\n${REFERENCE_END}\n\nEfter markeringen.\n`;
    const dir = tempGuide(before);
    const run = runGuide(["--content", dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("uppdaterad");
    const after = fs.readFileSync(path.join(dir, "README.md"), "utf8");
    expect(after).toBe(withFieldReference(before));
    expect(after.startsWith(`# Guiden\n\nRedaktörens text.\n\n${REFERENCE_START}\n`)).toBe(true);
    expect(after.endsWith(`\n${REFERENCE_END}\n\nEfter markeringen.\n`)).toBe(true);
    expect(after).not.toContain("gammal referens");
    expect(currentFieldReference(after)).toBe(renderFieldReference());
    // A second run finds nothing to change.
    expect(runGuide(["--content", dir]).stdout).toContain("stämmer redan");
    expect(fs.readFileSync(path.join(dir, "README.md"), "utf8")).toBe(after);
  });

  it("refuses a guide without the markers and leaves it alone", () => {
    const dir = tempGuide("# Guiden utan markeringar\n");
    const run = runGuide(["--content", dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("hittar inte markeringarna");
    expect(fs.readFileSync(path.join(dir, "README.md"), "utf8")).toBe("# Guiden utan markeringar\n");
  });
});

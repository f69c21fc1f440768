// The CMS configuration is the schemas read once more: every type a collection, every field its widget by its
// declared kind, required as the schema says, nothing listed by hand; and every string safe in the YAML.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { describeSchema, type FieldDescription } from "../../../../src/content/describe.ts";
import { clockField, dateField, entryList, enumField, keyField, text, textList, yearField } from "../../../../src/content/fields.ts";
import { DOCUMENT_TYPES, TYPE_KEYS, isDated } from "../../../../src/content/types.ts";
import { DATA_FILES, DATA_FILE_NAMES, readDataFile } from "../../../../src/content/data-files.ts";
import { eventSchema } from "../../../../src/content/schemas/event.ts";
import fc from "fast-check";
import { main as newDocument } from "../../../../src/cli/new.ts";
import {
  CLOCK_PATTERN,
  CMS_DATA_COLLECTION,
  CMS_SLUG,
  CMS_UNDATED_SLUG,
  DATE_TIME_FORMAT,
  DAY_FORMAT,
  cmsConfig,
  organisationOptions,
  renderCmsConfig,
  siteCmsInput,
  type CmsCollection,
  type CmsConfig,
  type CmsConfigInput,
  type CmsField,
  type CmsFilesCollection,
} from "../../../../src/outputs/cms/config.ts";
import { cmsConnectOrigins, cmsSettingsFromEnv, type CmsSettings } from "../../../../src/outputs/cms/settings.ts";
import { parseClock } from "../../../../src/text/dates.ts";
import { fixtureSiteData } from "../../../helpers/build.ts";

const SETTINGS: CmsSettings = { backend: { name: "github", repo: "finsam/webbplats", branch: "main" }, localBackendUrl: "http://127.0.0.1:8082/api/v1" };
const ORGANISATIONS = fixtureSiteData().organisations.all;
const config = cmsConfig(siteCmsInput(SETTINGS, ORGANISATIONS));

/** The widget each declared kind must get: written out here, so the test does not restate the code's choice. */
const WIDGETS: Record<FieldDescription["kind"], CmsField["widget"]> = {
  text: "string",
  feedId: "string",
  day: "datetime",
  dateTime: "datetime",
  dayOrDateTime: "string",
  clock: "string",
  year: "number",
  number: "number",
  boolean: "boolean",
  enum: "select",
  reference: "select",
  imagePath: "image",
  filePath: "file",
  email: "string",
  webAddress: "string",
  colour: "color",
  linkPath: "string",
  key: "string",
  list: "list",
  objectList: "list",
  object: "object",
};

function collection(key: string, from: CmsConfig = config): CmsCollection {
  const found = from.collections.find((entry) => entry.name === key);
  if (!found || !("folder" in found)) throw new Error(`no folder collection ${key}`);
  return found;
}

function dataCollection(from: CmsConfig = config): CmsFilesCollection {
  const found = from.collections.find((entry) => entry.name === CMS_DATA_COLLECTION);
  if (!found || !("files" in found)) throw new Error("no collection of the data files");
  return found;
}

/** Each described field against its CMS field, down into lists of entries. */
function expectFields(described: readonly FieldDescription[], fields: readonly CmsField[], where: string): void {
  expect(fields.map((field) => field.name), where).toEqual(described.map((field) => field.name));
  described.forEach((field, index) => {
    const cms = fields[index] as CmsField;
    const at = `${where}.${field.name}`;
    // A key naming another document (a page's parent) is chosen among that type's documents.
    expect(cms.widget, at).toBe(field.keyOf === undefined ? WIDGETS[field.kind] : "relation");
    expect(cms.required, at).toBe(field.required);
    expect(cms.hint, at).toContain(field.description.trim().replace(/\.$/, "").slice(1));
    if (field.kind === "objectList" && cms.widget === "list") expectFields(field.children, cms.fields ?? [], `${at}[]`);
    if (field.kind === "list" && cms.widget === "list") expect(cms.field?.widget, at).toBe("string");
    if (field.minItems !== undefined && cms.widget === "list") expect(cms.min, at).toBe(field.minItems);
  });
}

describe("the CMS configuration", () => {
  it("has one folder collection per document type, in the type's folder, creatable, named as `npm run new` names files", () => {
    expect(config.collections.map((entry) => entry.name)).toEqual([...TYPE_KEYS, CMS_DATA_COLLECTION]);
    for (const key of TYPE_KEYS) {
      const entry = collection(key);
      expect(entry.folder).toBe(`content/${DOCUMENT_TYPES[key].folder}`);
      expect(entry).toMatchObject({ create: true, extension: "md", format: "frontmatter", slug: isDated(key) ? CMS_SLUG : CMS_UNDATED_SLUG, label: DOCUMENT_TYPES[key].plural });
    }
  });

  describe("file names", () => {
    let dir: string | undefined;
    afterEach(() => {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
      vi.restoreAllMocks();
    });

    it("are the ones `npm run new` writes for the same title on the same day", () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-cms-"));
      vi.spyOn(console, "log").mockImplementation(() => undefined);
      vi.spyOn(console, "error").mockImplementation(() => undefined);
      const now = new Date("2026-03-09T10:00:00Z");
      expect(newDocument(["nyhet", "Ny förbundschef i Blekinge"], { FINSAM_CONTENT_DIR: dir }, now)).toBe(0);
      const [written] = fs.readdirSync(path.join(dir, "nyheter"));
      // Decap fills in the publication day (here the day npm run new dates its file) and the title's slug, made
      // ASCII with accents dropped. tests/e2e/cms-editing.e2e.ts has Decap itself name files.
      const cmsName = CMS_SLUG.replace("{{fields.date | date('YYYY-MM-DD')}}", "2026-03-09").replace("{{slug}}", "ny-forbundschef-i-blekinge");
      expect(written).toBe(`${cmsName}.md`);
      // A page and an event: no date in their names, which are their addresses.
      expect(newDocument(["sida", "Om oss"], { FINSAM_CONTENT_DIR: dir }, now)).toBe(0);
      expect(fs.readdirSync(path.join(dir, DOCUMENT_TYPES.sida.folder))).toEqual([`${CMS_UNDATED_SLUG.replace("{{slug}}", "om-oss")}.md`]);
      expect(config.slug).toEqual({ encoding: "ascii", clean_accents: true, sanitize_replacement: "-" });
    });
  });

  it("has every field of every schema, in the schema's order, with the widget of its declared kind and required as the schema says", () => {
    for (const key of TYPE_KEYS) {
      const described = describeSchema(DOCUMENT_TYPES[key].schema);
      const fields = collection(key).fields;
      expectFields(described, fields.slice(0, -1), key);
      expect(fields.at(-1)).toMatchObject({ name: "body", widget: "markdown", required: true });
      // No first-level heading in the body: the title is the page's.
      expect(fields.at(-1)).toHaveProperty("buttons", expect.not.arrayContaining(["heading-one"]));
    }
  });

  it("follows a schema: a field added to a type appears with its widget, and its options and bounds come from the schema", () => {
    const base = { title: text("Rubrik", "Rubriken.") };
    const type = (shape: z.ZodRawShape) => ({ folder: "prov", label: "Prov", plural: "Prover", description: "Prov.", role: "article", schema: z.strictObject(shape) });
    const input = (shape: z.ZodRawShape): CmsConfigInput => ({
      types: { prov: type(shape) },
      references: { organisation: [{ label: "Ett förbund", value: "ett-forbund" }] },
      settings: SETTINGS,
    });
    const before = collection("prov", cmsConfig(input(base))).fields;
    const after = collection(
      "prov",
      cmsConfig(
      input({
        ...base,
        room: text("Rum", "Rummet.").optional(),
        level: enumField(["låg", "hög"], "Nivå", "Nivån."),
        host: keyField("Värd", "Värden.", "organisation"),
        opens: clockField("Öppnar", "När dörrarna öppnar."),
        day: dateField("Dag", "Dagen.", { dayOnly: true }),
        year: yearField("År", "Året."),
        guests: textList("Gäster", "Gäster.", "person").optional(),
        sessions: entryList(z.strictObject({ name: text("Namn", "Passets namn."), starts: clockField("Start", "Start.") }).meta({ label: "Pass" }), "Pass", "Passen.", "agendaItem", {
          expected: "en lista",
        }),
      }),
      ),
    ).fields;
    expect(before.map((field) => field.name)).toEqual(["title", "body"]);
    expect(after.map((field) => [field.name, field.widget, field.required])).toEqual([
      ["title", "string", true],
      ["room", "string", false],
      ["level", "select", true],
      ["host", "select", true],
      ["opens", "string", true],
      ["day", "datetime", true],
      ["year", "number", true],
      ["guests", "list", false],
      ["sessions", "list", true],
      ["body", "markdown", true],
    ]);
    const byName = new Map(after.map((field) => [field.name, field]));
    expect(byName.get("level")).toMatchObject({ options: ["låg", "hög"] });
    expect(byName.get("host")).toMatchObject({ options: [{ label: "Ett förbund", value: "ett-forbund" }] });
    expect(byName.get("year")).toMatchObject({ value_type: "int", min: 1900, max: 2200 });
    expect(byName.get("sessions")).toMatchObject({ fields: [{ name: "name", widget: "string" }, { name: "starts", widget: "string", pattern: [CLOCK_PATTERN, expect.any(String)] }] });
  });

  it("offers the organisations as a select, labelled with their names, through one function", () => {
    expect(organisationOptions(ORGANISATIONS)).toEqual(ORGANISATIONS.map((organisation) => ({ label: organisation.name, value: organisation.key })));
    const organisation = collection("brev").fields.filter((field) => field.name === "organisation" || field.name === "senderOrganisation");
    expect(organisation).toHaveLength(2);
    for (const field of organisation) expect(field).toMatchObject({ widget: "select", options: organisationOptions(ORGANISATIONS) });
  });

  it("reads bounds from the schema: years 1900–2200, paragraph numbers from 1, at least one adjuster and one agenda item", () => {
    const memoir = new Map(collection("minnen").fields.map((field) => [field.name, field]));
    expect(memoir.get("yearFrom")).toMatchObject({ widget: "number", value_type: "int", min: 1900, max: 2200 });
    const minutes = new Map(collection("protokoll").fields.map((field) => [field.name, field]));
    expect(minutes.get("adjusters")).toMatchObject({ widget: "list", min: 1, required: true });
    expect(minutes.get("agenda")).toMatchObject({ widget: "list", min: 1, fields: expect.arrayContaining([expect.objectContaining({ name: "section", min: 1 })]) });
    expect(minutes.get("signatures")).toMatchObject({ widget: "list", required: false, default: [] });
  });

  it("limits text to the schema's length and refuses blank text", () => {
    const title = collection("nyhet").fields.find((field) => field.name === "title");
    const pattern = new RegExp(title?.pattern?.[0] ?? "");
    expect(pattern.test("Ny förbundschef")).toBe(true);
    expect(pattern.test("x".repeat(300))).toBe(true);
    expect(pattern.test("x".repeat(301))).toBe(false);
    expect(pattern.test("   ")).toBe(false);
    expect(title?.hint).toContain("300");
  });

  it("writes only clock times the schema reads, in the guide's form TT.MM", () => {
    const clock = new RegExp(CLOCK_PATTERN);
    for (let hour = 0; hour < 100; hour++) {
      for (let minute = 0; minute < 100; minute++) {
        const value = `${String(hour).padStart(2, "0")}.${String(minute).padStart(2, "0")}`;
        if (clock.test(value)) expect(parseClock(value), value).toEqual({ hour, minute });
        else expect(hour > 23 || minute > 59, value).toBe(true);
      }
    }
    expect(clock.test("8.30")).toBe(false);
  });

  it("writes dates in forms the schema's date fields read", () => {
    const formatted = (format: string) => format.replace("YYYY", "2026").replace("MM", "03").replace("DD", "09").replace("HH", "14").replace("mm", "05");
    expect(dateField("Dag", "Dag.", { dayOnly: true }).safeParse(formatted(DAY_FORMAT)).success).toBe(true);
    expect(dateField("Tid", "Tid.").safeParse(formatted(DATE_TIME_FORMAT)).success).toBe(true);
    const minutes = new Map(collection("protokoll").fields.map((field) => [field.name, field]));
    expect(minutes.get("meetingDate")).toMatchObject({ widget: "datetime", format: DAY_FORMAT, time_format: false });
    expect(collection("nyhet").fields.find((field) => field.name === "date")).toMatchObject({ widget: "datetime", format: DATE_TIME_FORMAT });
  });

  it("is the CMS's settings: Swedish, editorial workflow, images in content/bilder served from /bilder, the local backend", () => {
    expect(config).toMatchObject({
      locale: "sv",
      publish_mode: "editorial_workflow",
      media_folder: "content/bilder",
      public_folder: "/bilder",
      backend: { name: "github", repo: "finsam/webbplats", branch: "main" },
      local_backend: { url: "http://127.0.0.1:8082/api/v1" },
    });
    const image = collection("nyhet").fields.find((field) => field.name === "image");
    expect(image).toMatchObject({ widget: "image", required: false });
  });

  it("labels each field, and each list's entries, with the label its schema declares", () => {
    const expectLabels = (described: readonly FieldDescription[], fields: readonly CmsField[]) =>
      described.forEach((field, index) => {
        const cms = fields[index];
        expect(cms?.label, field.name).toBe(field.label);
        if (cms?.widget !== "list") return;
        expect(cms.label_singular, field.name).toBe(field.itemLabel);
        if (cms.field) expect(cms.field.label, field.name).toBe(field.itemLabel);
        expectLabels(field.children ?? [], cms.fields ?? []);
      });
    for (const key of TYPE_KEYS) expectLabels(describeSchema(DOCUMENT_TYPES[key].schema), collection(key).fields);
    for (const name of DATA_FILE_NAMES) expectLabels(describeSchema(DATA_FILES[name].schema), dataCollection().files.find((file) => file.file.endsWith(name))?.fields ?? []);
  });
});

describe("pages and events in the CMS", () => {
  const fields = (key: string) => new Map(collection(key).fields.map((field) => [field.name, field]));

  it("chooses a page's parent among the pages, saved as the page's key (its file's name)", () => {
    expect(fields("sida").get("parent")).toEqual({
      name: "parent",
      label: "Överordnad sida",
      required: false,
      hint: expect.stringContaining("Överordnad sida"),
      widget: "relation",
      collection: "sida",
      value_field: "{{slug}}",
      search_fields: ["title"],
      display_fields: ["title"],
    });
    // The pages' files are named by their key alone, which {{slug}} is.
    expect(collection("sida").slug).toBe(CMS_UNDATED_SLUG);
  });

  it("lets an event's start and end be written as a whole day or a day and a time, the form the schema reads", () => {
    const event = fields("evenemang");
    for (const name of ["start", "end"]) {
      const field = event.get(name);
      expect(field, name).toMatchObject({ widget: "string", required: true, hint: expect.stringContaining("(ÅÅÅÅ-MM-DDTHH:MM)") });
      expect(field?.pattern?.[1], name).toBe("Ska vara ett datum (ÅÅÅÅ-MM-DD) eller datum och tid (ÅÅÅÅ-MM-DDTHH:MM).");
    }
    const pattern = new RegExp(event.get("start")?.pattern?.[0] ?? "(?!)");
    const schema = eventSchema.shape.start;
    fc.assert(
      fc.property(fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2100-12-31T23:59:00Z"), noInvalidDate: true }), fc.boolean(), (date, allDay) => {
        const iso = date.toISOString();
        const value = allDay ? iso.slice(0, 10) : iso.slice(0, 16);
        expect(pattern.test(value), value).toBe(true);
        const parsed = schema.safeParse(value);
        expect(parsed.success && parsed.data.allDay, value).toBe(allDay);
      }),
      { seed: 13, numRuns: 500 },
    );
    for (const value of ["2026-05-12 09:00", "2026-5-12", "2026-05-12T9:00", "2026-05-12T24:00", "2026-13-01", "12 maj 2026", "2026-05-12T09:00Z"]) {
      expect(pattern.test(value), value).toBe(false);
    }
  });
});

describe("the data files in the CMS", () => {
  const data = dataCollection();
  const byName = (fields: readonly CmsField[]) => new Map(fields.map((field) => [field.name, field]));
  const file = (name: string) => {
    const found = data.files.find((entry) => entry.file === `content/data/${name}`);
    if (!found) throw new Error(`no entry for ${name}`);
    return found;
  };
  /** What the CMS lets through a field's pattern, as Decap tests it: RegExp(pattern), no flags. */
  const passes = (field: CmsField | undefined, value: string) => new RegExp(field?.pattern?.[0] ?? "(?!)").test(value);

  it("is one collection with one entry per data file, in content/data/, under the file's Swedish title, never created or deleted", () => {
    expect(data.files.map((entry) => entry.file)).toEqual(DATA_FILE_NAMES.map((name) => `content/data/${name}`));
    for (const name of DATA_FILE_NAMES) expect(file(name)).toMatchObject({ label: DATA_FILES[name].title, description: DATA_FILES[name].about });
    expect(data).toMatchObject({ format: "yml", editor: { preview: false } });
    expect(data).not.toHaveProperty("create");
    expect(data).not.toHaveProperty("delete");
  });

  it.each(DATA_FILE_NAMES)("%s: every field of its schema, nested ones too, with its kind's widget, required as the schema says", (name) => {
    expectFields(describeSchema(DATA_FILES[name].schema), file(name).fields, name);
  });

  it("checks what the schema checks with a regular expression: e-mail, colour, web addresses, keys, WCAG criteria", () => {
    const settings = byName(file("installningar.yml").fields);
    expect(settings.get("contactEmail")).toMatchObject({ widget: "string", required: false });
    expect(passes(settings.get("contactEmail"), "kansliet@finsam.se")).toBe(true);
    expect(passes(settings.get("contactEmail"), "kansliet at finsam.se")).toBe(false);
    expect(settings.get("brandColour")).toMatchObject({ widget: "color", allowInput: true, required: false });
    expect(passes(settings.get("brandColour"), "#1D4f91")).toBe(true);
    expect(passes(settings.get("brandColour"), "blå")).toBe(false);
    expect(settings.get("logo")).toMatchObject({ widget: "image" });
    const menu = settings.get("menu");
    expect(menu).toMatchObject({ widget: "list", min: 1, required: true, label_singular: "Länk" });
    expect(menu?.widget === "list" ? menu.fields?.map((field) => [field.name, field.widget]) : undefined).toEqual([["label", "string"], ["path", "string"]]);

    const organisation = file("organisationer.yml").fields[0];
    const entry = byName(organisation?.widget === "list" ? (organisation.fields ?? []) : []);
    expect(organisation).toMatchObject({ name: "organisations", widget: "list", min: 1, summary: "{{fields.key}}" });
    expect(entry.get("kind")).toMatchObject({ widget: "select", options: ["nationell", "förbund"] });
    for (const [key, accepted] of [["alv-och-kust", true], ["Älv & Kust", false], ["alv--och-kust", false], ["-alv", false]] as const) {
      expect(passes(entry.get("key"), key), key).toBe(accepted);
    }
    expect(passes(entry.get("website"), "https://finsam-blekinge.se")).toBe(true);
    expect(passes(entry.get("website"), "finsam-blekinge.se")).toBe(false);
    expect(entry.get("website")).toMatchObject({ required: false });
    expect(passes(entry.get("name"), "x".repeat(201))).toBe(false);

    const accessibility = byName(file("tillganglighet.yml").fields);
    const nonAccessible = accessibility.get("nonAccessible");
    const criteria = nonAccessible?.widget === "list" ? nonAccessible.fields?.find((field) => field.name === "criteria") : undefined;
    expect(criteria).toMatchObject({ widget: "list", required: false, label_singular: "Kriterium" });
    const criterion = criteria?.widget === "list" ? criteria.field : undefined;
    expect(passes(criterion, "1.3.1")).toBe(true);
    expect(passes(criterion, "1.3")).toBe(false);
    expect(accessibility.get("assessedOn")).toMatchObject({ widget: "datetime", format: DAY_FORMAT, time_format: false });
  });

  it("lets through what the schema takes and refuses what it refuses, for the keys and web addresses of organisations", () => {
    // An organisation entry the CMS would save (its fields passing their patterns) must pass the schema too.
    const entry = (overrides: Record<string, string>) =>
      `organisations:\n  - key: ${overrides.key ?? "blekinge"}\n    name: Blekinge\n    kind: förbund\n    region: Blekinge\n    website: ${overrides.website ?? "https://finsam-blekinge.se"}\n`;
    const organisation = file("organisationer.yml").fields[0];
    const fields = byName(organisation?.widget === "list" ? (organisation.fields ?? []) : []);
    for (const [field, value] of [
      ["key", "blekinge"], ["key", "Blekinge"], ["key", "blekinge-2"], ["key", "blekinge_2"], ["key", "ö"],
      ["website", "https://x.se"], ["website", "HTTPS://X.SE"], ["website", "http://x.se/a"], ["website", "ftp://x.se"], ["website", "https://"], ["website", "https:// x"],
    ] as const) {
      const valid = readDataFile("organisationer.yml", "organisationer.yml", entry({ [field]: JSON.stringify(value) })).problems.length === 0;
      // The CMS may be stricter than the schema, never looser; these values it is exactly as strict.
      expect(passes(fields.get(field), value), `${field}: ${value}`).toBe(valid);
    }
  });
});

describe("the configuration as YAML", () => {
  const HOSTILE = 'Förbund "A": #1 {{slug}} \'x\'\n- b: [c] & *d !e %f @g `h` | > ---\n...';

  it("reads back as exactly the configuration, with an editor's hostile organisation name in it", () => {
    const input = siteCmsInput(SETTINGS, ORGANISATIONS);
    const hostile = cmsConfig({ ...input, references: { organisation: [{ label: HOSTILE, value: "hostile" }, ...input.references.organisation] } });
    const text = renderCmsConfig(hostile);
    expect(parse(text)).toEqual(JSON.parse(JSON.stringify(hostile)));
    const organisation = collection("nyhet", parse(text) as CmsConfig).fields.find((field) => field.name === "organisation");
    expect(organisation?.widget === "select" ? organisation.options[0] : undefined).toEqual({ label: HOSTILE, value: "hostile" });
    // Quoted as YAML, not left for a reader to guess: no line of the file starts inside the name.
    expect(text.split("\n").some((line) => line.startsWith("- b: [c]") || line.startsWith("..."))).toBe(false);
  });

  it("reads back as the configuration for the site's own types, and says where it comes from", () => {
    const text = renderCmsConfig(config);
    expect(parse(text)).toEqual(JSON.parse(JSON.stringify(config)));
    expect(text.startsWith("# Decap CMS configuration, generated")).toBe(true);
  });
});

describe("the CMS's settings from the environment", () => {
  it("use GitHub when the repository is named (CMS_REPO, else the pages workflow's GITHUB_REPOSITORY), git-gateway otherwise", () => {
    expect(cmsSettingsFromEnv({ CMS_REPO: "finsam/webbplats", CMS_BRANCH: "publicera" }).backend).toEqual({ name: "github", repo: "finsam/webbplats", branch: "publicera" });
    expect(cmsSettingsFromEnv({ GITHUB_REPOSITORY: "finsam/sajt" }).backend).toEqual({ name: "github", repo: "finsam/sajt", branch: "main" });
    expect(cmsSettingsFromEnv({}).backend).toEqual({ name: "git-gateway", branch: "main" });
  });

  it("refuse a repository or branch that is no name, in Swedish", () => {
    for (const repo of ["finsam", "a/b/c", "../x", "finsam/webb plats", "https://github.com/a/b"]) {
      expect(() => cmsSettingsFromEnv({ CMS_REPO: repo }), repo).toThrow(/CMS_REPO ska skrivas ägare\/namn/);
    }
    expect(() => cmsSettingsFromEnv({ CMS_BRANCH: "a..b" })).toThrow(/CMS_BRANCH/);
  });

  it("let the CMS reach the git host's API and the local backend, nothing else", () => {
    expect(cmsConnectOrigins(cmsSettingsFromEnv({ CMS_REPO: "finsam/webbplats" }))).toEqual(["https://api.github.com", "http://127.0.0.1:8082"]);
    expect(cmsConnectOrigins(cmsSettingsFromEnv({}))).toEqual(["http://127.0.0.1:8082"]);
  });

  it("move the local backend to another port of this computer (CMS_LOCAL_BACKEND_URL), never elsewhere", () => {
    const moved = cmsSettingsFromEnv({ CMS_LOCAL_BACKEND_URL: "http://127.0.0.1:41234/api/v1" });
    expect(moved.localBackendUrl).toBe("http://127.0.0.1:41234/api/v1");
    expect(cmsConnectOrigins(moved)).toEqual(["http://127.0.0.1:41234"]);
    for (const url of ["https://127.0.0.1:8082/api/v1", "http://192.168.1.2:8082/api/v1", "http://evil.example/api/v1", "http://u:p@127.0.0.1:8082/", "javascript:alert(1)", "8082"]) {
      expect(() => cmsSettingsFromEnv({ CMS_LOCAL_BACKEND_URL: url }), url).toThrow(/CMS_LOCAL_BACKEND_URL ska vara en adress på den här datorn/);
    }
  });
});

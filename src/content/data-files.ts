// The data files under content/data/: site settings, organisations, member agencies and the accessibility statement.
// One zod schema each, read with the same YAML reader and Swedish path:line:col messages as documents; what they
// hold reaches the pages only through the per-build site model (src/site-model/model.ts), never a module's constant.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { CONFORMANCE_LEVELS, NON_ACCESSIBLE_REASONS } from "../site/i18n.ts";
import { DATA_FILE_NAMES, DATA_FOLDER, type DataFileName } from "./files.ts";
import {
  EXPECTED,
  backgroundColourField,
  dateField,
  emailField,
  entryList,
  enumField,
  linkPathField,
  list,
  ownKeyField,
  sitePathField,
  text,
  webAddressField,
} from "./fields.ts";
import { validPhoneNumber } from "./phone-numbers.ts";
import { FrontMatterError, parseYamlFile } from "./front-matter.ts";
import { issuesToProblems } from "./validate.ts";
import { displayPath, type ContentProblem } from "./problems.ts";

/** A list of entries as a data file holds them: `expected` is what a failed build says the list should be. */
function entries<T extends z.ZodObject>(entry: T, label: string, description: string, of: Parameters<typeof entryList>[3], expected: string, min = 0) {
  return entryList(entry, label, description, of, { expected, ...(min > 0 ? { min: { count: min, expected: `${expected}, minst ${min}` } } : {}) });
}

const link = z
  .object({
    label: text("Länktext", "Länktexten, som den står i menyn."),
    path: linkPathField("Sökväg", "Sökvägen på webbplatsen, t.ex. /nyheter/."),
  })
  .strict()
  .meta({ label: "Länk" });

export const settingsSchema = z
  .object({
    name: text("Kort namn", "Webbplatsens korta namn. Står i flikens titel, i flödena och efter varje sidas rubrik.", { max: 60 }),
    longName: text("Hela namnet", "Webbplatsens hela namn. Står överst på varje sida och som startsidans rubrik.", { max: 120 }),
    description: text("Beskrivning", "En eller två meningar om webbplatsen: startsidans ingress, och beskrivningen i sökmotorer och flöden."),
    contactEmail: emailField("Kontaktadress (e-post)", "Webbplatsens kontaktadress, i sidfoten: en funktionsadress som läses, aldrig en persons egen.").optional(),
    logo: sitePathField("Logotyp", "Sökväg till logotypen, som står framför namnet överst på varje sida, t.ex. /bilder/logotyp.svg. Lägg bilden i content/bilder/.", "/bilder/logotyp.svg").optional(),
    icon: sitePathField("Ikon", "Sökväg till webbplatsens ikon: en kvadratisk bild som webbläsaren visar på fliken och mobilen på hemskärmen, t.ex. /bilder/ikon.svg. Helst SVG, annars PNG på minst 180 × 180 pixlar. Lägg bilden i content/bilder/.", "/bilder/ikon.svg").optional(),
    brandColour: backgroundColourField("Profilfärg", "Profilfärgen som hexkod, t.ex. #1d4f91: bakgrunden i sidhuvudet, med vit text på, så den behöver vara mörk nog (kontrast minst 4,5:1 mot vitt; kontrollen säger till). Webbläsare på mobilen färgar adressfältet med den.").optional(),
    menu: entries(link, "Huvudmeny", "Huvudmenyn överst på varje sida, i ordning: label (texten) och path (sökvägen).", "link", "en lista med länkar (label, path)", 1),
    footerLinks: entries(link, "Länkar i sidfoten", "Länkarna i sidfoten, i ordning: label och path.", "link", "en lista med länkar (label, path)"),
  })
  .strict();

export const ORGANISATION_KINDS = ["nationell", "förbund"] as const;

const organisation = z
  .object({
    key: ownKeyField("Nyckel", "Nyckeln som dokumenten skriver i fältet organisation, och organisationens adress (/organisationer/<nyckel>/). Små bokstäver, siffror och bindestreck. Ändra den aldrig när den är publicerad."),
    name: text("Namn", "Organisationens namn, som det står på webbplatsen.", { max: 200 }),
    kind: enumField(ORGANISATION_KINDS, "Slag", "nationell (Nationella rådet, NNS) eller förbund (ett samordningsförbund)."),
    region: text("Län eller område", "Län eller område, t.ex. Blekinge eller Hela Sverige."),
    website: webAddressField("Webbplats", "Organisationens egen webbplats (https://…).").optional(),
  })
  .strict()
  .meta({ label: "Organisation" });

export const organisationsSchema = z
  .object({
    organisations: entries(organisation, "Organisationer", "Organisationerna, en post per organisation: key, name, kind, region och website.", "organisation", "en lista med organisationer (key, name, kind, region)", 1),
  })
  .strict()
  .superRefine(({ organisations }, ctx) => {
    const seen = new Map<string, number>();
    organisations.forEach(({ key }, index) => {
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else ctx.addIssue({ code: "custom", path: ["organisations", index, "key"], message: `en egen nyckel; "${key}" har redan organisations[${first}]` });
    });
  });

const memberAgency = z
  .object({
    name: text("Namn", "Myndighetens eller organisationens namn."),
    website: webAddressField("Webbplats", "Dess webbplats (https://…)."),
  })
  .strict()
  .meta({ label: "Huvudman" });

export const memberAgenciesSchema = z
  .object({
    memberAgencies: entries(memberAgency, "Huvudmän", "Huvudmännen bakom Finsam, i den ordning de står i sidfoten: name och website.", "memberAgency", "en lista med huvudmän (name, website)", 1),
  })
  .strict();

const WCAG_CRITERION = 'ett WCAG-kriterium, t.ex. "1.3.1" (inom citattecken)';

const nonAccessibleContent = z
  .object({
    content: text("Innehåll", "Vilket innehåll, och vad en läsare stöter på, med vanliga ord."),
    reason: enumField(NON_ACCESSIBLE_REASONS, "Skäl", "Varför: brister (bristande förenlighet), oskälig-börda eller undantaget (omfattas inte av lagen)."),
    criteria: list(
      z.string({ error: WCAG_CRITERION }).regex(/^\d\.\d{1,2}\.\d{1,2}$/, WCAG_CRITERION).describe("Ett WCAG-kriterium, t.ex. 1.3.1.").meta({ label: "Kriterium" }),
      "WCAG-kriterier",
      "WCAG 2.1-kriterier som inte uppfylls, t.ex. \"1.3.1\".",
      "criterion",
      { expected: `${EXPECTED.list} med WCAG-kriterier` },
    ).optional(),
    plan: text("Plan", "Vad som ska göras, och när, om det är bestämt.").optional(),
  })
  .strict()
  .meta({ label: "Innehåll" });

const PHONE = "ett telefonnummer som går att ringa, t.ex. 010-123 45 67 eller +46 10 123 45 67";

/** The tel: address of a number the schema took: E.164, which every phone dials ("tel:+46101234567"). */
export function phoneHref(value: string): string {
  return `tel:${validPhoneNumber(value)?.number ?? value.replace(/[^\d+]/g, "")}`;
}

export const accessibilitySchema = z
  .object({
    organisation: text("Ansvarig organisation", "Vem som ansvarar för webbplatsen."),
    service: text("Vad redogörelsen gäller", "Vad redogörelsen gäller, som det läses efter \"står bakom\": webbplatsen finsam.se."),
    conformance: enumField(CONFORMANCE_LEVELS, "Förenlighet med lagen", "Hur väl webbplatsen uppfyller lagen: helt, delvis eller inte."),
    standard: text("Krav som bedömningen mätt mot", "Kraven bedömningen mätte mot, t.ex. WCAG 2.1 nivå AA (EN 301 549)."),
    nonAccessible: entries(nonAccessibleContent, "Innehåll som inte är tillgängligt", "Innehåll som inte är tillgängligt: content, reason, criteria och plan. En tom lista [] om inget är känt.", "nonAccessible", "en lista med innehåll (content, reason, criteria, plan)"),
    assessmentMethod: text("Hur webbplatsen bedömts", "Hur webbplatsen har bedömts, som en mening."),
    assessedOn: dateField("Senast bedömd", "Dagen för den senaste bedömningen (ÅÅÅÅ-MM-DD).", { dayOnly: true }),
    publishedOn: dateField("Webbplatsen publicerades", "Dagen webbplatsen publicerades (ÅÅÅÅ-MM-DD).", { dayOnly: true }),
    updatedOn: dateField("Redogörelsen senast översedd", "Dagen redogörelsen senast sågs över (ÅÅÅÅ-MM-DD). Se över den minst en gång om året.", { dayOnly: true }),
    contactEmail: emailField("Kontaktadress (e-post)", "En funktionsadress som läses, dit läsare skriver om brister; aldrig en persons egen."),
    // DIGG's model statement gives a phone number beside the e-mail address: some readers cannot write.
    contactPhone: text(
      "Telefon",
      "Ett telefonnummer dit läsare kan ringa om brister eller för att få innehåll i en annan form, t.ex. växelns eller kansliets, som 010-123 45 67; aldrig en persons eget. Står bredvid e-postadressen.",
    )
      .refine((value) => validPhoneNumber(value) !== undefined, PHONE)
      .optional(),
    responseTime: text("Svarstid", "Hur snart den som skriver får svar, t.ex. Vi svarar inom fem arbetsdagar."),
    enforcementUrl: webAddressField("Anmälan till tillsynsmyndigheten (länk)", "Diggs formulär för anmälan, https://www.digg.se/tdosanmalan."),
  })
  .strict();

export type SiteSettings = z.output<typeof settingsSchema>;
export type SiteLink = SiteSettings["menu"][number];
export type Organisation = z.output<typeof organisation>;
export type MemberAgency = z.output<typeof memberAgency>;
export type AccessibilityStatement = z.output<typeof accessibilitySchema>;

/** Each data file: its schema, and what it is in a message ("fältet x saknas men är obligatoriskt för …"). */
export const DATA_FILES = {
  "installningar.yml": { schema: settingsSchema, label: "inställningsfilen", title: "Inställningar", about: "Webbplatsens namn, beskrivning, kontaktadress, logotyp, ikon, profilfärg, huvudmeny och sidfotens länkar." },
  "organisationer.yml": { schema: organisationsSchema, label: "organisationsfilen", title: "Organisationer", about: "Organisationerna som publicerar på webbplatsen. Dokumentens fält organisation tar en nyckel härifrån, och varje organisation får en egen sida." },
  "huvudman.yml": { schema: memberAgenciesSchema, label: "huvudmannafilen", title: "Huvudmän", about: "Parterna bakom Finsam, som står i sidfoten på varje sida." },
  "tillganglighet.yml": { schema: accessibilitySchema, label: "tillgänglighetsredogörelsen", title: "Tillgänglighetsredogörelse", about: "Tillgänglighetsredogörelsen som lagen (2018:1937) kräver, på /tillganglighet/. Se över den när webbplatsen ändras, och minst en gång om året." },
} as const satisfies Record<DataFileName, { schema: z.ZodType; label: string; title: string; about: string }>;

/** The organisations of one build, looked up by key: built from the data file each time content is loaded. */
export class Organisations {
  readonly #byKey: ReadonlyMap<string, Organisation>;

  constructor(readonly all: readonly Organisation[]) {
    this.#byKey = new Map(all.map((entry) => [entry.key, entry]));
  }

  find(key: string): Organisation | undefined {
    return this.#byKey.get(key);
  }

  keys(): string[] {
    return this.all.map((entry) => entry.key);
  }
}

/** Everything the data files hold, validated. */
export interface SiteData {
  settings: SiteSettings;
  organisations: Organisations;
  memberAgencies: readonly MemberAgency[];
  accessibility: AccessibilityStatement;
}

export interface SiteDataResult {
  /** Left out when any data file is missing or has an error: the problems say why. */
  data?: SiteData;
  /**
   * The organisations whenever their own file is sound, for the documents' reference check: a mistake in another
   * data file must not make every document's organisation look unknown.
   */
  organisations?: { list: Organisations; file: string };
  problems: ContentProblem[];
}

/** One data file read and validated: its data, or every problem it has. */
export function readDataFile<N extends DataFileName>(name: N, file: string, source: string): { data?: z.output<(typeof DATA_FILES)[N]["schema"]>; problems: ContentProblem[] } {
  const shown = displayPath(file);
  const { schema, label } = DATA_FILES[name];
  let parsed;
  try {
    parsed = parseYamlFile(source);
  } catch (error) {
    if (!(error instanceof FrontMatterError)) throw error;
    return { problems: [{ file: shown, line: error.line, column: error.column, ...(error.field ? { field: error.field } : {}), severity: "fel", message: error.message }] };
  }
  const result = schema.safeParse(parsed.data);
  if (result.success) return { data: result.data as z.output<(typeof DATA_FILES)[N]["schema"]>, problems: [] };
  const problems = issuesToProblems(result.error.issues, shown, parsed, label, { dataFile: true });
  return { problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)) };
}

/** Every data file of a content folder, found by the inventory (files.ts): all their problems at once. */
export function readSiteData(contentDir: string, found: ReadonlyMap<DataFileName, string>): SiteDataResult {
  const problems: ContentProblem[] = [];
  const read = <N extends DataFileName>(name: N) => {
    const file = found.get(name);
    if (file === undefined) {
      const missing = path.join(path.resolve(contentDir), DATA_FOLDER, name);
      problems.push({ file: displayPath(missing), severity: "fel", message: `filen saknas: webbplatsen behöver ${DATA_FILES[name].label} (${DATA_FILES[name].title.toLowerCase()})` });
      return undefined;
    }
    const result = readDataFile(name, file, fs.readFileSync(file, "utf8"));
    problems.push(...result.problems);
    return result.data;
  };
  const settings = read("installningar.yml");
  const organisationList = read("organisationer.yml");
  const memberAgencies = read("huvudman.yml");
  const accessibility = read("tillganglighet.yml");
  const organisations = organisationList && { list: new Organisations(organisationList.organisations), file: displayPath(found.get("organisationer.yml") as string) };
  if (!settings || !organisations || !memberAgencies || !accessibility) return { ...(organisations ? { organisations } : {}), problems };
  return {
    data: { settings, organisations: organisations.list, memberAgencies: memberAgencies.memberAgencies, accessibility },
    organisations,
    problems,
  };
}

export { DATA_FILE_NAMES, DATA_FOLDER };

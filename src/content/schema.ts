// One schema per document type, plus the fields all types share. Types, validation, the `new`
// templates and the editors' reference are all derived from these objects: change a field here only.
import { z } from "zod";
import { slugify } from "../text/slug.ts";
import {
  EXPECTED,
  booleanField,
  clockField,
  dateField,
  entryList,
  enumField,
  feedIdField,
  keyField,
  list,
  positiveIntegerField,
  sitePathField,
  filePathField,
  text,
  textList,
  yearField,
} from "./fields.ts";

/** Longest tag slug (ASCII, so also bytes) a tag page's folder may get. */
const TAG_SLUG_MAX = 100;
/** A title is a headline: longer than this it is a pasted paragraph, and it would fill feeds, tabs and results. */
export const TITLE_MAX = 300;

/** Where the social card of a lead image is cut from (src/outputs/images/social.ts), in the editors' words. */
export const IMAGE_FOCUS = ["mitten", "upptill", "nedtill", "vänster", "höger"] as const;
export type ImageFocus = (typeof IMAGE_FOCUS)[number];

const common = {
  title: text("Rubrik", "Rubriken, som den ska stå på sidan och i flöden.", { max: TITLE_MAX }),
  date: dateField("Publiceringsdag", "Publiceringsdag (ÅÅÅÅ-MM-DD), eller dag och tid. Svensk tid. Ett framtida datum schemalägger dokumentet."),
  summary: text("Ingress", "Ingress på en eller två meningar. Visas i listor, i sökmotorer och i flöden."),
  organisation: keyField("Organisation", "Vem som publicerar: en nyckel ur content/data/organisationer.yml, t.ex. nationella-radet.", "organisation"),
  tags: list(
    text("Ämnesord", "Ett ämnesord.")
      .refine((tag) => slugify(tag) !== "", "ett ämnesord med minst en bokstav eller siffra")
      // The slug names the tag page's folder; file systems stop at 255 bytes, and the build with them.
      .refine((tag) => slugify(tag).length <= TAG_SLUG_MAX, `ett ämnesord på högst ${TAG_SLUG_MAX} tecken (det blir en del av ämnesordets sidadress)`),
    "Ämnesord",
    "Ämnesord. Varje ämnesord får en egen sida.",
    "tag",
    { expected: `${EXPECTED.list} med ämnesord` },
  ).default([]),
  authors: textList("Skribenter", "Vem som skrivit texten.", "person").optional(),
  updated: dateField("Uppdaterad", "Dag då texten senast ändrades på ett sätt som läsarna bör känna till.").optional(),
  draft: booleanField("Utkast", "true = utkast: syns bara i förhandsvisningen.").default(false),
  image: sitePathField("Bild", "Sökväg till en bild, t.ex. /bilder/magnus.jpg.", "/bilder/magnus.jpg").optional(),
  imageAlt: text("Bildbeskrivning (alt-text)", "Beskrivning av bilden för den som inte ser den. Krävs när image är satt.").optional(),
  imageCaption: text(
    "Bildtext",
    "Bildtext under bilden, för alla läsare: vem eller vad bilden visar och när. Inte samma sak som alt-texten, som bara den som inte ser bilden får.",
    { max: 300 },
  ).optional(),
  imageFocus: enumField(
    IMAGE_FOCUS,
    "Bildens viktigaste del",
    "Den del av huvudbilden som ska synas när bilden beskärs till delningsbilden (1200 × 630 pixlar), den som visas när sidan delas i sociala medier: mitten, upptill, nedtill, vänster eller höger. Utan fältet väljs den del av bilden som har mest detaljer.",
  ).optional(),
  imageCredit: text("Fotograf", "Vem som tagit bilden eller äger rätten till den, t.ex. Anna Berg eller Region Blekinge. Står som ”Foto: …” under bilden.", { max: 120 }).optional(),
  id: feedIdField("Fast id i flöden", "Fast id i flöden (en tag-URI eller en fullständig webbadress). Sätts bara om dokumentet flyttats från en annan webbplats och ska behålla sitt gamla id.").optional(),
  publicContacts: textList(
    "Kontaktuppgifter som får publiceras",
    "Telefonnummer och e-postadresser som får publiceras: funktionsadresser som kansliets e-post och växelns nummer. Alla andra stoppas av integritetskontrollen.",
  ).optional(),
};

/** Cross-field rules shared by every type. */
function withCommonRules<T extends z.ZodObject>(schema: T) {
  return schema.superRefine((data, ctx) => {
    const record = data as { image?: string; imageAlt?: string; imageCaption?: string; imageCredit?: string; imageFocus?: string; date?: Date; updated?: Date };
    if (record.image !== undefined && record.imageAlt === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["imageAlt"],
        message: "en beskrivning av bilden (krävs när image är satt, för den som inte ser bilden)",
      });
    }
    // A caption or credit without an image would be shown under nothing: said rather than silently dropped.
    for (const field of ["imageCaption", "imageCredit", "imageFocus"] as const) {
      if (record.image === undefined && record[field] !== undefined) {
        ctx.addIssue({ code: "custom", path: [field], message: "en bild i fältet image också (fältet hör till bilden och visas under den)" });
      }
    }
    if (record.updated && record.date && record.updated < record.date) {
      ctx.addIssue({ code: "custom", path: ["updated"], message: "samma dag som date eller senare" });
    }
  });
}

export const staffingChanges = ["slutar", "börjar", "byter"] as const;

export const newsSchema = withCommonRules(
  z.strictObject({
    ...common,
    person: text("Person", "Personalförändring: personens namn.").optional(),
    role: text("Roll", "Personalförändring: rollen, t.ex. nationell stödperson.").optional(),
    change: enumField(staffingChanges, "Förändring", "Personalförändring: slutar, börjar eller byter.").optional(),
    effectiveDate: dateField("Gäller från", "Personalförändring: från vilken dag den gäller.", { dayOnly: true }).optional(),
  }),
).superRefine((data, ctx) => {
  const staffing = [data.person, data.role, data.change];
  const given = staffing.filter((value) => value !== undefined).length;
  if (given > 0 || data.effectiveDate !== undefined) {
    for (const field of ["person", "role", "change"] as const) {
      if (data[field] === undefined) {
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: "ifyllt när en personalförändring beskrivs (person, role och change hör ihop)",
        });
      }
    }
  }
});

const speaker = z
  .strictObject({
    name: text("Namn", "Talarens namn."),
    affiliation: text("Organisation", "Var talaren kommer ifrån, t.ex. Försäkringskassan."),
  })
  .meta({ label: "Talare" });

export const conferenceSchema = withCommonRules(
  z.strictObject({
    ...common,
    event: text("Konferens", "Konferensens namn."),
    startDate: dateField("Första dagen", "Första dagen (ÅÅÅÅ-MM-DD).", { dayOnly: true }),
    endDate: dateField("Sista dagen", "Sista dagen (ÅÅÅÅ-MM-DD).", { dayOnly: true }),
    place: text("Plats", "Plats, t.ex. Saltsjöbaden."),
    speakers: entryList(speaker, "Talare", "Talare, var och en med name och affiliation.", "speaker", {
      expected: `${EXPECTED.list} med talare (name och affiliation)`,
    }).default([]),
  }),
).superRefine((data, ctx) => {
  if (data.endDate < data.startDate) {
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "samma dag som startDate eller senare" });
  }
});

export const letterSchema = withCommonRules(
  z.strictObject({
    ...common,
    sender: text("Avsändare", "Avsändarens namn."),
    senderRole: text("Avsändarens roll", "Avsändarens roll, t.ex. samordnare."),
    senderOrganisation: keyField("Avsändarens organisation", "Avsändarens organisation: en nyckel ur content/data/organisationer.yml.", "organisation"),
    recipient: text("Mottagare", "Mottagaren, t.ex. Styrelsen."),
    letterDate: dateField("Brevets datum", "Dagen brevet skrevs (ÅÅÅÅ-MM-DD).", { dayOnly: true }),
  }),
);

export const memoirSchema = withCommonRules(
  z.strictObject({
    ...common,
    author: text("Den som minns", "Den som minns."),
    yearFrom: yearField("Från år", "Första året texten handlar om."),
    yearTo: yearField("Till år", "Sista året texten handlar om."),
    successor: text("Efterträdare", "Efterträdare, om texten nämner en.").optional(),
  }),
).superRefine((data, ctx) => {
  if (data.yearTo < data.yearFrom) {
    ctx.addIssue({ code: "custom", path: ["yearTo"], message: "samma år som yearFrom eller senare" });
  }
});

const agendaItem = z
  .strictObject({
    section: positiveIntegerField("Paragraf (§)", "Paragrafens nummer: 1 för §1.", "ett paragrafnummer (1, 2, 3 …)"),
    heading: text("Rubrik", "Paragrafens rubrik."),
    decision: text("Beslut", "Vad mötet beslutade eller noterade.").optional(),
  })
  .meta({ label: "Paragraf" });

const signature = z
  .strictObject({
    name: text("Namn", "Namnet på den som skrivit under."),
    role: text("Roll", "Rollen: ordförande, justerare eller sekreterare."),
    signedAt: dateField("Undertecknad", "När underskriften gjordes (ÅÅÅÅ-MM-DDTHH:MM, med Z för UTC)."),
  })
  .meta({ label: "Underskrift" });

export const minutesSchema = withCommonRules(
  z.strictObject({
    ...common,
    meetingDate: dateField("Mötesdag", "Mötesdagen (ÅÅÅÅ-MM-DD).", { dayOnly: true }),
    startTime: clockField("Mötet började", "När mötet började, t.ex. 08.30."),
    endTime: clockField("Mötet slutade", "När mötet slutade, t.ex. 12.00."),
    place: text("Plats", "Var mötet hölls."),
    present: textList("Närvarande", "Närvarande ledamöter och övriga, med roll.", "person").default([]),
    chair: text("Ordförande", "Ordförande."),
    adjusters: list(text("Namn", "en justerare"), "Justerare", "Justerare.", "person", {
      expected: `${EXPECTED.list} med namn`,
      min: { count: 1, expected: "en lista med minst en justerare" },
    }),
    secretary: text("Sekreterare", "Sekreterare."),
    agenda: entryList(agendaItem, "Paragrafer", "Dagordningens paragrafer i ordning: section, heading och decision.", "agendaItem", {
      expected: `${EXPECTED.list} med paragrafer (section, heading, decision)`,
      min: { count: 1, expected: "en lista med minst en paragraf" },
    }),
    signatures: entryList(signature, "Underskrifter", "Underskrifter med name, role och signedAt.", "signature", {
      expected: `${EXPECTED.list} med underskrifter (name, role, signedAt)`,
    }).default([]),
    signedOriginal: filePathField("Justerat original (PDF)", "Det justerade och undertecknade originalet som PDF, lagt i content/filer/; sidan länkar till det.",
      "/filer/protokoll-2024-05-02.pdf",
    ).optional(),
  }),
).superRefine((data, ctx) => {
  // Paragraphs run on through a board's year (§34–§41 at the fifth meeting): any first number, then one by one.
  const first = data.agenda[0]?.section ?? 1;
  data.agenda.forEach((item, index) => {
    if (item.section !== first + index) {
      ctx.addIssue({
        code: "custom",
        path: ["agenda", index, "section"],
        message: `${first + index} (paragraferna numreras i följd från den första, här §${first}, §${first + 1} …)`,
      });
    }
  });
});

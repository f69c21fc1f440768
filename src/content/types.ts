// The registry of document types: the only place a type is named. Pages, collections, feeds,
// the `new` templates and the editors' reference all loop over it. A type's role says what the site makes of it:
// an article is dated (listings, feeds, archive), a page sits in the site's tree, an event in the kalendarium.
import type { z } from "zod";
import { conferenceSchema, letterSchema, memoirSchema, minutesSchema, newsSchema } from "./schema.ts";
import { pageSchema } from "./schemas/page.ts";
import { eventSchema } from "./schemas/event.ts";

export type TypeRole = "article" | "page" | "event";

export const DOCUMENT_TYPES = {
  nyhet: {
    folder: "nyheter",
    label: "Nyhet",
    plural: "Nyheter",
    description: "Nyheter och personalförändringar.",
    role: "article",
    schema: newsSchema,
  },
  konferens: {
    folder: "konferenser",
    label: "Konferens",
    plural: "Konferenser",
    description: "Rapporter från konferenser och förbundschefsdagar.",
    role: "article",
    schema: conferenceSchema,
  },
  brev: {
    folder: "brev",
    label: "Brev",
    plural: "Brev",
    description: "Brev till styrelser och nätverk.",
    role: "article",
    schema: letterSchema,
  },
  minnen: {
    folder: "minnen",
    label: "Minnen",
    plural: "Minnen",
    description: "Tillbakablickar från människor som byggt Finsam.",
    role: "article",
    schema: memoirSchema,
  },
  protokoll: {
    folder: "protokoll",
    label: "Protokoll",
    plural: "Protokoll",
    description: "Justerade protokoll från styrelsemöten.",
    role: "article",
    schema: minutesSchema,
  },
  sida: {
    folder: "sidor",
    label: "Sida",
    plural: "Sidor",
    description: "Vanliga sidor som Om oss, Kontakt och Styrelse. Adressen blir filens namn, t.ex. /om-oss/, under den överordnade sidans.",
    role: "page",
    schema: pageSchema,
  },
  evenemang: {
    folder: "evenemang",
    label: "Evenemang",
    plural: "Evenemang",
    description: "Evenemang i kalendariet: träffar, webbinarier och konferenser som kommer. Filens namn är evenemangets fasta id i kalendrar.",
    role: "event",
    /** Its pages are the kalendarium's (/kalendarium/<key>/), as are its ids in calendars. */
    pagesUnder: "kalendarium",
    schema: eventSchema,
  },
} as const;

export type TypeKey = keyof typeof DOCUMENT_TYPES;
export type DocumentTypeInfo = (typeof DOCUMENT_TYPES)[TypeKey];
export type FrontMatter<K extends TypeKey> = z.output<(typeof DOCUMENT_TYPES)[K]["schema"]>;
export type FrontMatterInput<K extends TypeKey> = z.input<(typeof DOCUMENT_TYPES)[K]["schema"]>;

export const TYPE_KEYS = Object.keys(DOCUMENT_TYPES) as TypeKey[];

/** The types of one role. */
type KeysWithRole<R extends TypeRole> = { [K in TypeKey]: (typeof DOCUMENT_TYPES)[K]["role"] extends R ? K : never }[TypeKey];
/** Dated documents: listed per type, in the feeds, the archive and by tag and organisation. */
export type ArticleKey = KeysWithRole<"article">;
export type PageKey = KeysWithRole<"page">;
export type EventKey = KeysWithRole<"event">;

export const ARTICLE_KEYS = TYPE_KEYS.filter((key): key is ArticleKey => DOCUMENT_TYPES[key].role === "article");

/** Whether a type's files carry the publication day in their names (ÅÅÅÅ-MM-DD-<slug>.md): only dated ones do. */
export function isDated(key: TypeKey): key is ArticleKey {
  return DOCUMENT_TYPES[key].role === "article";
}

export function typeForFolder(folder: string): TypeKey | undefined {
  return TYPE_KEYS.find((key) => DOCUMENT_TYPES[key].folder === folder);
}

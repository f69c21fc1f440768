// The registry of document types: the only place a type is named. Pages, collections, feeds,
// the `new` templates and the editors' reference all loop over it.
import type { z } from "zod";
import { conferenceSchema, letterSchema, memoirSchema, minutesSchema, newsSchema } from "./schema.ts";

export const DOCUMENT_TYPES = {
  nyhet: {
    folder: "nyheter",
    label: "Nyhet",
    plural: "Nyheter",
    description: "Nyheter och personalförändringar.",
    schema: newsSchema,
  },
  konferens: {
    folder: "konferenser",
    label: "Konferens",
    plural: "Konferenser",
    description: "Rapporter från konferenser och förbundschefsdagar.",
    schema: conferenceSchema,
  },
  brev: {
    folder: "brev",
    label: "Brev",
    plural: "Brev",
    description: "Brev till styrelser och nätverk.",
    schema: letterSchema,
  },
  minnen: {
    folder: "minnen",
    label: "Minnen",
    plural: "Minnen",
    description: "Tillbakablickar från människor som byggt Finsam.",
    schema: memoirSchema,
  },
  protokoll: {
    folder: "protokoll",
    label: "Protokoll",
    plural: "Protokoll",
    description: "Justerade protokoll från styrelsemöten.",
    schema: minutesSchema,
  },
} as const;

export type TypeKey = keyof typeof DOCUMENT_TYPES;
export type DocumentTypeInfo = (typeof DOCUMENT_TYPES)[TypeKey];
export type FrontMatter<K extends TypeKey> = z.output<(typeof DOCUMENT_TYPES)[K]["schema"]>;
export type FrontMatterInput<K extends TypeKey> = z.input<(typeof DOCUMENT_TYPES)[K]["schema"]>;

export const TYPE_KEYS = Object.keys(DOCUMENT_TYPES) as TypeKey[];

export function typeForFolder(folder: string): TypeKey | undefined {
  return TYPE_KEYS.find((key) => DOCUMENT_TYPES[key].folder === folder);
}

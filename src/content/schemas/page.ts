// An ordinary page (Om oss, Kontakt, Styrelse): no publication day, no feed; its address is its file's slug under its
// parent page's (src/content/pages.ts), and the settings' menu links to it.
import { z } from "zod";
import { documentKeyField, positiveIntegerField } from "../fields.ts";
import { sharedFields } from "./shared.ts";

export const pageSchema = z.strictObject({
  title: sharedFields.title,
  summary: sharedFields.summary,
  parent: documentKeyField("Överordnad sida", "Överordnad sida: namnet på dess fil i content/sidor/ utan .md, t.ex. om-oss. Sidan får då adressen /om-oss/<den-här-sidan>/ och listas på den överordnade sidan.",
    "page",
  ).optional(),
  menuOrder: positiveIntegerField("Ordning bland syskonsidorna", "Ordningen bland sidorna under samma överordnade sida: 1 först. Sidor utan nummer kommer sist, i bokstavsordning.",
    "ett nummer för ordningen (1, 2, 3 …)",
  ).optional(),
  updated: sharedFields.updated,
  draft: sharedFields.draft,
  publicContacts: sharedFields.publicContacts,
});

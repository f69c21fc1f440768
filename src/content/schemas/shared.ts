// The fields every type shares, taken from the article schemas rather than written again: a page and an event
// describe their title, summary, draft and public contacts in the same words, and change when those do.
import { newsSchema } from "../schema.ts";

const articleFields = newsSchema.shape;

export const sharedFields = {
  title: articleFields.title,
  summary: articleFields.summary,
  updated: articleFields.updated,
  draft: articleFields.draft,
  publicContacts: articleFields.publicContacts,
};

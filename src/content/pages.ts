// The tree of ordinary pages (content/sidor/): each page's address is its key under its parent's address, e.g.
// /om-oss/styrelse/. Known only once every page is read, so loading sets it after the files (load.ts).
import path from "node:path";
import { relativePath } from "./relative-path.ts";
import { DOCUMENT_TYPES, TYPE_KEYS, type PageKey } from "./types.ts";
import { fileSlugOf } from "./read.ts";
import { displayPath, type ContentProblem } from "./problems.ts";
import type { ContentDocument, PageDocument } from "./document.ts";

const PAGE_TYPE = TYPE_KEYS.find((key): key is PageKey => DOCUMENT_TYPES[key].role === "page") as PageKey;
export const PAGE_FOLDER = DOCUMENT_TYPES[PAGE_TYPE].folder;

/** The pages' keys, from the folder's listing: what a parent may name, known before any file is read. */
export function pageKeys(contentDir: string, documentFiles: readonly string[]): { keys: string[]; file: string } {
  const root = path.resolve(contentDir);
  const keys = documentFiles
    .filter((file) => relativePath(root, file).split("/")[0] === PAGE_FOLDER)
    .map((file) => fileSlugOf(file))
    .filter((key) => key !== "");
  return { keys: [...new Set(keys)].sort(), file: `${displayPath(path.join(root, PAGE_FOLDER))}/` };
}

export function isPage(document: ContentDocument): document is PageDocument {
  return document.type === PAGE_TYPE;
}

/**
 * Sets each page's address from its chain of parents, and reports a chain that returns to itself (it would have no
 * address). A parent that is no page was reported when its child was read; the child then stops at that key.
 */
export function resolvePageUrls(documents: readonly ContentDocument[]): ContentProblem[] {
  const pages = documents.filter(isPage);
  const byKey = new Map(pages.map((page) => [page.fileSlug, page]));
  const problems: ContentProblem[] = [];
  for (const page of pages) {
    const keys = [page.fileSlug];
    let parent = page.data.parent;
    let cycle = false;
    while (parent !== undefined) {
      if (keys.includes(parent)) {
        cycle = true;
        break;
      }
      keys.unshift(parent);
      parent = byKey.get(parent)?.data.parent;
    }
    if (cycle) {
      problems.push({
        file: page.sourcePath,
        field: "parent",
        severity: "fel",
        message: `sidan ligger under sig själv: kedjan av överordnade sidor (parent) ${[...keys, keys[0]].join(" → ")} går i ring; låt någon av dem sakna parent`,
      });
    }
    page.url = `/${keys.join("/")}/`;
  }
  return problems;
}

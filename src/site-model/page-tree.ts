// Ordinary pages as a tree: the pages under a page, in their menu order, and the pages above it.
import type { Collections } from "./collections.ts";
import type { PageDocument } from "../content/document.ts";

/** menuOrder first (1 before 2), then pages without one, by title. */
function inMenuOrder(a: PageDocument, b: PageDocument): number {
  const order = (page: PageDocument) => page.data.menuOrder ?? Number.POSITIVE_INFINITY;
  return order(a) - order(b) || a.data.title.localeCompare(b.data.title, "sv") || a.url.localeCompare(b.url);
}

/** The pages this build shows directly under a page. */
export function childPages(collections: Pick<Collections, "pages">, page: PageDocument): PageDocument[] {
  return collections.pages.filter((child) => child.data.parent === page.fileSlug).sort(inMenuOrder);
}

/** The pages above a page, the topmost first; a parent this build does not show ends the chain. */
export function parentPages(collections: Pick<Collections, "pages">, page: PageDocument): PageDocument[] {
  const byKey = new Map(collections.pages.map((other) => [other.fileSlug, other]));
  const parents: PageDocument[] = [];
  for (let key = page.data.parent; key !== undefined; ) {
    const parent = byKey.get(key);
    // A loop is an error the build stops on (src/content/pages.ts); this only must not hang before it does.
    if (!parent || parents.includes(parent) || parent === page) break;
    parents.unshift(parent);
    key = parent.data.parent;
  }
  return parents;
}

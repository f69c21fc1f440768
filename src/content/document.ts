// The typed document every later stage (collections, layouts, feeds) works with.
import type { ArticleKey, EventKey, FrontMatter, PageKey, TypeKey } from "./types.ts";

export type Status = "published" | "draft" | "scheduled";

interface DocumentBase<K extends TypeKey> {
  type: K;
  data: FrontMatter<K>;
  /** Markdown body as the editor wrote it (BOM and CRLF removed); empty in a load without bodies (`npm run check`). */
  body: string;
  /** 1-based line where the body starts in the source file, for messages about the text. */
  bodyLine: number;
  /** Path relative to the working folder, for messages: content/nyheter/x.md. */
  sourcePath: string;
  /** Swedish slug of the file name without its date prefix: stays when the title changes. */
  fileSlug: string;
  /** Site-relative URL without path prefix: /nyheter/2022/magnus-slutar-som-nationell-stodperson/. */
  url: string;
  /** Feed entry id (an event's calendar UID); never changes when the title or URL is edited. */
  id: string;
}

/** A dated document: an article of one of the types listed, fed and archived. */
export interface Document<K extends ArticleKey = ArticleKey> extends DocumentBase<K> {
  year: number;
}

/** An ordinary page; its `url` follows its parent pages' (src/content/pages.ts). */
export type PageDocument = DocumentBase<PageKey>;
export type EventDocument = DocumentBase<EventKey>;

/** One article of whichever type, narrowed by `doc.type`. */
export type AnyDocument = { [K in ArticleKey]: Document<K> }[ArticleKey];

/** Whatever a content file became: an article, a page or an event. */
export type ContentDocument = AnyDocument | PageDocument | EventDocument;

export function isArticle(document: ContentDocument): document is AnyDocument {
  return document.type !== "sida" && document.type !== "evenemang";
}

/** Who wrote it: `authors` when given, else the person a type names as its writer (memoir, letter). */
export function authorNames(document: AnyDocument): string[] {
  if (document.data.authors && document.data.authors.length > 0) return document.data.authors;
  switch (document.type) {
    case "minnen":
      return [document.data.author];
    case "brev":
      return [document.data.sender];
    default:
      return [];
  }
}

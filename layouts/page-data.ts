// The data Eleventy hands a page template: typed once here, so no page reads an untyped cascade.
import type { SiteModel } from "#src/site-model/model.ts";

export interface PageData {
  finsam: SiteModel;
  page: { url: string; outputPath: string | false; inputPath: string };
}

export interface PaginatedData<T> extends PageData {
  pagination: { items: T[]; pageNumber: number; hrefs: string[] };
}

/** Eleventy passes an untyped object; page templates declare what they read through this one cast. */
export function pageData<T extends PageData>(data: unknown): T {
  return data as T;
}

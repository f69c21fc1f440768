// The search index in the dev server (`npm start`, pages rendered on request): built when the search page first
// asks for it after a change, in the same worker as a build's, and served from memory. A save costs nothing here;
// the first search after it waits for the index of the new model (seconds at 10,000 documents, a blink for a
// small site). Published documents only, as in every build: preview shows drafts as pages, never in search.
import type { SiteModel } from "../site-model/model.ts";
import { sitePathOf } from "./on-request.ts";
import { PATHS } from "../site-model/urls.ts";
import { SearchIndexBuild } from "../outputs/search/index-build.ts";
import { MANIFEST_FILE } from "../outputs/search/browser/search-engine.js";

interface Built {
  version: string;
  files: Map<string, string>;
}

export interface DevResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-cache" };

async function build(model: SiteModel): Promise<Built> {
  const { files = [] } = await SearchIndexBuild.start().finish(model);
  const texts = new Map(files.map((file) => [file.name, file.text]));
  const manifest = JSON.parse(texts.get(MANIFEST_FILE) ?? "{}") as { version?: string };
  return { version: manifest.version ?? "", files: texts };
}

export class DevSearchIndex {
  #model: SiteModel | undefined;
  #current: Promise<Built> | undefined;
  /** The index before the latest change: a page that loaded its manifest still gets the shards that go with it. */
  #previous: Built | undefined;

  /** Answers requests for /sok/index/… (with the path prefix); anything else is left to the caller (undefined). */
  async respond(model: SiteModel | undefined, url: URL): Promise<DevResponse | undefined> {
    if (!model) return undefined;
    const sitePath = sitePathOf(url.pathname, model.options.pathPrefix);
    if (sitePath === undefined || !sitePath.startsWith(PATHS.searchIndex)) return undefined;
    if (this.#model !== model) {
      this.#model = model;
      const before = this.#current;
      this.#current = build(model);
      void before?.then((built) => (this.#previous = built), () => undefined);
    }
    let built: Built;
    try {
      built = await this.#current!;
    } catch (error) {
      // The dev server stays up; the search page shows its failure text, the terminal says why.
      console.error(error);
      return { status: 500, headers: { "Content-Type": "text/plain; charset=utf-8" }, body: error instanceof Error ? error.message : String(error) };
    }
    const version = url.searchParams.get("v");
    const source = version !== null && version !== built.version && this.#previous?.version === version ? this.#previous : built;
    const text = source.files.get(sitePath.slice(PATHS.searchIndex.length));
    return text === undefined ? { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" }, body: "" } : { status: 200, headers: JSON_HEADERS, body: text };
  }
}

// Every tag with its number of documents, in Swedish alphabetical order (the collection's order).
import { T } from "#src/site/i18n.ts";
import { PATHS, tagPath } from "#src/site-model/urls.ts";
import { BaseLayout } from "../components/base-layout.tsx";
import { CountList } from "../components/count-list.tsx";
import { pageData, type PageData } from "../page-data.ts";

export const data = { permalink: PATHS.tags, eleventyExcludeFromCollections: true };

export function render(raw: unknown) {
  const { finsam } = pageData<PageData>(raw);
  const items = finsam.collections.tags.map((group) => ({
    path: tagPath(group.slug),
    label: group.name,
    count: group.documents.length,
  }));
  return (
    <BaseLayout finsam={finsam} url={PATHS.tags} title={T.tags} description={T.tagsIntro}>
      <h1>{T.tags}</h1>
      <p class="lede">{T.tagsIntro}</p>
      <CountList finsam={finsam} items={items} />
    </BaseLayout>
  );
}

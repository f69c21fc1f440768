// The archive: every year with something published, newest year first, each linking to its year page.
import { T } from "#src/site/i18n.ts";
import { PATHS, yearPath } from "#src/site-model/urls.ts";
import { BaseLayout } from "../components/base-layout.tsx";
import { CountList } from "../components/count-list.tsx";
import { pageData, type PageData } from "../page-data.ts";

export const data = { permalink: PATHS.archive, eleventyExcludeFromCollections: true };

export function render(raw: unknown) {
  const { finsam } = pageData<PageData>(raw);
  const items = finsam.collections.years.map((group) => ({
    path: yearPath(group.year),
    label: String(group.year),
    count: group.documents.length,
  }));
  return (
    <BaseLayout finsam={finsam} url={PATHS.archive} title={T.archive} description={T.archiveIntro}>
      <h1>{T.archive}</h1>
      <p class="lede">{T.archiveIntro}</p>
      <CountList finsam={finsam} items={items} />
    </BaseLayout>
  );
}

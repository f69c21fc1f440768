// /404.html: what the host serves for a missing page. Not indexed; links work from any depth.
import { T } from "#src/site/i18n.ts";
import { PATHS } from "#src/site-model/urls.ts";
import { BaseLayout } from "../components/base-layout.tsx";
import { pageData, type PageData } from "../page-data.ts";

export const data = { permalink: PATHS.notFound, eleventyExcludeFromCollections: true };

export function render(raw: unknown) {
  const { finsam } = pageData<PageData>(raw);
  return (
    <BaseLayout finsam={finsam} url={PATHS.notFound} title={T.notFoundTitle} description={T.notFoundText} noIndex>
      <h1>{T.notFoundTitle}</h1>
      <p class="lede">{T.notFoundText}</p>
      <p>
        {T.notFoundHelp.before}
        <a href={finsam.href(PATHS.home)}>{T.notFoundHelp.home}</a>
        {T.notFoundHelp.between}
        <a href={finsam.href(PATHS.archive)}>{T.notFoundHelp.archive}</a>
        {T.notFoundHelp.after}
      </p>
    </BaseLayout>
  );
}

// An ordinary page (content/sidor/): where it sits (breadcrumbs to its parents), its text, and the pages under it.
import type { SiteModel } from "#src/site-model/model.ts";
import type { PageDocument } from "#src/content/document.ts";
import { childPages, parentPages } from "#src/site-model/page-tree.ts";
import { T } from "#src/site/i18n.ts";
import { PATHS } from "#src/site-model/urls.ts";
import { BaseLayout } from "./base-layout.tsx";

export function ContentPage({ finsam, document }: { finsam: SiteModel; document: PageDocument }) {
  const body = finsam.bodyHtml(document);
  const parents = parentPages(finsam.collections, document);
  const children = childPages(finsam.collections, document);
  const status = finsam.collections.status(document);
  return (
    <BaseLayout finsam={finsam} url={document.url} title={document.data.title} description={document.data.summary}>
      {status === "draft" ? <p class="status-banner" role="note">{T.draftBanner}</p> : null}
      {parents.length > 0 ? (
        <nav class="breadcrumbs" aria-label={T.page.breadcrumb}>
          <ol class="plain">
            <li><a href={finsam.href(PATHS.home)}>{T.page.home}</a></li>
            {parents.map((parent) => (
              <li><a href={finsam.href(parent.url)}>{parent.data.title}</a></li>
            ))}
            <li aria-current="page">{document.data.title}</li>
          </ol>
        </nav>
      ) : null}
      <article class="document document-sida">
        <header>
          <h1>{document.data.title}</h1>
          <p class="lede">{document.data.summary}</p>
        </header>
        <div class="body" dangerouslySetInnerHTML={{ __html: body }} />
      </article>
      {children.length > 0 ? (
        <nav class="child-pages" aria-labelledby="child-pages-heading">
          <h2 id="child-pages-heading">{T.page.children}</h2>
          <ul class="plain">
            {children.map((child) => (
              <li>
                <a href={finsam.href(child.url)}>{child.data.title}</a>
                <p>{child.data.summary}</p>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </BaseLayout>
  );
}

// Page links under a listing that spans several pages, and the rel prev/next links for its head.
import type { SiteModel } from "#src/site-model/model.ts";
import type { ListingPage } from "#src/site-model/listings.ts";
import { pageLinkItems } from "#src/site-model/listings.ts";
import { T } from "#src/site/i18n.ts";

type Paging = Pick<ListingPage, "pageNumber" | "pageCount" | "pageUrls">;

export function PaginationHead({ finsam, page }: { finsam: SiteModel; page: Paging }) {
  const previous = page.pageUrls[page.pageNumber - 1];
  const next = page.pageUrls[page.pageNumber + 1];
  return (
    <>
      {previous !== undefined ? <link rel="prev" href={finsam.href(previous)} /> : null}
      {next !== undefined ? <link rel="next" href={finsam.href(next)} /> : null}
    </>
  );
}

export function Pagination({ finsam, page }: { finsam: SiteModel; page: Paging }) {
  if (page.pageCount < 2) return null;
  const previous = page.pageUrls[page.pageNumber - 1];
  const next = page.pageUrls[page.pageNumber + 1];
  return (
    <nav class="pagination" aria-label={T.pagination.label}>
      <ul>
        {previous !== undefined ? (
          <li class="pagination-step">
            <a rel="prev" href={finsam.href(previous)}>{T.pagination.previous}</a>
          </li>
        ) : null}
        {pageLinkItems(page.pageNumber, page.pageCount).map((item) =>
          item === "gap" ? (
            <li class="pagination-gap" aria-hidden="true">…</li>
          ) : (
            <li>
              <a href={finsam.href(page.pageUrls[item.pageNumber] as string)} aria-current={item.pageNumber === page.pageNumber ? "page" : undefined}>
                <span class="visually-hidden">{T.pagination.page} </span>
                {item.pageNumber + 1}
              </a>
            </li>
          ),
        )}
        {next !== undefined ? (
          <li class="pagination-step">
            <a rel="next" href={finsam.href(next)}>{T.pagination.next}</a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

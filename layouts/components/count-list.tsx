// A plain list of links, each with how many documents it leads to: years, tags.
import type { SiteModel } from "#src/site-model/model.ts";
import { T } from "#src/site/i18n.ts";

export interface CountItem {
  /** Site-relative path without the path prefix. */
  path: string;
  label: string;
  count: number;
}

export function CountList({ finsam, items }: { finsam: SiteModel; items: readonly CountItem[] }) {
  if (items.length === 0) return <p>{T.noDocuments}</p>;
  return (
    <ul class="plain count-list">
      {items.map((item) => (
        <li>
          <a href={finsam.href(item.path)}>{item.label}</a> <span class="count">({T.documentsCount(item.count)})</span>
        </li>
      ))}
    </ul>
  );
}

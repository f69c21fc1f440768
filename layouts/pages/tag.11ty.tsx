// One page per tag at /taggar/<svensk-slug>/, with its documents of every type, newest first.
import type { TagGroup } from "../../src/content/collections.ts";
import { T } from "../../src/i18n.ts";
import { PATHS, tagPath } from "../../src/urls.ts";
import { ListingPage } from "../components/listing-page.tsx";
import { pageData, type PageData } from "../page-data.ts";

interface TagData extends PageData {
  group: TagGroup;
}

export const data = {
  pagination: { data: "finsam.collections.tags", size: 1, alias: "group", addAllPagesToCollections: false },
  permalink: (raw: unknown) => tagPath(pageData<TagData>(raw).group.slug),
  eleventyExcludeFromCollections: true,
};

export function render(raw: unknown) {
  const { finsam, group } = pageData<TagData>(raw);
  return (
    <ListingPage finsam={finsam} url={tagPath(group.slug)} title={T.tag(group.name)} documents={group.documents}>
      <p><a href={finsam.href(PATHS.tags)}>{T.allTags}</a></p>
    </ListingPage>
  );
}

// One archive page per year at /arkiv/<år>/, with that year's documents of every type, newest first.
import type { YearGroup } from "../../src/content/collections.ts";
import { T } from "../../src/i18n.ts";
import { PATHS, yearPath } from "../../src/urls.ts";
import { ListingPage } from "../components/listing-page.tsx";
import { pageData, type PageData } from "../page-data.ts";

interface YearData extends PageData {
  group: YearGroup;
}

export const data = {
  pagination: { data: "finsam.collections.years", size: 1, alias: "group", addAllPagesToCollections: false },
  permalink: (raw: unknown) => yearPath(pageData<YearData>(raw).group.year),
  eleventyExcludeFromCollections: true,
};

export function render(raw: unknown) {
  const { finsam, group } = pageData<YearData>(raw);
  return (
    <ListingPage finsam={finsam} url={yearPath(group.year)} title={T.archiveYear(group.year)} documents={group.documents}>
      <p><a href={finsam.href(PATHS.archive)}>{T.wholeArchive}</a></p>
    </ListingPage>
  );
}

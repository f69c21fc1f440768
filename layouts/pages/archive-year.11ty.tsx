// The archive pages of each year at /arkiv/<år>/ (and /sida/<n>/), with that year's documents of every type, newest first.
import { T } from "#src/site/i18n.ts";
import { yearListings, type YearListing } from "#src/site-model/listings.ts";
import { PATHS } from "#src/site-model/urls.ts";
import { ListingPage } from "../components/listing-page.tsx";
import { pageData, type PageData } from "../page-data.ts";

interface YearData extends PageData {
  listing: YearListing;
}

export const data = {
  // As for the type listings: `before` swaps the year groups for their pages (src/site-model/listings.ts).
  pagination: {
    data: "finsam.collections.years",
    size: 1,
    alias: "listing",
    addAllPagesToCollections: false,
    before: (_groups: unknown[], raw: unknown) => yearListings(pageData<PageData>(raw).finsam.collections),
  },
  permalink: (raw: unknown) => pageData<YearData>(raw).listing.url,
  eleventyExcludeFromCollections: true,
};

export function render(raw: unknown) {
  const { finsam, listing } = pageData<YearData>(raw);
  return (
    <ListingPage finsam={finsam} listing={listing} title={T.archiveYear(listing.group.year)}>
      <p><a href={finsam.href(PATHS.archive)}>{T.wholeArchive}</a></p>
    </ListingPage>
  );
}

// The pages of each tag at /taggar/<svensk-slug>/ (and /sida/<n>/), with its documents of every type, newest first.
import { T } from "#src/site/i18n.ts";
import { tagListings, type TagListing } from "#src/site-model/listings.ts";
import { PATHS } from "#src/site-model/urls.ts";
import { ListingPage } from "../components/listing-page.tsx";
import { pageData, type PageData } from "../page-data.ts";

interface TagData extends PageData {
  listing: TagListing;
}

export const data = {
  // As for the type listings: `before` swaps the tag groups for their pages (src/site-model/listings.ts).
  pagination: {
    data: "finsam.collections.tags",
    size: 1,
    alias: "listing",
    addAllPagesToCollections: false,
    before: (_groups: unknown[], raw: unknown) => tagListings(pageData<PageData>(raw).finsam.collections),
  },
  permalink: (raw: unknown) => pageData<TagData>(raw).listing.url,
  eleventyExcludeFromCollections: true,
};

export function render(raw: unknown) {
  const { finsam, listing } = pageData<TagData>(raw);
  return (
    <ListingPage finsam={finsam} listing={listing} title={T.tag(listing.group.name)}>
      <p><a href={finsam.href(PATHS.tags)}>{T.allTags}</a></p>
    </ListingPage>
  );
}

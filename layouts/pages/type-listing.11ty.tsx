// The listing pages of each document type at /<folder>/ and /<folder>/sida/<n>/: newest first, with the type's feed.
import { DOCUMENT_TYPES } from "#src/content/types.ts";
import { T } from "#src/site/i18n.ts";
import { typeListings, type TypeListing } from "#src/site-model/listings.ts";
import { typeFeedPath } from "#src/site-model/urls.ts";
import { ListingPage } from "../components/listing-page.tsx";
import { pageData, type PageData } from "../page-data.ts";

interface TypeListingData extends PageData {
  listing: TypeListing;
}

export const data = {
  // byType is only the anchor Eleventy requires; `before` swaps its keys for the listing pages, so
  // the page split lives in src/site-model/listings.ts and the sitemap lists exactly the same pages.
  pagination: {
    data: "finsam.collections.byType",
    size: 1,
    alias: "listing",
    addAllPagesToCollections: false,
    before: (_typeKeys: unknown[], raw: unknown) => typeListings(pageData<PageData>(raw).finsam.collections),
  },
  permalink: (raw: unknown) => pageData<TypeListingData>(raw).listing.url,
  eleventyExcludeFromCollections: true,
};

export function render(raw: unknown) {
  const { finsam, listing } = pageData<TypeListingData>(raw);
  const info = DOCUMENT_TYPES[listing.type];
  const feed = finsam.href(typeFeedPath(listing.type));
  return (
    <ListingPage
      finsam={finsam}
      listing={listing}
      title={info.plural}
      lede={info.description}
      showType={false}
      head={<link rel="alternate" type="application/atom+xml" title={`${finsam.site.name}: ${T.atomFeedType(info.plural)}`} href={feed} />}
      intro={
        <p class="feed-link">
          <a href={feed} type="application/atom+xml">{T.subscribeToType(info.plural)}</a>
        </p>
      }
    />
  );
}

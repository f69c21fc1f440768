// The listing pages of each document type at /<folder>/ and /<folder>/sida/<n>/: newest first, with the type's feeds.
import { DOCUMENT_TYPES } from "#src/content/types.ts";
import { T } from "#src/site/i18n.ts";
import { typeListings, type TypeListing } from "#src/site-model/listings.ts";
import { FEED_MEDIA_TYPES, typeFeedAnchor } from "#src/outputs/feeds/feeds.ts";
import { FEED_FORMATS, PATHS, typeFeedPath } from "#src/site-model/urls.ts";
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
  const feedTitle = { atom: T.atomFeedType(info.plural), json: T.jsonFeedType(info.plural) };
  return (
    <ListingPage
      finsam={finsam}
      listing={listing}
      title={info.plural}
      lede={info.description}
      showType={false}
      head={FEED_FORMATS.map((format) => (
        <link rel="alternate" type={FEED_MEDIA_TYPES[format]} title={`${finsam.site.name}: ${feedTitle[format]}`} href={finsam.href(typeFeedPath(listing.type, format))} />
      ))}
      intro={
        // To the subscribe page, which explains feeds: opened in a browser, a feed itself is only code.
        <p class="feed-link">
          <a href={`${finsam.href(PATHS.subscribe)}#${typeFeedAnchor(listing.type)}`}>{T.subscribeToType(info.plural)}</a>
        </p>
      }
    />
  );
}

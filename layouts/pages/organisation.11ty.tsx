// The pages of each organisation that has published, at /organisationer/<nyckel>/ (and /sida/<n>/), with its
// documents; its feeds are beside them (/organisationer/<nyckel>/feed.xml and feed.json).
import { T } from "#src/site/i18n.ts";
import { organisationListings, type OrganisationListing } from "#src/site-model/listings.ts";
import { FEED_MEDIA_TYPES, organisationFeedAnchor } from "#src/outputs/feeds/feeds.ts";
import { FEED_FORMATS, organisationFeedPath, PATHS } from "#src/site-model/urls.ts";
import { FactList } from "../components/facts/fact-list.tsx";
import { ListingPage } from "../components/listing-page.tsx";
import { websiteLabel } from "../components/organisation-details.tsx";
import { pageData, type PageData } from "../page-data.ts";

interface OrganisationData extends PageData {
  listing: OrganisationListing;
}

export const data = {
  // As for the type listings: `before` swaps the organisation groups for their pages (src/site-model/listings.ts).
  pagination: {
    data: "finsam.collections.organisations",
    size: 1,
    alias: "listing",
    addAllPagesToCollections: false,
    before: (_groups: unknown[], raw: unknown) => organisationListings(pageData<PageData>(raw).finsam.collections),
  },
  permalink: (raw: unknown) => pageData<OrganisationData>(raw).listing.url,
  eleventyExcludeFromCollections: true,
};

export function render(raw: unknown) {
  const { finsam, listing } = pageData<OrganisationData>(raw);
  const { organisation } = listing.group;
  const feedTitle = { atom: T.atomFeedType(organisation.name), json: T.jsonFeedType(organisation.name) };
  return (
    <ListingPage
      finsam={finsam}
      listing={listing}
      title={organisation.name}
      showOrganisation={false}
      head={FEED_FORMATS.map((format) => (
        <link rel="alternate" type={FEED_MEDIA_TYPES[format]} title={`${finsam.site.name}: ${feedTitle[format]}`} href={finsam.href(organisationFeedPath(organisation.key, format))} />
      ))}
      intro={
        <>
          <FactList
            heading={T.aboutOrganisation}
            facts={[
              { label: T.region, value: organisation.region },
              organisation.website !== undefined && {
                label: T.website,
                value: <a href={organisation.website}>{websiteLabel(organisation.website)}</a>,
              },
            ]}
          />
          {/* The organisation's own feeds, for a förbund that offers "our news": explained on the subscribe page. */}
          <p class="feed-link">
            <a href={`${finsam.href(PATHS.subscribe)}#${organisationFeedAnchor(organisation.key)}`}>{T.subscribeToOrganisation(organisation.name)}</a>
          </p>
        </>
      }
    >
      <p><a href={finsam.href(PATHS.organisations)}>{T.allOrganisations}</a></p>
    </ListingPage>
  );
}

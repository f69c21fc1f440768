// One page per organisation that has published, at /organisationer/<nyckel>/, with its documents.
import type { OrganisationGroup } from "../../src/content/collections.ts";
import { T } from "../../src/i18n.ts";
import { PATHS, organisationPath } from "../../src/urls.ts";
import { FactList } from "../components/facts/fact-list.tsx";
import { ListingPage } from "../components/listing-page.tsx";
import { websiteLabel } from "../components/organisation-details.tsx";
import { pageData, type PageData } from "../page-data.ts";

interface OrganisationData extends PageData {
  group: OrganisationGroup;
}

export const data = {
  pagination: { data: "finsam.collections.organisations", size: 1, alias: "group", addAllPagesToCollections: false },
  permalink: (raw: unknown) => organisationPath(pageData<OrganisationData>(raw).group.organisation.key),
  eleventyExcludeFromCollections: true,
};

export function render(raw: unknown) {
  const { finsam, group } = pageData<OrganisationData>(raw);
  const { organisation, documents } = group;
  return (
    <ListingPage
      finsam={finsam}
      url={organisationPath(organisation.key)}
      title={organisation.name}
      documents={documents}
      intro={
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
      }
    >
      <p><a href={finsam.href(PATHS.organisations)}>{T.allOrganisations}</a></p>
    </ListingPage>
  );
}

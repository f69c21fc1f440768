// The organisations: those that have published get a card linking to their page; the rest are listed
// without a link, since they have no page (an empty page would only be a dead end for readers).
import { T } from "#src/site/i18n.ts";
import { PATHS, organisationPath } from "#src/site-model/urls.ts";
import { BaseLayout } from "../components/base-layout.tsx";
import { OrganisationMeta } from "../components/organisation-details.tsx";
import { pageData, type PageData } from "../page-data.ts";

export const data = { permalink: PATHS.organisations, eleventyExcludeFromCollections: true };

export function render(raw: unknown) {
  const { finsam } = pageData<PageData>(raw);
  const groups = finsam.collections.organisations;
  const publishing = new Set(groups.map((group) => group.organisation.key));
  const silent = finsam.organisations.all.filter((organisation) => !publishing.has(organisation.key)).sort((a, b) => a.name.localeCompare(b.name, "sv"));
  return (
    <BaseLayout finsam={finsam} url={PATHS.organisations} title={T.organisations} description={T.organisationsIntro}>
      <h1>{T.organisations}</h1>
      <p class="lede">{T.organisationsIntro}</p>
      {groups.length > 0 ? (
        <ul class="document-list organisation-list">
          {groups.map(({ organisation, documents }) => (
            <li>
              <article class="card">
                <h2 class="card-title">
                  <a href={finsam.href(organisationPath(organisation.key))}>{organisation.name}</a>
                </h2>
                <OrganisationMeta organisation={organisation} count={documents.length} />
              </article>
            </li>
          ))}
        </ul>
      ) : (
        <p>{T.noDocuments}</p>
      )}
      {silent.length > 0 ? (
        <section aria-labelledby="silent-heading">
          <h2 id="silent-heading">{T.organisationsWithoutDocuments}</h2>
          <ul class="plain organisation-list">
            {silent.map((organisation) => (
              <li>
                <strong>{organisation.name}</strong>
                <OrganisationMeta organisation={organisation} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </BaseLayout>
  );
}

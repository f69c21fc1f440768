// An organisation's region and website, as the organisation list and the organisation's own page show them.
import type { Organisation } from "#src/content/data-files.ts";
import { T } from "#src/site/i18n.ts";

/** "finsam-blekinge.se" from "https://finsam-blekinge.se/": readable link text for a website. */
export function websiteLabel(website: string): string {
  return new URL(website).host.replace(/^www\./, "");
}

export function OrganisationMeta({ organisation, count }: { organisation: Organisation; count?: number }) {
  return (
    <p class="meta">
      {T.region}: {organisation.region}
      {organisation.website ? (
        <>
          {" · "}
          {T.website}: <a href={organisation.website}>{websiteLabel(organisation.website)}</a>
        </>
      ) : null}
      {count !== undefined ? <> · {T.documentsCount(count)}</> : null}
    </p>
  );
}

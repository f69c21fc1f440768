// /tillganglighet/: the accessibility statement the law requires, from content/data/tillganglighet.yml.
import { T } from "#src/site/i18n.ts";
import { PATHS } from "#src/site-model/urls.ts";
import { AccessibilityStatementBody } from "../components/accessibility-statement.tsx";
import { BaseLayout } from "../components/base-layout.tsx";
import { pageData, type PageData } from "../page-data.ts";

export const data = { permalink: PATHS.accessibility, eleventyExcludeFromCollections: true };

export function render(raw: unknown) {
  const { finsam } = pageData<PageData>(raw);
  const statement = finsam.accessibility;
  return (
    <BaseLayout
      finsam={finsam}
      url={PATHS.accessibility}
      title={T.accessibility.title}
      description={T.accessibility.intro(statement.organisation, statement.service)}
    >
      <AccessibilityStatementBody statement={statement} />
    </BaseLayout>
  );
}

// /admin/config.yml: the CMS's configuration, generated from the document types and their schemas (src/outputs/cms/).
import { cmsConfig, renderCmsConfig, siteCmsInput } from "#src/outputs/cms/config.ts";
import type { CmsSettings } from "#src/outputs/cms/settings.ts";
import { PATHS } from "#src/site-model/urls.ts";
import { pageData, type PageData } from "../page-data.ts";

export const data = { permalink: PATHS.adminConfig, eleventyExcludeFromCollections: true };

export function render(raw: unknown): string {
  const page = pageData<PageData & { cms: CmsSettings }>(raw);
  return renderCmsConfig(cmsConfig(siteCmsInput(page.cms, page.finsam.organisations.all)));
}

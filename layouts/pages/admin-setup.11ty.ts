// /admin/admin-setup.js: our additions to the CMS (src/outputs/cms/browser/admin-setup.js), as a file of the site's own.
import { CMS_SETUP_SCRIPT, cmsSetupScript } from "#src/outputs/cms/setup-script.ts";
import { PATHS } from "#src/site-model/urls.ts";

export const data = { permalink: `${PATHS.admin}${CMS_SETUP_SCRIPT}`, eleventyExcludeFromCollections: true };

export function render(): string {
  return cmsSetupScript();
}

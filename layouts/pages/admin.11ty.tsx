// /admin/: the CMS's page. Our own frame around Decap CMS's bundle (copied from npm, src/outputs/cms/bundle.ts), with
// the CMS's own content security policy; never indexed, in no sitemap, feed or search index.
import type { CmsSettings } from "#src/outputs/cms/settings.ts";
import { cmsConnectOrigins, cmsImageOrigins } from "#src/outputs/cms/settings.ts";
import { DECAP_SCRIPT } from "#src/outputs/cms/bundle.ts";
import { CMS_SETUP_SCRIPT } from "#src/outputs/cms/setup-script.ts";
import { T } from "#src/site/i18n.ts";
import { adminContentSecurityPolicy } from "#src/site/security.ts";
import { PATHS } from "#src/site-model/urls.ts";
import { pageData, type PageData } from "../page-data.ts";

export const data = { permalink: PATHS.admin, eleventyExcludeFromCollections: true };

export function render(raw: unknown) {
  const { finsam, cms } = pageData<PageData & { cms: CmsSettings }>(raw);
  const policy = adminContentSecurityPolicy({ connect: cmsConnectOrigins(cms), images: cmsImageOrigins(cms) });
  return (
    <html lang={finsam.site.lang}>
      <head>
        <meta http-equiv="Content-Security-Policy" content={policy} />
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{T.admin.title}</title>
        {/* Decap would look for config.yml beside the page anyway; said here so the path prefix is the site's. */}
        <link href={finsam.href(PATHS.adminConfig)} type="text/yaml" rel="cms-config-url" />
      </head>
      <body>
        <noscript>
          <p>{T.admin.noScript}</p>
        </noscript>
        <script src={finsam.href(`${PATHS.admin}${DECAP_SCRIPT}`)} />
        {/* After the bundle, which defines window.CMS. Previews are styled by the site's own stylesheet. */}
        <script type="module" src={finsam.href(`${PATHS.admin}${CMS_SETUP_SCRIPT}`)} data-preview-style={finsam.href(PATHS.stylesheet)} />
      </body>
    </html>
  );
}

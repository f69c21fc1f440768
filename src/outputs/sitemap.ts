// sitemap.xml from the site model: every indexable HTML page (src/site-model/pages.ts), with absolute URLs.
import type { SiteModel } from "../site-model/model.ts";
import { sitePages } from "../site-model/pages.ts";
import { formatIsoDay } from "../text/dates.ts";
import { escapeXml } from "../text/xml.ts";

export function renderSitemap(finsam: SiteModel): string {
  const urls = sitePages(finsam).map((entry) => {
    const lastmod = entry.lastmod ? `<lastmod>${formatIsoDay(entry.lastmod)}</lastmod>` : "";
    return `  <url><loc>${escapeXml(finsam.absoluteUrl(entry.path))}</loc>${lastmod}</url>`;
  });
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`,
    ...urls,
    `</urlset>`,
    "",
  ].join("\n");
}

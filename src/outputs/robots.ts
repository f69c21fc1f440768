// robots.txt: every crawler welcome, pointed at the sitemap.
import type { SiteModel } from "../site-model/model.ts";
import { PATHS } from "../site-model/urls.ts";

export function renderRobots(finsam: SiteModel): string {
  return ["User-agent: *", "Allow: /", "", `Sitemap: ${finsam.absoluteUrl(PATHS.sitemap)}`, ""].join("\n");
}

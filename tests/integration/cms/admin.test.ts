// A real build writes the CMS at /admin/: our page with its own policy, the configuration generated from the schemas
// (never stale: it is the generator's output for the build's settings), and Decap's bundle; and nothing of it
// reaches the sitemap, the feeds or the search index. tests/e2e/admin.e2e.ts runs it in Chromium.
import fs from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildSite, fixtureSiteData, type BuiltSite } from "../../helpers/build.ts";
import { pagesFixture } from "../pages/fixture.ts";
import { CMS_DATA_COLLECTION, cmsConfig, renderCmsConfig, siteCmsInput } from "../../../src/outputs/cms/config.ts";
import { DATA_FILE_NAMES } from "../../../src/content/data-files.ts";
import { cmsSettingsFromEnv } from "../../../src/outputs/cms/settings.ts";
import { cmsSetupScript } from "../../../src/outputs/cms/setup-script.ts";
import { decapBundleFiles, decapDistDir } from "../../../src/outputs/cms/bundle.ts";
import { CONTENT_SECURITY_POLICY } from "../../../src/site/security.ts";
import { TYPE_KEYS } from "../../../src/content/types.ts";

let site: BuiltSite;

/** A förbund that only this build's data file has: the CMS must offer the build's organisations, not a list of its own. */
const ADDED = "  - key: nytt-forbund\n    name: Samordningsförbundet Nytt\n    kind: förbund\n    region: Jämtland\n";

beforeAll(async () => {
  const dir = pagesFixture();
  fs.appendFileSync(path.join(dir, "data", "organisationer.yml"), ADDED);
  site = await buildSite(dir, { pathPrefix: "/finsam/" });
});

function policyOf(html: string): Map<string, string[]> {
  const $ = load(html);
  const first = $("head").children().first();
  expect(first.is('meta[http-equiv="Content-Security-Policy"]')).toBe(true);
  return new Map(
    (first.attr("content") ?? "").split(/;\s*/).map((directive) => {
      const [name = "", ...values] = directive.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
}

describe("/admin/", () => {
  it("is our Swedish page, not indexed, loading Decap's bundle and the configuration under the path prefix", () => {
    const $ = load(site.read("/admin/"));
    expect($("html").attr("lang")).toBe("sv");
    expect($("title").text()).toBe("Finsam – redigering");
    expect($('meta[name="robots"]').attr("content")).toBe("noindex");
    expect($('link[rel="canonical"]')).toHaveLength(0);
    expect($("script").map((_, element) => $(element).attr("src")).get()).toEqual(["/finsam/admin/decap-cms.js", "/finsam/admin/admin-setup.js"]);
    // Our script after Decap's, as a module, told where the site's stylesheet is (for the CMS's previews).
    expect($("script").last().attr("type")).toBe("module");
    expect($("script").last().attr("data-preview-style")).toBe("/finsam/assets/site.css");
    expect($('link[rel="cms-config-url"]').attr("href")).toBe("/finsam/admin/config.yml");
  });

  it("has a policy of its own: what Decap needs, and no other origin than the git host's API and the local backend", () => {
    const html = site.read("/admin/");
    const policy = policyOf(html);
    expect(site.read("/admin/")).not.toContain(CONTENT_SECURITY_POLICY);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("script-src")).toEqual(["'self'", "'unsafe-eval'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    const settings = cmsSettingsFromEnv();
    const connect = settings.backend.name === "github" ? ["https://api.github.com", "http://127.0.0.1:8082"] : ["http://127.0.0.1:8082"];
    // blob:: Decap reads an uploaded image back from its blob: URL when it saves (tests/e2e/cms-editing.e2e.ts).
    expect(policy.get("connect-src")).toEqual(["'self'", "blob:", ...connect]);
    const others = [...policy.values()].flat().filter((source) => /^(https?:|\*)/.test(source));
    expect(others.filter((source) => !/^https:\/\/(api|avatars)\.github(usercontent)?\.com$|^http:\/\/127\.0\.0\.1:8082$/.test(source))).toEqual([]);
  });

  it("gets the configuration the generator makes from the schemas for this build's settings", () => {
    const text = site.read("/admin/config.yml");
    const organisations = [...fixtureSiteData().organisations.all, { key: "nytt-forbund", name: "Samordningsförbundet Nytt", kind: "förbund" as const, region: "Jämtland" }];
    expect(text).toBe(renderCmsConfig(cmsConfig(siteCmsInput(cmsSettingsFromEnv(), organisations))));
    const config = parse(text) as { locale: string; collections: { name: string; fields: { name: string; options?: { value: string }[] }[] }[] };
    expect(config.locale).toBe("sv");
    // The documents' types, then the data files (content/data/), each of them an entry.
    expect(config.collections.map((collection) => collection.name)).toEqual([...TYPE_KEYS, CMS_DATA_COLLECTION]);
    const data = config.collections.at(-1) as unknown as { files: { file: string }[] };
    expect(data.files.map((entry) => entry.file)).toEqual(DATA_FILE_NAMES.map((name) => `content/data/${name}`));
    const organisationField = config.collections[0]?.fields.find((field) => field.name === "organisation");
    expect(organisationField?.options?.map((option) => option.value)).toContain("nytt-forbund");
  });

  it("holds Decap's bundle: the main script, each chunk it loads, byte for byte as npm installed them, and no source maps", () => {
    const files = decapBundleFiles();
    expect(files).toContain("decap-cms.js");
    expect(files.filter((file) => /^\d+\.decap-cms\.js$/.test(file)).length).toBeGreaterThan(10);
    for (const file of files) {
      const built = fs.readFileSync(path.join(site.outDir, "admin", file));
      expect(built.equals(fs.readFileSync(path.join(decapDistDir(), file))), file).toBe(true);
    }
    expect(site.files().filter((file) => file.startsWith("/admin/") && file.endsWith(".map"))).toEqual([]);
  });

  it("serves our script as it is written (src/outputs/cms/browser/admin-setup.js)", () => {
    expect(site.read("/admin/admin-setup.js")).toBe(cmsSetupScript());
  });

  it("is in no sitemap, feed or search index", () => {
    expect(site.read("/sitemap.xml")).not.toContain("admin");
    for (const feed of ["/feed.xml", "/feed.json", "/kalendarium.ics"]) expect(site.read(feed), feed).not.toContain("/admin");
    const index = site.files().filter((file) => file.startsWith("/sok/index/"));
    expect(index.length).toBeGreaterThan(0);
    for (const file of index) expect(site.read(file), file).not.toMatch(/admin|redigering/);
  });
});

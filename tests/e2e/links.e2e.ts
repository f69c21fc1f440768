// No broken internal link or asset: linkinator crawls every built page against the local server (fragments and
// the stylesheet's url()s included), and the feeds, the sitemap and robots.txt have every URL they name fetched.
// The prefixed build is the deployment test: served only under /finsam/, every link, asset, canonical,
// sitemap entry and feed URL must carry the prefix, or it is broken here.
import fs from "node:fs";
import path from "node:path";
import * as cheerio from "cheerio";
import { XMLParser } from "fast-xml-parser";
import { LinkState, check } from "linkinator";
import { describe, expect, it } from "vitest";
import { PATHS } from "../../src/site-model/urls.ts";
import { builtFiles, localUrl, servedSite } from "./support.ts";
import type { ServedSite, SiteName } from "./sites.ts";

const SITES: SiteName[] = ["shipped", "fixture", "prefixed"];

/** Site path of a built file: "nyheter/index.html" → "/nyheter/". */
function sitePathOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, "$1")}`;
}

function htmlPages(site: ServedSite): string[] {
  return builtFiles(site).filter((file) => file.endsWith(".html")).map(sitePathOf);
}

/** Where a built file is served locally; absolute URLs of the site's own origin are mapped onto the server. */
function toLocal(site: ServedSite, url: string): string {
  const home = new URL(site.pathPrefix, site.siteUrl).toString();
  return url.startsWith(home) ? localUrl(site, `/${url.slice(home.length)}`) : url;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Every URL-like value in a parsed XML or JSON document, with HTML content parsed for its links too. */
function urlsIn(value: unknown, found: string[] = []): string[] {
  if (typeof value === "string") {
    if (/^https?:\/\//.test(value)) found.push(value);
    else if (/<[a-z][^>]*\s(href|src)=/i.test(value)) found.push(...linksInHtml(value));
    else if (/^\/(?!\/)/.test(value)) found.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) urlsIn(item, found);
  } else if (value && typeof value === "object") {
    // Namespace names (xmlns="http://www.w3.org/2005/Atom") look like URLs but are never fetched.
    for (const [key, item] of Object.entries(value)) if (!key.startsWith("xmlns")) urlsIn(item, found);
  }
  return found;
}

function linksInHtml(html: string): string[] {
  const $ = cheerio.load(html);
  const urls: string[] = [];
  $("[href], [src], [srcset], [poster]").each((_index, element) => {
    const attributes = (element as unknown as { attribs: Record<string, string> }).attribs;
    for (const name of ["href", "src", "poster"]) if (attributes[name]) urls.push(attributes[name]);
    if (attributes.srcset) urls.push(...attributes.srcset.split(",").map((part) => part.trim().split(/\s+/)[0] ?? ""));
  });
  return urls.filter(Boolean);
}

/** The machine-read files: Atom and JSON feeds, the sitemap, robots.txt, and their URLs. */
function machineFiles(site: ServedSite): { file: string; urls: string[] }[] {
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", processEntities: true, htmlEntities: true });
  return builtFiles(site)
    .filter((file) => /(^|\/)(feed\.xml|feed\.json|sitemap\.xml|robots\.txt)$/.test(file))
    .map((file) => {
      const text = fs.readFileSync(path.join(site.outDir, file), "utf8");
      const parsed: unknown = file.endsWith(".xml") ? xml.parse(text) : file.endsWith(".json") ? JSON.parse(text) : null;
      const urls = parsed === null ? [...text.matchAll(/^Sitemap:\s*(\S+)/gim)].map((match) => match[1]!) : urlsIn(parsed);
      return { file, urls };
    });
}

describe("linkinator själv", () => {
  it("rapporterar en trasig länk (testet kan falla)", async () => {
    const site = servedSite("fixture");
    const result = await check({ path: localUrl(site, "/finns-inte/"), recurse: false });
    expect(result.links.find((link) => link.state === LinkState.BROKEN)?.status).toBe(404);
  });
});

describe.each(SITES)("länkar och resurser: %s", (name) => {
  const site = servedSite(name);

  it("inga trasiga länkar, resurser eller ankare på någon sida", async () => {
    const pages = htmlPages(site);
    expect(pages.length).toBeGreaterThan(10);
    const result = await check({
      path: pages.map((page) => localUrl(site, page)),
      recurse: true,
      checkFragments: true,
      checkCss: true,
      concurrency: 8,
      timeout: 10_000,
      // The shipped build names its real host (https://finsam.se) in canonical and og:url: check those here.
      urlRewriteExpressions: [{ pattern: new RegExp(`^${escapeRegExp(new URL(site.pathPrefix, site.siteUrl).toString())}`), replacement: site.baseUrl }],
      // Only this server: there is no network here, and other sites are not ours to test.
      linksToSkip: async (link) => !link.startsWith(site.origin),
    });
    const checked = result.links.filter((link) => link.state !== LinkState.SKIPPED);
    expect(checked.length).toBeGreaterThan(pages.length);
    const broken = result.links
      .filter((link) => link.state === LinkState.BROKEN)
      .map((link) => `${link.status ?? "?"} ${link.url} (på ${link.parent ?? "?"})`);
    expect(broken, broken.join("\n")).toEqual([]);
  });

  it("flödenas, webbplatskartans och robots.txt:s adresser finns", async () => {
    const files = machineFiles(site);
    expect(files.map((entry) => entry.file)).toEqual(expect.arrayContaining(["feed.xml", "feed.json", "sitemap.xml", "robots.txt"]));
    const problems: string[] = [];
    const seen = new Map<string, number>();
    for (const { file, urls } of files) {
      expect(urls.length, `${file} nämner inga adresser`).toBeGreaterThan(0);
      const fileUrl = localUrl(site, `/${file}`);
      for (const raw of urls) {
        if (raw.startsWith("tag:")) continue;
        // Relative URLs in a feed resolve against the feed's own address, as a feed reader does.
        const absolute = new URL(raw, new URL(`/${file}`, new URL(site.pathPrefix, site.siteUrl))).toString();
        const local = toLocal(site, absolute);
        if (!local.startsWith(site.origin)) continue;
        let status = seen.get(local);
        if (status === undefined) {
          status = (await fetch(local, { redirect: "manual" })).status;
          seen.set(local, status);
        }
        if (status !== 200) problems.push(`${file}: ${raw} → ${status}`);
      }
    }
    expect(seen.size).toBeGreaterThan(5);
    expect(problems, problems.join("\n")).toEqual([]);
  });
});

describe("driftsättning i en underkatalog (SITE_URL=http://127.0.0.1:<port>, PATH_PREFIX=/finsam/)", () => {
  const site = servedSite("prefixed");

  it("byggdes med prefixet", () => {
    expect(site.pathPrefix).toBe("/finsam/");
    expect(site.siteUrl).toBe(site.origin);
  });

  it("varje länk, resurs och kanonisk adress i sidorna följer prefixet", () => {
    const problems: string[] = [];
    for (const page of htmlPages(site)) {
      const pageUrl = localUrl(site, page);
      const html = fs.readFileSync(path.join(site.outDir, page.endsWith("/") ? `${page}index.html` : page), "utf8");
      const $ = cheerio.load(html);
      const urls = linksInHtml(html);
      $("meta[content]").each((_index, element) => {
        const content = $(element).attr("content") ?? "";
        if (/^https?:\/\//.test(content)) urls.push(content);
      });
      $('script[type="application/ld+json"]').each((_index, element) => {
        urls.push(...urlsIn(JSON.parse($(element).text()) as unknown).filter((url) => /^https?:\/\//.test(url)));
      });
      for (const raw of urls) {
        if (raw.startsWith("#") || /^(mailto|tel|data):/.test(raw)) continue;
        const absolute = new URL(raw, pageUrl);
        if (absolute.origin === site.origin && !absolute.pathname.startsWith(site.pathPrefix)) {
          problems.push(`${page}: ${raw} saknar ${site.pathPrefix}`);
        }
      }
      // Neither the 404 page nor the CMS's page (never indexed) names a canonical address.
      if (page !== "/404.html" && !page.startsWith(PATHS.admin)) {
        const canonical = $('link[rel="canonical"]').attr("href");
        if (canonical !== pageUrl) problems.push(`${page}: kanonisk adress ${canonical ?? "saknas"}, väntade ${pageUrl}`);
      }
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("varje adress i flöden, webbplatskarta och robots.txt följer prefixet", () => {
    const problems: string[] = [];
    for (const { file, urls } of machineFiles(site)) {
      for (const raw of urls) {
        const absolute = new URL(raw, `${site.baseUrl}${file}`);
        if (absolute.origin === site.origin && !absolute.pathname.startsWith(site.pathPrefix)) {
          problems.push(`${file}: ${raw} saknar ${site.pathPrefix}`);
        }
      }
    }
    const sitemap = machineFiles(site).find((entry) => entry.file === "sitemap.xml");
    expect(sitemap?.urls.every((url) => url.startsWith(site.baseUrl))).toBe(true);
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("servern svarar 404 utanför prefixet, så en länk utan prefix räknas som trasig", async () => {
    expect((await fetch(`${site.origin}/nyheter/`)).status).toBe(404);
    expect((await fetch(`${site.baseUrl}nyheter/`)).status).toBe(200);
  });
});

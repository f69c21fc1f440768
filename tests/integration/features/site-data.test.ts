// Real builds with the data files of content/data/ changed: an organisation added there alone gets its page and is
// named on the documents that refer to it; the settings and member agencies reach every page; a reference to an
// organisation the file lacks stops the build at its line. And the shipped content's pages show what they did.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { load } from "cheerio";
import { buildSite, fixtureDataFiles, markdownFile, writeContent, type BuiltSite } from "../../helpers/build.ts";
import { DOCUMENT_TYPES, ARTICLE_KEYS } from "../../../src/content/types.ts";
import { T } from "../../../src/site/i18n.ts";
import { PATHS } from "../../../src/site-model/urls.ts";
import { readSiteData } from "../../../src/content/data-files.ts";
import { listContent } from "../../../src/content/files.ts";
import { loadSite } from "../../../src/site-model/site-checks.ts";

const NEW_ORGANISATION = `  - key: nytt-forbund
    name: Samordningsförbundet Nytt
    kind: förbund
    region: Jämtland
    website: https://nytt.example
`;

const NEWS_URL = "/nyheter/2024/en-nyhet-fran-nytt/";

describe("a build whose data files were edited, and no code", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    const data = fixtureDataFiles();
    const dir = writeContent({
      ...data,
      "data/organisationer.yml": `${data["data/organisationer.yml"]}${NEW_ORGANISATION}`,
      "data/installningar.yml": (data["data/installningar.yml"] ?? "")
        .replace("name: Finsam\n", "name: Testsajten\n")
        .replace("menu:\n", "menu:\n  - label: Organisationerna\n    path: /organisationer/\n"),
      "data/huvudman.yml": "memberAgencies:\n  - name: Testmyndigheten\n    website: https://test.example\n",
      "nyheter/2024-02-01-en-nyhet-fran-nytt.md": markdownFile({ title: "En nyhet från Nytt", date: "2024-02-01", summary: "Kort ingress.", organisation: "nytt-forbund" }),
    });
    site = await buildSite(dir);
  });

  it("gives the new organisation its page, with the documents that refer to it", () => {
    const $ = load(site.read("/organisationer/nytt-forbund/"));
    expect($("h1").text()).toBe("Samordningsförbundet Nytt");
    expect($("main").text()).toContain("Jämtland");
    expect($(`main a[href="${NEWS_URL}"]`)).toHaveLength(1);
    expect(load(site.read(PATHS.organisations))(`main a[href="/organisationer/nytt-forbund/"]`).text()).toBe("Samordningsförbundet Nytt");
  });

  it("names it on the document, linked to its page, and in the feed", () => {
    const $ = load(site.read(NEWS_URL));
    expect($('main a[href="/organisationer/nytt-forbund/"]').text()).toBe("Samordningsförbundet Nytt");
    expect(site.read("/feed.xml")).toContain("<name>Samordningsförbundet Nytt</name>");
  });

  it("takes the site's name, menu and member agencies from the data files", () => {
    const $ = load(site.read(NEWS_URL));
    expect($("title").text()).toBe("En nyhet från Nytt – Testsajten");
    expect($("header nav a").first().text()).toBe("Organisationerna");
    expect($("footer .member-agencies a").map((_, a) => $(a).text()).get()).toEqual(["Testmyndigheten"]);
    expect(site.read("/feed.xml")).toContain(`<title type="text">Testsajten</title>`);
  });
});

describe("the logo, the brand colour and the menus' links", () => {
  const settings = (change: (text: string) => string) => {
    const data = fixtureDataFiles();
    return { ...data, "data/installningar.yml": change(data["data/installningar.yml"] ?? "") };
  };

  it("shows the logo in the header beside the name, the contact address in the footer, the brand colour as the browser's theme colour", async () => {
    const dir = writeContent({
      ...settings((text) =>
        text
          .replace("# logo: /bilder/logotyp.svg", "logo: /bilder/logotyp.svg")
          .replace('# brandColour: "#1d4f91"', 'brandColour: "#204a87"')
          .replace("# contactEmail: kansliet@finsam.se", "contactEmail: kansliet@finsam.se"),
      ),
      "bilder/logotyp.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
    });
    const site = await buildSite(dir, { pathPrefix: "/finsam/" });
    const $ = load(site.read("/"));
    expect($("header a.site-name img").attr("src")).toBe("/finsam/bilder/logotyp.svg");
    expect($("header a.site-name img").attr("alt")).toBe("");
    // A phone shows the short name, a wider screen the long one (site.css): both are the settings' own.
    expect($("header a.site-name .site-name-long").text()).toBe("Finsam – finansiell samordning");
    expect($("header a.site-name .site-name-short").text()).toBe("Finsam");
    expect($('meta[name="theme-color"]').attr("content")).toBe("#204a87");
    // The header bar's colour: the one stylesheet, written with the settings' colour last so it wins.
    const css = site.read("/assets/site.css");
    expect(css.trimEnd().endsWith(":root {\n  --brand: #204a87;\n}")).toBe(true);
    expect(css).toContain(".brand-bar {\n  background: var(--brand);");
    expect(site.exists("/bilder/logotyp.svg")).toBe(true);
    expect($('footer a[href="mailto:kansliet@finsam.se"]').text()).toBe("kansliet@finsam.se");
  });

  it("makes the icon's PNGs for the tab and the home screen from an SVG, and links them and the SVG from every page", async () => {
    const dir = writeContent({
      ...settings((text) => `${text}\nicon: /bilder/ikon.svg\n`),
      "bilder/ikon.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#123456"/></svg>',
    });
    const site = await buildSite(dir, { pathPrefix: "/finsam/" });
    for (const sitePath of ["/", "/nyheter/", "/404.html"]) {
      const $ = load(site.read(sitePath));
      expect($('link[rel="icon"][type="image/svg+xml"]').attr("href"), sitePath).toBe("/finsam/bilder/ikon.svg");
      expect($('link[rel="icon"][type="image/png"]').attr("href"), sitePath).toBe("/finsam/assets/ikon-32.png");
      expect($('link[rel="apple-touch-icon"]').attr("href"), sitePath).toBe("/finsam/assets/ikon-180.png");
    }
    const tab = await sharp(path.join(site.outDir, "assets/ikon-32.png")).metadata();
    const home = await sharp(path.join(site.outDir, "assets/ikon-180.png")).metadata();
    expect([tab.format, tab.width, tab.height]).toEqual(["png", 32, 32]);
    // iOS rounds the home-screen icon itself and shows transparency as black: it has none.
    expect([home.format, home.width, home.height, home.hasAlpha]).toEqual(["png", 180, 180, false]);
    // The SVG's one colour, #123456, fills it: drawn from the editor's image, not a placeholder.
    const { channels } = await sharp(path.join(site.outDir, "assets/ikon-180.png")).stats();
    expect(channels.map((channel) => Math.round(channel.mean))).toEqual([0x12, 0x34, 0x56]);
  });

  it("leaves the icon links out when the settings name no icon", async () => {
    const site = await buildSite(writeContent(settings((text) => text)));
    const $ = load(site.read("/"));
    expect($('link[rel="icon"], link[rel="apple-touch-icon"]')).toHaveLength(0);
    expect(site.exists("/assets/ikon-32.png")).toBe(false);
  });

  it("refuses a brand colour white text cannot be read on, with its contrast, at its line", async () => {
    const dir = writeContent(settings((text) => text.replace('# brandColour: "#1d4f91"', 'brandColour: "#6fa8dc"')));
    const { problems } = await loadSite(dir);
    const source = fs.readFileSync(`${dir}/data/installningar.yml`, "utf8");
    const line = source.split("\n").findIndex((text) => text.startsWith("brandColour:")) + 1;
    expect(problems.map((problem) => [problem.field, problem.line, problem.severity])).toEqual([["brandColour", line, "fel"]]);
    // #6fa8dc against white is 2.53:1 by WCAG's formula, shown rounded down so it never looks enough when it is not.
    expect(problems[0]?.message).toContain("kontrasten ska vara minst 4,5:1 men är 2,5:1; välj en mörkare nyans");
  });

  it("refuses a menu link to a page the site lacks and a logo that is not there, at their lines in the settings file", async () => {
    const dir = writeContent(
      settings((text) => text.replace("    path: /brev/", "    path: /brevv/").replace("# logo: /bilder/logotyp.svg", "logo: /bilder/logotyp.svg")),
    );
    const source = fs.readFileSync(`${dir}/data/installningar.yml`, "utf8");
    const lineOf = (text: string) => source.split("\n").findIndex((line) => line.includes(text)) + 1;
    const { problems } = await loadSite(dir);
    expect(problems.map((problem) => [problem.field, problem.line, problem.severity])).toEqual([
      ["menu[2].path", lineOf("path: /brevv/"), "fel"],
      ["logo", lineOf("logo: /bilder/logotyp.svg"), "fel"],
    ]);
    expect(problems[0]?.message).toBe('fältet "menu[2].path": länken /brevv/ går till en sida som inte finns på webbplatsen; kontrollera adressen');
    expect(problems[1]?.message).toMatch(/^fältet "logo": bilden \/bilder\/logotyp\.svg finns inte/);
  });
});

describe("a reference to an organisation the data file lacks", () => {
  it("stops the build, naming the file, the line and the known keys", async () => {
    const dir = writeContent({
      "nyheter/2024-02-01-okand.md": markdownFile({ title: "Okänd", date: "2024-02-01", summary: "Kort ingress.", organisation: "finns-inte" }),
    });
    const message = await buildSite(dir).then(
      () => "",
      (error: Error) => error.message,
    );
    expect(message).toMatch(/^Bygget stoppades: 1 fel i 1 fil\./);
    expect(message).toMatch(/nyheter\/2024-02-01-okand\.md:5:15 fel: fältet "organisation" ska vara en av organisationerna i \S+\/data\/organisationer\.yml \(nationella-radet, nns, /);
    expect(message).toContain('men är "finns-inte"');
  });

  it("stops the build on a broken data file, in Swedish, with its line", async () => {
    const dir = writeContent({ ...fixtureDataFiles(), "data/huvudman.yml": "memberAgencies:\n  - name: Testmyndigheten\n    website: test.example\n" });
    const message = await buildSite(dir).then(
      () => "",
      (error: Error) => error.message,
    );
    expect(message).toMatch(/data\/huvudman\.yml:3:14 fel: fältet "memberAgencies\[0\]\.website" ska vara en fullständig webbadress/);
    expect(message).not.toMatch(/\n\s+at /);
  });
});

describe("the shipped content's site data", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite("content");
  });
  const shipped = readSiteData("content", listContent("content").data).data;

  it("shows the menu and the footer links as they were written in code before they moved to content/data/, and the shipped pages in the menu", () => {
    const $ = load(site.read("/"));
    const links = (selector: string) => $(selector).map((_, a) => [[$(a).text(), $(a).attr("href")]]).get() as unknown as [string, string][];
    expect(links("header nav a")).toEqual([
      ...ARTICLE_KEYS.map((key) => [DOCUMENT_TYPES[key].plural, `/${DOCUMENT_TYPES[key].folder}/`]),
      [T.calendar.title, PATHS.calendar],
      [T.organisations, PATHS.organisations],
      [T.archive, PATHS.archive],
      ["Om Finsam", "/om-oss/"],
      ["Kontakt", "/kontakt/"],
    ]);
    expect(links("footer nav a")).toEqual([
      [T.organisations, PATHS.organisations],
      [T.tags, PATHS.tags],
      [T.archive, PATHS.archive],
      [T.calendar.title, PATHS.calendar],
      [T.feeds, PATHS.subscribe],
      [T.accessibility.title, PATHS.accessibility],
    ]);
    expect($("footer .member-agencies a").map((_, a) => $(a).text()).get()).toEqual(shipped?.memberAgencies.map((agency) => agency.name));
    expect($("title").text()).toBe(shipped?.settings.longName);
  });

  it("builds the shipped pages the menu links to, each at its address with its title, in the sitemap", () => {
    const pages = { "/om-oss/": "content/sidor/om-oss.md", "/kontakt/": "content/sidor/kontakt.md" };
    const sitemap = site.read("/sitemap.xml");
    for (const [address, file] of Object.entries(pages)) {
      expect(shipped?.settings.menu.map((entry) => entry.path)).toContain(address);
      const title = /^title: (.+)$/m.exec(fs.readFileSync(file, "utf8"))?.[1];
      const $ = load(site.read(address));
      expect($("main h1").text(), address).toBe(title);
      expect($(`header nav a[href="${address}"]`).length, address).toBe(1);
      expect(sitemap).toContain(`https://finsam.example${address}<`);
    }
    expect(load(site.read("/om-oss/"))('main a[href="/organisationer/"]').length).toBeGreaterThan(0);
    expect(load(site.read("/kontakt/"))('main a[href="mailto:tillganglighet@finsam.se"]').length).toBe(1);
  });

  it("marks the menu link of the page itself as the page, and of the section an article is in as current, not as the page", () => {
    const current = (sitePath: string) => {
      const $ = load(site.read(sitePath));
      return $("header nav a[aria-current]").map((_, a) => [[$(a).attr("href"), $(a).attr("aria-current")]]).get() as unknown as [string, string][];
    };
    expect(current("/nyheter/")).toEqual([["/nyheter/", "page"]]);
    expect(current("/nyheter/2022/magnus-slutar-som-nationell-stodperson/")).toEqual([["/nyheter/", "true"]]);
    expect(current("/")).toEqual([]);
  });

  it("lists every organisation of the data file on /organisationer/", () => {
    const text = load(site.read(PATHS.organisations))("main").text();
    for (const organisation of shipped?.organisations.all ?? []) expect(text).toContain(organisation.name);
    expect(shipped?.organisations.all.length).toBeGreaterThan(0);
  });

  it("publishes no data file", () => {
    expect(site.files().some((file) => file.endsWith(".yml") && !file.startsWith("/admin/"))).toBe(false);
    expect(fs.existsSync("content/data/organisationer.yml")).toBe(true);
  });
});

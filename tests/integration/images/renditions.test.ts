// Images as a real build publishes them (issue 13): renditions in three formats at the layout's widths, never the
// original, no metadata, <picture> markup whose every srcset entry is a file of the size it claims.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as cheerio from "cheerio";
import sharp from "sharp";
import exifReader from "exif-reader";
import { parse } from "yaml";
import { buildSite, markdownFile, writeContent, type BuiltSite } from "../../helpers/build.ts";
import { DEFAULT_IMAGE_CACHE, processContentImages } from "../../../src/outputs/images/renditions.ts";

const PHOTO = "bilder/Åsa Öberg.JPG";
const GRAPHIC = "bilder/karta.png";

/** A phone photo: 2400 × 1600, stored turned (EXIF orientation 6), with a GPS position, camera and serial. */
async function phonePhoto(file: string): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await sharp({ create: { width: 1600, height: 2400, channels: 3, background: { r: 30, g: 110, b: 190 } } })
    .composite([{ input: Buffer.from('<svg width="1600" height="2400"><circle cx="400" cy="500" r="300" fill="orange"/></svg>') }])
    .withExif({
      IFD0: { Make: "Telefon", Model: "X1" },
      IFD2: { BodySerialNumber: "SN-12345" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "59/1 19/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "18/1 4/1 0/1" },
    })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 90 })
    .toFile(file);
}

/** A graphic with transparency, narrower than the widest rendition. */
async function transparentGraphic(file: string): Promise<void> {
  await sharp({ create: { width: 900, height: 600, channels: 4, background: { r: 200, g: 0, b: 0, alpha: 0.4 } } }).png().toFile(file);
}

let site: BuiltSite;
let contentDir: string;

beforeAll(async () => {
  contentDir = writeContent({
    "nyheter/2024-05-01-bilder.md": markdownFile(
      {
        title: "Bilder i en nyhet",
        date: "2024-05-01",
        summary: "En nyhet med ledbild och bilder i texten.",
        organisation: "nationella-radet",
        image: "/bilder/Åsa Öberg.JPG",
        imageAlt: "Åsa Öberg vid kansliets entré",
        imageCaption: "Åsa Öberg <börjar> som samordnare & utvecklare.",
        imageCredit: "Anna \"Foto\" Berg",
      },
      [
        "Första stycket.",
        "",
        '![Karta över förbunden](/bilder/karta.png "Förbunden i Sverige & deras <gränser>")',
        "",
        "En bild mitt i texten: ![Åsa igen](/bilder/%C3%85sa%20%C3%96berg.JPG) och sedan mer text.",
        "",
        "[Ladda ner bilden](/bilder/Åsa%20Öberg.JPG)",
      ].join("\n"),
    ),
  });
  await phonePhoto(path.join(contentDir, PHOTO));
  await transparentGraphic(path.join(contentDir, GRAPHIC));
  site = await buildSite(contentDir);
}, 120_000);

function page(): cheerio.CheerioAPI {
  return cheerio.load(site.read("/nyheter/2024/bilder/"));
}

/** The file a site path names in the built site, as sharp reads it. */
async function builtImage(url: string): Promise<sharp.Metadata> {
  return sharp(path.join(site.outDir, decodeURI(url))).metadata();
}

describe("published images", () => {
  it("never publishes an original, and names every rendition by a slug and a hash", () => {
    const images = site.files().filter((file) => file.startsWith("/bilder/"));
    expect(images).not.toContain("/bilder/Åsa Öberg.JPG");
    expect(images).not.toContain("/bilder/karta.png");
    expect(images.length).toBeGreaterThan(0);
    for (const file of images) expect(file).toMatch(/^\/bilder\/(asa-oberg|karta)-[A-Za-z0-9_-]{10}-(\d+\.(avif|webp|jpeg|png)|1200x630\.jpeg)$/);
  });

  it("writes no EXIF, GPS position or camera serial into any published file", async () => {
    const original = await sharp(path.join(contentDir, PHOTO)).metadata();
    expect(exifReader(original.exif as Buffer).GPSInfo).toBeDefined();
    for (const file of site.files().filter((name) => name.startsWith("/bilder/"))) {
      const metadata = await builtImage(file);
      expect(metadata.exif, file).toBeUndefined();
      expect(metadata.xmp, file).toBeUndefined();
      const bytes = fs.readFileSync(path.join(site.outDir, file));
      expect(bytes.includes(Buffer.from("SN-12345")), file).toBe(false);
      expect(bytes.includes(Buffer.from("Telefon")), file).toBe(false);
    }
  });

  it("shows the lead image's caption and credit as its figure's caption, escaped", () => {
    const figure = page()("figure.lead-figure");
    expect(figure.find("picture img.lead-image")).toHaveLength(1);
    expect(figure.find("figcaption").text()).toBe('Åsa Öberg <börjar> som samordnare & utvecklare. Foto: Anna "Foto" Berg');
    expect(figure.find("figcaption .credit").text()).toBe('Foto: Anna "Foto" Berg');
  });

  it("turns a photo stored turned, so the published pixels stand as the phone showed them", async () => {
    const $ = page();
    const lead = $("picture img.lead-image");
    expect(Number(lead.attr("width"))).toBe(1600);
    expect(Number(lead.attr("height"))).toBe(1067);
  });

  it("gives the lead image a <picture> with AVIF, WebP and JPEG whose every srcset entry exists at its width", async () => {
    const $ = page();
    const picture = $("picture").has("img.lead-image");
    expect(picture.find("source").map((_, source) => $(source).attr("type")).get()).toEqual(["image/avif", "image/webp"]);
    const img = picture.find("img");
    expect(img.attr("alt")).toBe("Åsa Öberg vid kansliets entré");
    // The lead image is seen first: not lazy.
    expect(img.attr("loading")).toBeUndefined();
    expect(img.attr("fetchpriority")).toBe("high");
    const sets = [...picture.find("source").map((_, source) => $(source).attr("srcset")).get(), img.attr("srcset") as string];
    for (const set of sets) {
      const entries = set.split(", ").map((entry) => entry.split(" "));
      expect(entries.map(([, width]) => width)).toEqual(["400w", "800w", "1200w", "1600w"]);
      for (const [url, width] of entries) {
        const metadata = await builtImage(url as string);
        expect(metadata.width).toBe(Number.parseInt(width as string, 10));
        // Each file keeps the photo's 3:2 as the turned original has it (2400 × 1600).
        expect(metadata.height).toBe(Math.round(((metadata.width as number) * 1600) / 2400));
      }
    }
    const src = await builtImage(img.attr("src") as string);
    expect(src.format).toBe("jpeg");
  });

  it("makes a body image a lazy <picture>, and one standing alone with a title a <figure> with that caption", async () => {
    const $ = page();
    const figure = $(".body figure");
    expect(figure).toHaveLength(1);
    expect(figure.find("figcaption").text()).toBe("Förbunden i Sverige & deras <gränser>");
    const img = figure.find("picture img");
    expect(img.attr("alt")).toBe("Karta över förbunden");
    expect(img.attr("title")).toBeUndefined();
    expect(img.attr("loading")).toBe("lazy");
    expect(img.attr("decoding")).toBe("async");
    // Transparency keeps PNG as the fallback; the graphic is 900 px wide and never made wider (nor offered at 900 as
    // well as 800: eleventy-img adds the original's width only when it is a quarter wider than the last).
    const widths = (img.attr("srcset") as string).split(", ").map((entry) => entry.split(" ")[1]);
    expect(widths).toEqual(["400w", "800w"]);
    const fallback = await builtImage(img.attr("src") as string);
    expect(fallback.format).toBe("png");
    expect(fallback.hasAlpha).toBe(true);
    expect(Number(img.attr("width"))).toBe(800);
    expect(Number(img.attr("height"))).toBe(533);

    // Inside a paragraph it stays phrasing content: a picture, no figure.
    const inline = $(".body p picture img[alt='Åsa igen']");
    expect(inline).toHaveLength(1);
    expect(inline.attr("srcset")).toContain("/bilder/asa-oberg-");
  });

  it("leads a link to an original to its largest published rendition", () => {
    const href = page()("a:contains('Ladda ner bilden')").attr("href") as string;
    expect(href).toMatch(/^\/bilder\/asa-oberg-[A-Za-z0-9_-]{10}-1600\.jpeg$/);
    expect(site.exists(href)).toBe(true);
  });

  it("gives a shared link a 1200 × 630 card, and JSON-LD and both feeds the 1200-px rendition", async () => {
    const $ = page();
    const card = $('meta[property="og:image"]').attr("content") as string;
    expect(card).toMatch(/^https:\/\/finsam\.example\/bilder\/asa-oberg-[A-Za-z0-9_-]{10}-1200x630\.jpeg$/);
    expect($('meta[property="og:image:width"]').attr("content")).toBe("1200");
    expect($('meta[property="og:image:height"]').attr("content")).toBe("630");
    const cardFile = await builtImage(new URL(card).pathname);
    expect([cardFile.width, cardFile.height, cardFile.format, cardFile.exif]).toEqual([1200, 630, "jpeg", undefined]);
    const og = `https://finsam.example${$("picture img.lead-image").attr("srcset")?.split(", ")[2]?.split(" ")[0]}`;
    expect(og).toMatch(/-1200\.jpeg$/);
    const jsonLd = $('script[type="application/ld+json"]').map((_, script) => JSON.parse($(script).text()) as { image?: string[] }).get();
    expect(jsonLd.some((object) => JSON.stringify(object.image) === JSON.stringify([card, og]))).toBe(true);
    const json = JSON.parse(site.read("/feed.json")) as { items: { title: string; image?: string; banner_image?: string; content_html: string }[] };
    const item = json.items.find((entry) => entry.title === "Bilder i en nyhet");
    expect(item?.image).toBe(og);
    expect(item?.banner_image).toBe(og);
    expect(item?.content_html.startsWith(`<p><img src="${og}" alt="Åsa Öberg vid kansliets entré" width="1200" height="800">`)).toBe(true);
    const atom = cheerio.load(site.read("/feed.xml"), { xml: true });
    const entry = atom("entry").filter((_, element) => atom(element).children("title").text() === "Bilder i en nyhet");
    expect(entry.find('link[rel="enclosure"]').attr("href")).toBe(og);
    expect(entry.find('link[rel="enclosure"]').attr("type")).toBe("image/jpeg");
    expect(entry.find("content").text().startsWith(`<p><img src="${og}"`)).toBe(true);
  });

  it("encodes nothing again on a second build: every rendition comes from the cache", async () => {
    const cache = process.env.FINSAM_IMAGE_CACHE as string;
    const before = new Map(fs.readdirSync(cache).map((name) => [name, fs.statSync(path.join(cache, name)).mtimeMs]));
    const again = await buildSite(contentDir);
    const after = new Map(fs.readdirSync(cache).map((name) => [name, fs.statSync(path.join(cache, name)).mtimeMs]));
    expect(after).toEqual(before);
    expect(again.files().filter((file) => file.startsWith("/bilder/"))).toEqual(site.files().filter((file) => file.startsWith("/bilder/")));
  });
});

describe("the pages workflow", () => {
  it("restores the image cache the build uses before it builds, keyed by the originals", () => {
    const workflow = parse(fs.readFileSync(".github/workflows/pages.yml", "utf8")) as {
      jobs: { build: { steps: { uses?: string; run?: string; with?: Record<string, string> }[] } };
    };
    const steps = workflow.jobs.build.steps;
    const cache = steps.findIndex((step) => step.uses?.startsWith("actions/cache@") && step.with?.path === DEFAULT_IMAGE_CACHE);
    expect(cache).toBeGreaterThan(-1);
    expect(cache).toBeLessThan(steps.findIndex((step) => step.run === "npm run build"));
    expect(steps[cache]?.with?.key).toContain("hashFiles('content/bilder/**')");
  });
});

describe("a lead image's focus", () => {
  it("cuts the social card where the document asks, and only that document's", async () => {
    const dir = writeContent({
      "nyheter/2024-05-01-upptill.md": markdownFile({
        title: "Upptill",
        date: "2024-05-01",
        summary: "Delningsbilden från bildens överkant.",
        organisation: "nationella-radet",
        image: "/bilder/hog.jpg",
        imageAlt: "Ett högt foto, rött upptill och blått nedtill",
        imageFocus: "upptill",
      }),
      "nyheter/2024-05-02-utan.md": markdownFile({
        title: "Utan",
        date: "2024-05-02",
        summary: "Delningsbilden där bilden har mest detaljer.",
        organisation: "nationella-radet",
        image: "/bilder/hog.jpg",
        imageAlt: "Samma foto",
      }),
    });
    // Tall, red at the top and blue at the bottom: the card cut "upptill" is red.
    fs.mkdirSync(path.join(dir, "bilder"), { recursive: true });
    await sharp({ create: { width: 1200, height: 2400, channels: 3, background: { r: 0, g: 0, b: 220 } } })
      .composite([{ input: Buffer.from('<svg width="1200" height="2400"><rect width="1200" height="800" fill="rgb(220,0,0)"/></svg>'), top: 0, left: 0 }])
      .jpeg()
      .toFile(path.join(dir, "bilder", "hog.jpg"));
    const built = await buildSite(dir);
    const card = (sitePath: string) => new URL(cheerio.load(built.read(sitePath))('meta[property="og:image"]').attr("content") as string).pathname;
    const top = card("/nyheter/2024/upptill/");
    expect(top).toMatch(/-1200x630-top\.jpeg$/);
    expect(card("/nyheter/2024/utan/")).toMatch(/-1200x630\.jpeg$/);
    const { dominant } = await sharp(path.join(built.outDir, top)).stats();
    expect(dominant.r).toBeGreaterThan(150);
    expect(dominant.b).toBeLessThan(100);
  });
});

describe("the renditions manifest", () => {
  it("answers for an original of the same size and time without reading it, and looks again when either changes", async () => {
    const dir = writeContent({});
    const file = path.join(dir, "bilder", "karta.png");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await transparentGraphic(file);
    // A time in whole milliseconds, which utimes can set again exactly.
    const mtime = new Date("2026-05-01T10:00:00Z");
    fs.utimesSync(file, mtime, mtime);
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-manifest-"));
    const first = await processContentImages(dir, cache);
    const url = first.catalogue.get("/bilder/karta.png")?.social.url;
    expect(url).toBeDefined();

    // Other bytes of the same size under the same time: only the manifest can still name the first renditions.
    const { size } = fs.statSync(file);
    const other = Buffer.alloc(size, 0x20);
    fs.writeFileSync(file, other);
    fs.utimesSync(file, mtime, mtime);
    expect((await processContentImages(dir, cache)).catalogue.get("/bilder/karta.png")?.social.url).toBe(url);

    // A new time: the original is read again (and is no image now).
    fs.utimesSync(file, new Date(), new Date());
    const again = await processContentImages(dir, cache);
    expect(again.catalogue.has("/bilder/karta.png")).toBe(false);
    expect(again.failed.map((failure) => failure.asset.sitePath)).toEqual(["/bilder/karta.png"]);
  });
});

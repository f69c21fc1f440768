// What `npm run check` says about images, run as editors and CI run it, on real files made with sharp: files that are
// not what their name says, an oversized original, SVG with script or external references, a narrow lead image and
// alt texts that say nothing. One finding per file (however many documents share it), at path:line:column.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { markdownFile, writeContent } from "../../helpers/build.ts";
import { writeImage } from "../../helpers/images.ts";
import { at, runCheck, shown } from "../../helpers/check-cli.ts";

const SVG = 'xmlns="http://www.w3.org/2000/svg"';
/** The first bytes of an iPhone photo: an ISO-BMFF "ftyp" box with the brand heic. */
const HEIC_HEAD = Buffer.concat([Buffer.from("0000001866747970686569630000000068656963", "hex"), Buffer.from("mif1heic"), Buffer.alloc(512, 7)]);

function news(fields: Record<string, unknown>, body = "Text."): string {
  return markdownFile({ title: "En nyhet", date: "2024-01-15", summary: "Kort.", organisation: "nns", ...fields }, body);
}

describe("a tree with every kind of image problem", () => {
  let dir: string;
  let lines: string[];
  let code: number | null;
  let json: { problems: { file: string; line?: number; column?: number; field?: string; severity: string; message: string }[] };

  beforeAll(async () => {
    dir = writeContent({
      "nyheter/2024-01-10-smal.md": news({ title: "Smal", date: "2024-01-10", image: "/bilder/smal.jpg", imageAlt: "IMG_1234.JPG" }),
      "nyheter/2024-01-11-bred.md": news(
        { title: "Bred", date: "2024-01-11", image: "/bilder/bred.jpg", imageAlt: "Styrelsen samlad runt ett bord" },
        "Text.\n\n![bild](/bilder/bred.jpg)\n\n![Finsams logotyp](/bilder/logotyp.svg)",
      ),
      "nyheter/2024-01-12-iphone.md": news({ title: "Iphone", date: "2024-01-12", image: "/bilder/iphone.jpg", imageAlt: "Åsa Öberg vid talarstolen" }),
      "nyheter/2024-01-13-delad.md": news({ title: "Delad", date: "2024-01-13", image: "/bilder/iphone.jpg", imageAlt: "Åsa Öberg vid talarstolen" }),
      "bilder/text.jpg": "Det här är ingen bild.\n",
      "bilder/skript.svg": `<svg ${SVG} viewBox="0 0 10 10">\n  <script>alert(1)</script>\n</svg>\n`,
      "bilder/onload.svg": `<svg ${SVG}\n     onload="alert(1)" viewBox="0 0 10 10"/>\n`,
      "bilder/extern.svg": `<svg ${SVG} xmlns:xlink="http://www.w3.org/1999/xlink">\n  <image xlink:href="https://example.com/spion.png" width="1" height="1"/>\n</svg>\n`,
      "bilder/logotyp.svg": `<svg ${SVG} viewBox="0 0 10 10"><title>Finsam</title><rect width="10" height="10" fill="#1d4f91"/></svg>\n`,
    });
    await writeImage(dir, "bilder/smal.jpg", { width: 600, height: 400 });
    await writeImage(dir, "bilder/bred.jpg", { width: 1600, height: 900 });
    fs.writeFileSync(path.join(dir, "bilder/iphone.jpg"), HEIC_HEAD);
    // Zeros: were this file opened, it would be reported as unreadable too.
    fs.writeFileSync(path.join(dir, "bilder/stor.jpg"), Buffer.alloc(31 * 1024 * 1024));
    const text = runCheck(["--content", dir]);
    lines = text.stdout.split("\n");
    code = text.code;
    json = JSON.parse(runCheck(["--content", dir, "--json"]).stdout) as typeof json;
  });

  /** The printed lines about one file. */
  const about = (file: string) => lines.filter((line) => line.startsWith(`${shown(dir, file)}:`) || line.startsWith(`${shown(dir, file)} `));

  it("refuses a HEIC saved as .jpg once, naming HEIC and what to do, and the documents that use it", () => {
    expect(about("bilder/iphone.jpg")).toEqual([
      `${shown(dir, "bilder/iphone.jpg")} fel: filen heter .jpg men är en HEIC-bild (det format iPhone sparar foton i), och webbplatsens bildverktyg kan inte läsa HEIC; exportera bilden som JPEG och lägg in den igen (på iPhone: Inställningar > Kamera > Format > Mest kompatibel gör att nya foton sparas som JPEG) (används i ${shown(dir, "nyheter/2024-01-12-iphone.md")}, ${shown(dir, "nyheter/2024-01-13-delad.md")})`,
    ]);
  });

  it("refuses a text file named .jpg, saying what it is", () => {
    expect(about("bilder/text.jpg")).toEqual([
      `${shown(dir, "bilder/text.jpg")} fel: filen heter .jpg men är en textfil, inte en bild som webbplatsen kan visa; lägg in bilden som JPEG, PNG, WebP eller AVIF (den används inte i någon text)`,
    ]);
  });

  it("refuses a 31 MB original from its size alone, without opening it", () => {
    const found = about("bilder/stor.jpg");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^\S+ fel: bilden är 31,0 MB, men en bild får vara högst 30 MB, så den har inte öppnats; spara den i mindre storlek/);
  });

  it("refuses SVG with <script>, an onload attribute or an external href, at the line and column of what it found", () => {
    expect(about("bilder/skript.svg")).toEqual([
      expect.stringMatching(new RegExp(`^${shown(dir, "bilder/skript.svg")}:${at(dir, "bilder/skript.svg", "<script>")} fel: SVG-filen innehåller <script> på rad 2: .* kan då köra kod i besökarens webbläsare`)),
    ]);
    expect(about("bilder/onload.svg")).toEqual([
      expect.stringMatching(new RegExp(`^${shown(dir, "bilder/onload.svg")}:${at(dir, "bilder/onload.svg", "onload=")} fel: SVG-filen innehåller attributet onload `)),
    ]);
    expect(about("bilder/extern.svg")).toEqual([
      expect.stringContaining(`${shown(dir, "bilder/extern.svg")}:${at(dir, "bilder/extern.svg", "xlink:href")} fel: SVG-filen innehåller xlink:href="https://example.com/spion.png" (en länk eller hänvisning till en annan fil eller webbplats) på rad 2`),
    ]);
  });

  it("says nothing about a clean SVG logo or a lead image 1600 px wide", () => {
    expect(about("bilder/logotyp.svg")).toEqual([]);
    expect(about("bilder/bred.jpg")).toEqual([]);
    expect(lines.filter((line) => line.includes("/bilder/logotyp.svg"))).toEqual([]);
  });

  it("warns about a lead image 600 px wide at its field, and about alt texts that are a file name or 'bild'", () => {
    expect(about("nyheter/2024-01-10-smal.md")).toEqual([
      `${shown(dir, "nyheter/2024-01-10-smal.md")}:${at(dir, "nyheter/2024-01-10-smal.md", '"/bilder/smal.jpg"')} varning: fältet "image": bilden /bilder/smal.jpg är 600 pixlar bred, men en huvudbild bör vara minst 800 pixlar bred, annars blir den suddig på stora skärmar och när sidan delas; använd en större version av bilden, helst originalet från kameran eller telefonen`,
      `${shown(dir, "nyheter/2024-01-10-smal.md")}:${at(dir, "nyheter/2024-01-10-smal.md", '"IMG_1234.JPG"')} varning: fältet "imageAlt": alt-texten "IMG_1234.JPG" är ett filnamn och säger inget om vad bilden visar; skriv vad bilden visar för den som inte kan se den, t.ex. "Styrelsen samlad runt ett bord" (en bildtext eller fotografens namn hör inte hit)`,
    ]);
    expect(about("nyheter/2024-01-11-bred.md")).toEqual([
      `${shown(dir, "nyheter/2024-01-11-bred.md")}:${at(dir, "nyheter/2024-01-11-bred.md", "![bild]")} varning: bilden /bilder/bred.jpg: alt-texten "bild" säger bara att det är en bild, inte vad den visar; skriv vad bilden visar mellan hakparenteserna, t.ex. ![Styrelsen samlad runt ett bord](/bilder/bred.jpg)`,
    ]);
  });

  it("exits 1, and gives the same findings with their fields in --json", () => {
    expect(code).toBe(1);
    const images = json.problems.filter((problem) => problem.file.includes("/bilder/") || /bild/.test(problem.message));
    expect(images.filter((problem) => problem.severity === "fel")).toHaveLength(6);
    expect(json.problems.find((problem) => problem.message.includes("600 pixlar"))).toMatchObject({ field: "image", severity: "varning" });
    expect(json.problems.find((problem) => problem.message.includes("IMG_1234"))).toMatchObject({ field: "imageAlt", severity: "varning" });
  });
});

describe("an image only a draft uses", () => {
  it("is a warning, as the draft's own errors are, but unsafe SVG stays an error", () => {
    const dir = writeContent({
      "nyheter/2024-01-10-utkast.md": news({ title: "Utkast", date: "2024-01-10", draft: true, image: "/bilder/iphone.jpg", imageAlt: "bild" }, "![Diagram](/bilder/skript.svg)"),
      "bilder/skript.svg": `<svg ${SVG}><script>alert(1)</script></svg>`,
    });
    fs.writeFileSync(path.join(dir, "bilder/iphone.jpg"), HEIC_HEAD);
    const { code, stdout } = runCheck(["--content", dir]);
    const lines = stdout.split("\n");
    expect(lines.find((line) => line.startsWith(shown(dir, "bilder/iphone.jpg")))).toMatch(/ varning: filen heter \.jpg men är en HEIC-bild .*\(bara utkast använder bilden: rätta det innan de publiceras\)$/);
    expect(lines.find((line) => line.startsWith(shown(dir, "bilder/skript.svg")))).toMatch(/:1:\d+ fel: SVG-filen innehåller <script>/);
    expect(lines.find((line) => line.startsWith(shown(dir, "nyheter/2024-01-10-utkast.md")))).toMatch(/ varning: fältet "imageAlt": alt-texten "bild"/);
    expect(code).toBe(1);
  });
});

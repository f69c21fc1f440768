// The image check's parts on real files: what a file really is (magic bytes), a cut-off upload found by its end and
// confirmed by decoding, an oversized original never opened, SVG read with an XML parser, alt texts that say nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { imageFacts, MAX_IMAGE_BYTES, sniff } from "../../../src/site-model/image-facts.ts";
import { checkSvg } from "../../../src/site-model/svg-check.ts";
import { placeholderAlt } from "../../../src/site-model/image-checks.ts";
import { imageBytes } from "../../helpers/images.ts";

const SVG = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';

function tempFile(name: string, bytes: Buffer | string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "finsam-image-")), name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** A photo-like image (noise compresses badly, so half the file is half the image data). */
async function noise(format: "jpeg" | "png"): Promise<Buffer> {
  const pixels = Buffer.from(Array.from({ length: 300 * 200 * 3 }, (_, index) => (index * 7919) % 251));
  return sharp(pixels, { raw: { width: 300, height: 200, channels: 3 } }).toFormat(format).toBuffer();
}

describe("sniff: what the first bytes say a file is", () => {
  it.each([
    ["an iPhone's HEIC", Buffer.concat([Buffer.from("0000001866747970686569630000000068656963", "hex"), Buffer.from("mif1heic")]), "heic"],
    ["an AVIF that also lists mif1", Buffer.concat([Buffer.from("000000206674797061766966000000006d696631", "hex"), Buffer.from("avifmiaf")]), "avif"],
    ["an MP4 video", Buffer.concat([Buffer.from("00000018667479706d703432", "hex"), Buffer.alloc(12)]), "video"],
    ["a PDF", Buffer.from("%PDF-1.7\n"), "pdf"],
    ["a Word document", Buffer.from("PK\u0003\u0004rest"), "zip"],
    ["plain text", Buffer.from("Det här är text.\n"), "text"],
    ["an Illustrator SVG", Buffer.from('<?xml version="1.0"?>\n<!-- Generator: Adobe Illustrator -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">\n<svg/>'), "svg"],
    ["a web page", Buffer.from("<!doctype html><html></html>"), "html"],
    ["nothing", Buffer.alloc(0), "empty"],
  ])("%s", (_, head, kind) => {
    expect(sniff(head)).toBe(kind);
  });
});

describe("imageFacts", () => {
  it("reads format, width and height of a real JPEG from its header", async () => {
    const file = tempFile("a.jpg", await imageBytes({ width: 600, height: 400 }));
    expect(await imageFacts(file)).toMatchObject({ kind: "raster", actual: "jpeg", width: 600, height: 400 });
  });

  it.each(["jpeg", "png"] as const)("finds a %s cut off halfway through, whose header is whole", async (format) => {
    const whole = await noise(format);
    expect(await imageFacts(tempFile("whole", whole))).toMatchObject({ kind: "raster", width: 300 });
    expect(await imageFacts(tempFile("half", whole.subarray(0, whole.length >> 1)))).toMatchObject({ kind: "broken", truncated: true });
  });

  it("keeps a JPEG with data after its end (a motion photo), confirmed by decoding it", async () => {
    const file = tempFile("rörlig.jpg", Buffer.concat([await noise("jpeg"), Buffer.alloc(100 * 1024, 1)]));
    expect(await imageFacts(file)).toMatchObject({ kind: "raster", width: 300 });
  });

  it("only measures a file over the limit: a file of zeros is not reported as broken, as it would be once read", async () => {
    const file = tempFile("stor.jpg", Buffer.alloc(MAX_IMAGE_BYTES + 1));
    expect(await imageFacts(file)).toEqual({ kind: "too-large", bytes: MAX_IMAGE_BYTES + 1 });
  });
});

describe("checkSvg", () => {
  it("passes a logo with gradients, local references, styles and a doctype", () => {
    const logo = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg ${SVG} viewBox="0 0 10 10"><title>Finsam</title><defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>
<style>.a { fill: url(#g); } /* url(https://x) only in a comment */</style>
<rect class="a" fill="url('#g')" width="10" height="10"/><use xlink:href="#g"/><a href="#top"><text>x</text></a></svg>`;
    expect(checkSvg(logo)).toEqual({ kind: "clean" });
  });

  it.each([
    ["<script>", `<svg ${SVG}>\n<script>alert(1)</script></svg>`, "<script> på rad 2"],
    ["a script in another namespace prefix", `<svg ${SVG} xmlns:h="http://www.w3.org/1999/xhtml"><h:script>1</h:script></svg>`, "<h:script>"],
    ["an onload attribute", `<svg ${SVG} onload="alert(1)"/>`, "attributet onload"],
    ["an event attribute in capitals", `<svg ${SVG}><rect onClick="x"/></svg>`, "attributet onClick"],
    ["<foreignObject>", `<svg ${SVG}><foreignObject><div xmlns="http://www.w3.org/1999/xhtml"/></foreignObject></svg>`, "<foreignObject>"],
    ["an external href", `<svg ${SVG}><image href="https://example.com/a.png"/></svg>`, 'href="https://example.com/a.png"'],
    ["xlink:href under another prefix", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:l="http://www.w3.org/1999/xlink"><use l:href="other.svg#a"/></svg>`, 'l:href="other.svg#a"'],
    ["javascript: written with character references", `<svg ${SVG}><a href="&#106;ava&#x09;script:alert(1)"/></svg>`, "javascript:-adress"],
    ["a data: URL", `<svg ${SVG}><image href="data:image/png;base64,AAAA"/></svg>`, "data:-adress"],
    ["@import in a style", `<svg ${SVG}><style><![CDATA[@import "https://x/a.css";]]></style></svg>`, "@import"],
    ["an external url() behind a CSS escape", `<svg ${SVG}><rect style="fill: u\\72l(https://x/f.svg#a)"/></svg>`, "url(https://x/f.svg#a)"],
    ["an animation that sets href", `<svg ${SVG}><a><set attributeName="href" to="https://x"/></a></svg>`, "som ändrar attributet href"],
    ["an entity that a browser expands into markup", `<!DOCTYPE svg [<!ENTITY x "&#60;script&#62;">]><svg ${SVG}>&x;</svg>`, "<!ENTITY>"],
    ["an external stylesheet", `<?xml-stylesheet href="https://x/a.css"?><svg ${SVG}/>`, "<?xml-stylesheet?>"],
  ])("refuses %s", (_, svg, what) => {
    const verdict = checkSvg(svg);
    expect(verdict.kind).toBe("unsafe");
    const findings = verdict.kind === "unsafe" ? verdict.findings.map((finding) => `${finding.what}${finding.position ? ` på rad ${finding.position.line}` : ""}`) : [];
    expect(findings.join("; ")).toContain(what);
  });

  it("says where XML is broken, and what a file that is not SVG begins with", () => {
    expect(checkSvg(`<svg ${SVG}>\n<g></svg>`)).toMatchObject({ kind: "not-xml", position: { line: 2 } });
    expect(checkSvg("<html><body/></html>")).toEqual({ kind: "not-svg", root: "html" });
  });
});

describe("placeholderAlt", () => {
  it.each([
    ["IMG_1234.JPG", "file-name"],
    ["bild.jpg", "file-name"],
    ["DSC01234", "file-name"],
    ["PXL_20240101_101010", "file-name"],
    ["bild", "generic"],
    ["Bilden.", "generic"],
    ["foto 2", "generic"],
    ["image", "generic"],
  ])("%s is a %s", (alt, reason) => {
    expect(placeholderAlt(alt)).toBe(reason);
  });

  it.each(["Styrelsen samlad runt ett bord", "Bild av Åsa Öberg vid talarstolen", "Karta över Blekinge"])("%s describes the image", (alt) => {
    expect(placeholderAlt(alt)).toBeUndefined();
  });
});

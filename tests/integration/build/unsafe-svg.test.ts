// A real build refuses an SVG that could run script on the site's own origin, and publishes nothing: the image check
// runs in the same loadSite as every other check, so check and build cannot disagree.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite, markdownFile, writeContent } from "../../helpers/build.ts";

const SVG = 'xmlns="http://www.w3.org/2000/svg"';

describe("a build with an SVG that carries script", () => {
  it("stops with the file, the line and column, and what was found", async () => {
    const dir = writeContent({
      "nyheter/2024-01-15-logotyp.md": markdownFile(
        { title: "Ny logotyp", date: "2024-01-15", summary: "Kort.", organisation: "nns" },
        "Så här ser den ut:\n\n![Finsams nya logotyp](/bilder/logotyp.svg)",
      ),
      "bilder/logotyp.svg": `<svg ${SVG} viewBox="0 0 10 10">\n  <rect width="10" height="10" onclick="fetch('/admin/')"/>\n</svg>\n`,
    });
    const error = await buildSite(dir).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(/^Bygget stoppades: 1 fel i 1 fil\./);
    const shown = path.relative(process.cwd(), path.join(dir, "bilder/logotyp.svg")).split(path.sep).join("/");
    expect(message).toContain(`${shown}:2:${'  <rect width="10" height="10" '.length + 1} fel: SVG-filen innehåller attributet onclick (kör kod när bilden visas eller används) på rad 2`);
    expect(message).toContain("Inget har publicerats.");
  });

  it("builds once the SVG is clean, and publishes it", async () => {
    const dir = writeContent({
      "nyheter/2024-01-15-logotyp.md": markdownFile(
        { title: "Ny logotyp", date: "2024-01-15", summary: "Kort.", organisation: "nns" },
        "![Finsams nya logotyp](/bilder/logotyp.svg)",
      ),
      "bilder/logotyp.svg": `<svg ${SVG} viewBox="0 0 10 10"><rect width="10" height="10" fill="#1d4f91"/></svg>\n`,
    });
    const site = await buildSite(dir);
    expect(site.exists("/bilder/logotyp.svg")).toBe(true);
    expect(fs.readFileSync(path.join(site.outDir, "bilder/logotyp.svg"), "utf8")).not.toContain("onclick");
  });
});

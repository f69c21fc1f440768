// What check says about the images under content/bilder/: files that are not the image their name says (a HEIC from
// an iPhone saved as .jpg, text, a cut-off upload), originals too large to publish, SVG that can run script or fetch
// other content, lead images too narrow for the layout, and alt texts that are a file name or just "bild".
import path from "node:path";
import type { LoadResult } from "../content/load.ts";
import type { ContentProblem, Severity } from "../content/problems.ts";
import { DATA_FOLDER, shownPath } from "../content/files.ts";
import type { ContentDocument } from "../content/document.ts";
import type { BodyReference, Position } from "../content/checks/body.ts";
import { normaliseSitePath, offSitePathReason } from "../content/fields.ts";
import { bodyReferences, fieldPosition, IMAGES_FOLDER, sitePath } from "./links.ts";
import { extensionOf, imageFacts, MAX_IMAGE_BYTES, type ImageFacts, type SniffedKind } from "./image-facts.ts";
import { checkSvg } from "./svg-check.ts";

/** A lead image is shown across the article's column and cropped for sharing: narrower than this, it looks blurred. */
export const MIN_LEAD_IMAGE_WIDTH = 800;

/** Files read at once: sharp decodes headers on libuv's pool of four threads, and more open files gain nothing. */
const READ_AT_ONCE = 4;

/** Where an image is used: which file, and whether that file is published some day (not a draft or a rejected file). */
interface ImageUse {
  file: string;
  draft: boolean;
}

/** What the first bytes showed, as the editor knows it. */
const KIND_NAMES: Record<SniffedKind, string> = {
  jpeg: "en JPEG-bild",
  png: "en PNG-bild",
  gif: "en GIF-bild",
  webp: "en WebP-bild",
  avif: "en AVIF-bild",
  heic: "en HEIC-bild",
  svg: "en SVG-bild",
  tiff: "en TIFF-bild, som webbläsare inte visar",
  bmp: "en BMP-bild, som är okomprimerad och inte hör hemma på webben",
  psd: "en Photoshop-fil",
  pdf: "en PDF-fil",
  zip: "en ZIP-fil (t.ex. ett Word- eller PowerPoint-dokument)",
  video: "en videofil",
  html: "en webbsida (HTML)",
  text: "en textfil",
  empty: "tom",
  unknown: "ingen bild som går att känna igen",
};

/** The extension each format is served with: a browser shows an SVG only as .svg, and a JPEG never as .svg. */
const EXTENSIONS: Partial<Record<SniffedKind, string>> = { jpeg: "jpg", png: "png", gif: "gif", webp: "webp", avif: "avif", svg: "svg" };

/** Alt texts that only say that there is an image (compared in lower case, without a number or full stop after). */
const GENERIC_ALT = new Set([
  "bild", "bilden", "bilder", "foto", "fotot", "foton", "fotografi", "fotografiet", "fotografering", "illustration",
  "grafik", "figur", "ikon", "skärmbild", "skärmdump", "image", "img", "picture", "photo", "pic", "alt", "alt-text",
  "alttext", "bildtext", "beskrivning", "logga", "logo", "logotyp",
]);
const IMAGE_FILE_NAME = /\.(?:jpe?g|png|gif|webp|avif|svg|heic|heif|tiff?|bmp)$/i;
/** What cameras, phones and screenshot tools call a file: IMG_1234, DSC01234, PXL_20240101_…, "Skärmavbild 2024-…". */
const CAMERA_NAME = /^(?:img|dsc[fn]?|pxl|dcim|mvimg|screenshot|skärmavbild|skärmbild|whatsapp image|photo|image)[\s_-]*\d[\w\s.-]*$/i;

/** Why an alt text says nothing about the image: it is a file name, or a word for "image". */
export function placeholderAlt(alt: string): "file-name" | "generic" | undefined {
  const text = alt.trim();
  if (IMAGE_FILE_NAME.test(text) || CAMERA_NAME.test(text)) return "file-name";
  const word = text.toLowerCase().replace(/[\s.:!]*\d*[\s.:!]*$/, "");
  return GENERIC_ALT.has(word) ? "generic" : undefined;
}

function altAdvice(alt: string, reason: "file-name" | "generic"): string {
  return reason === "file-name"
    ? `alt-texten "${alt.trim()}" är ett filnamn och säger inget om vad bilden visar`
    : `alt-texten "${alt.trim()}" säger bara att det är en bild, inte vad den visar`;
}

/** The file of an image on disk from its site path: as listed (NFC), or as a Mac may have written its name (NFD). */
function fileOf(root: string, imagePath: string): string[] {
  const relative = imagePath.split("/").filter(Boolean);
  const nfc = path.join(root, ...relative);
  const nfd = path.join(root, ...relative.map((segment) => segment.normalize("NFD")));
  return nfc === nfd ? [nfc] : [nfc, nfd];
}

type Read = { file: string; facts: ImageFacts } | { file: string; code: string };

async function readFacts(root: string, imagePath: string): Promise<Read> {
  const [first, ...others] = fileOf(root, imagePath);
  let lastCode = "okänt fel";
  for (const file of [first as string, ...others]) {
    try {
      return { file, facts: await imageFacts(file) };
    } catch (error) {
      lastCode = (error as NodeJS.ErrnoException).code ?? "okänt fel";
      if (lastCode !== "ENOENT") return { file, code: lastCode };
    }
  }
  return { file: first as string, code: lastCode };
}

/**
 * Every image file read once, a few at a time. The facts live only as long as this load: the dev server loads again
 * after a save, and an editor may have replaced a photo under the same name since, which nothing here could tell
 * apart without reading it again (the loaded site, not a module, holds per-build state).
 */
async function readAll(root: string, images: readonly string[]): Promise<Map<string, Read>> {
  const read = new Map<string, Read>();
  let next = 0;
  const worker = async () => {
    while (next < images.length) {
      const image = images[next++] as string;
      read.set(image, await readFacts(root, image));
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_AT_ONCE, images.length) }, worker));
  return read;
}

/** The site path an image reference leads to, when it is a path on the site under /bilder/. */
function imagePathOf(target: string): string | undefined {
  const trimmed = target.trim();
  if (!trimmed.startsWith("/") || trimmed.startsWith("//")) return undefined;
  const resolved = sitePath(trimmed);
  return resolved.startsWith(`/${IMAGES_FOLDER}/`) ? resolved : undefined;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toLocaleString("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

interface FileFinding {
  severity: Severity;
  message: string;
  position?: Position;
  /** Refused even when only drafts use the image: the file is published at its own address all the same. */
  always?: true;
}

/** What is wrong with an image file itself, whoever uses it. */
function fileFinding(imagePath: string, read: Read): FileFinding | undefined {
  if ("code" in read) {
    return { severity: "fel", message: `bildfilen går inte att läsa (${read.code}); kontrollera att du har behörighet till den, eller lägg in den på nytt` };
  }
  const { facts } = read;
  const extension = extensionOf(imagePath);
  const named = `filen heter .${extension}`;
  switch (facts.kind) {
    case "too-large":
      return {
        severity: "fel",
        message: `bilden är ${megabytes(facts.bytes)} MB, men en bild får vara högst ${MAX_IMAGE_BYTES / (1024 * 1024)} MB, så den har inte öppnats; spara den i mindre storlek (en JPEG som är 2000–3000 pixlar bred räcker för webbplatsen) och lägg in den igen`,
      };
    case "not-image":
      if (facts.actual === "heic") {
        return {
          severity: "fel",
          message: `${named} men är en HEIC-bild (det format iPhone sparar foton i), och webbplatsens bildverktyg kan inte läsa HEIC; exportera bilden som JPEG och lägg in den igen (på iPhone: Inställningar > Kamera > Format > Mest kompatibel gör att nya foton sparas som JPEG)`,
        };
      }
      if (facts.actual === "empty") return { severity: "fel", message: "bildfilen är tom (0 byte); lägg in bilden på nytt" };
      return {
        severity: "fel",
        message: `${named} men är ${KIND_NAMES[facts.actual]}, inte en bild som webbplatsen kan visa; lägg in bilden som JPEG, PNG, WebP eller AVIF`,
      };
    case "broken":
      return {
        severity: "fel",
        message: facts.truncated
          ? `bilden är avkortad: filen tar slut innan bilden gör det (den laddades troligen inte upp eller kopierades inte färdigt); lägg in bilden på nytt från originalet`
          : `filen ser ut som ${KIND_NAMES[facts.actual]} men går inte att läsa, den är skadad; öppna originalet i ett bildprogram, spara det som JPEG och lägg in det igen`,
      };
    case "raster":
    case "svg":
      break;
  }
  const actual = facts.kind === "svg" ? "svg" : facts.actual;
  // A browser takes a JPEG named .png, but an SVG only as .svg, and nothing else as .svg.
  if ((actual === "svg") !== (extension === "svg")) {
    const wanted = EXTENSIONS[actual] ?? "jpg";
    return { severity: "fel", message: `${named} men är ${KIND_NAMES[actual]}, och webbläsare visar den inte under det namnet; byt filändelsen till .${wanted} och rätta sökvägen där bilden används` };
  }
  return facts.kind === "svg" ? svgFinding(facts.text) : undefined;
}

function svgFinding(text: string): FileFinding | undefined {
  const verdict = checkSvg(text);
  switch (verdict.kind) {
    case "clean":
      return undefined;
    case "not-xml":
      return {
        severity: "fel",
        ...(verdict.position ? { position: verdict.position } : {}),
        message: `SVG-filen är inte korrekt XML${verdict.position ? ` (felet är på rad ${verdict.position.line})` : ""}, så webbläsare visar ett felmeddelande i stället för bilden; exportera den på nytt från ritprogrammet`,
      };
    case "not-svg":
      return { severity: "fel", message: `filen heter .svg men är ingen SVG-bild (den börjar med <${verdict.root}>); lägg in själva bilden` };
    case "unsafe": {
      const [first] = verdict.findings;
      const listed = verdict.findings.slice(0, 4).map((finding) => (finding.position ? `${finding.what} på rad ${finding.position.line}` : finding.what));
      const more = verdict.findings.length > 4 ? ` och ${verdict.findings.length - 4} till` : "";
      return {
        severity: "fel",
        always: true,
        ...(first?.position ? { position: first.position } : {}),
        message: `SVG-filen innehåller ${listed.join(", ")}${more}: en SVG-fil öppnad på webbplatsen kan då köra kod i besökarens webbläsare eller hämta innehåll från andra adresser; webbplatsen tar bara emot SVG utan skript och externa hänvisningar (logotyper och grafik). Exportera den på nytt utan dem, eller använd en PNG-bild`,
      };
    }
  }
}

function usedIn(uses: readonly ImageUse[]): string {
  const files = [...new Set(uses.map((use) => use.file))];
  if (files.length === 0) return " (den används inte i någon text)";
  const named = files.slice(0, 2).join(", ");
  return ` (används i ${named}${files.length > 2 ? ` och ${files.length - 2} till` : ""})`;
}

/** Where each image under /bilder/ is used: lead images, body images, the site's logo and icon. */
function usesOf(loaded: Pick<LoadResult, "documents" | "root" | "references" | "rejected" | "site" | "bodies">): Map<string, ImageUse[]> {
  const uses = new Map<string, ImageUse[]>();
  const add = (target: string | undefined, use: ImageUse) => {
    const image = target === undefined ? undefined : imagePathOf(target);
    if (image === undefined) return;
    // Added to in place: a logo or a common photo has thousands of uses, and a copy per use grew as their square.
    const known = uses.get(image);
    if (known) known.push(use);
    else uses.set(image, [use]);
  };
  for (const document of loaded.documents) {
    const use = { file: document.sourcePath, draft: document.data.draft === true };
    add(leadImage(document), use);
    for (const reference of bodyReferences(loaded, document)) if (reference.kind === "image") add(reference.target, use);
  }
  for (const file of loaded.rejected) {
    // A file with errors of its own is published once they are fixed, unless it is a draft: its images are judged now.
    const use = { file: file.file, draft: file.draft };
    if (file.image !== undefined && offSitePathReason(normaliseSitePath(file.image)) === undefined) add(normaliseSitePath(file.image), use);
    for (const reference of file.references) if (reference.kind === "image") add(reference.target, use);
  }
  for (const image of [loaded.site?.settings.logo, loaded.site?.settings.icon]) {
    if (image !== undefined) add(image, { file: shownPath(path.join(loaded.root, DATA_FOLDER, "installningar.yml")), draft: false });
  }
  return uses;
}

function leadImage(document: ContentDocument): string | undefined {
  return "image" in document.data ? document.data.image : undefined;
}

/** A document's lead image narrower than the layout needs, and alt texts that describe nothing. */
function documentProblems(document: ContentDocument, references: readonly BodyReference[], read: ReadonlyMap<string, Read>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const file = document.sourcePath;
  const image = leadImage(document);
  const lead = image === undefined ? undefined : read.get(imagePathOf(image) ?? "");
  if (image !== undefined && lead && "facts" in lead && lead.facts.kind === "raster" && lead.facts.width < MIN_LEAD_IMAGE_WIDTH) {
    problems.push({
      file,
      ...fieldPosition(file, "image"),
      field: "image",
      severity: "varning",
      message: `fältet "image": bilden ${image} är ${lead.facts.width} pixlar bred, men en huvudbild bör vara minst ${MIN_LEAD_IMAGE_WIDTH} pixlar bred, annars blir den suddig på stora skärmar och när sidan delas; använd en större version av bilden, helst originalet från kameran eller telefonen`,
    });
  }
  const alt = "imageAlt" in document.data ? document.data.imageAlt : undefined;
  const altReason = alt === undefined ? undefined : placeholderAlt(alt);
  if (alt !== undefined && altReason) {
    problems.push({
      file,
      ...fieldPosition(file, "imageAlt"),
      field: "imageAlt",
      severity: "varning",
      message: `fältet "imageAlt": ${altAdvice(alt, altReason)}; skriv vad bilden visar för den som inte kan se den, t.ex. "Styrelsen samlad runt ett bord" (en bildtext eller fotografens namn hör inte hit)`,
    });
  }
  problems.push(...bodyAltProblems(file, references));
  return problems;
}

/** Body images whose alt text is a file name or a word for "image" (a missing one is body.ts's error). */
function bodyAltProblems(file: string, references: readonly BodyReference[]): ContentProblem[] {
  return references.flatMap((reference): ContentProblem[] => {
    const reason = reference.kind === "image" && reference.alt.trim() !== "" ? placeholderAlt(reference.alt) : undefined;
    if (!reason) return [];
    return [
      {
        file,
        ...reference.start,
        severity: "varning",
        message: `bilden ${reference.written}: ${altAdvice(reference.alt, reason)}; skriv vad bilden visar mellan hakparenteserna, t.ex. ![Styrelsen samlad runt ett bord](${reference.written})`,
      },
    ];
  });
}

/**
 * The image findings of a loaded folder. Each file under /bilder/ is read once however many documents share it, so
 * 10,000 documents with the same few photos cost the few reads; documents only look up what was read.
 */
export async function imageProblems(loaded: Pick<LoadResult, "documents" | "root" | "assets" | "references" | "rejected" | "site" | "bodies">): Promise<ContentProblem[]> {
  const images = loaded.assets.filter((asset) => asset.startsWith(`/${IMAGES_FOLDER}/`));
  const read = await readAll(loaded.root, images);
  const uses = usesOf(loaded);
  const problems: ContentProblem[] = [];
  for (const image of images) {
    const found = read.get(image);
    const finding = found && fileFinding(image, found);
    if (!found || !finding) continue;
    const used = uses.get(image) ?? [];
    // Only drafts use it: one editor's unfinished text must not stop everyone else's publishing (problems.ts).
    const draftsOnly = used.length > 0 && used.every((use) => use.draft) && !finding.always && finding.severity === "fel";
    problems.push({
      file: shownPath(found.file),
      ...finding.position,
      severity: draftsOnly ? "varning" : finding.severity,
      message: `${finding.message}${usedIn(used)}${draftsOnly ? " (bara utkast använder bilden: rätta det innan de publiceras)" : ""}`,
    });
  }
  for (const document of loaded.documents) problems.push(...documentProblems(document, bodyReferences(loaded, document), read));
  for (const file of loaded.rejected) problems.push(...bodyAltProblems(file.file, file.references));
  return problems;
}

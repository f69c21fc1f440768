// What an image file under content/bilder/ really is, read as cheaply as it can be: its size, its first bytes (what
// the file is, whatever its name says), the header sharp reads for format, width and height, and its last bytes (a
// file cut off in an upload). Pixels are decoded only to confirm a file whose end looks wrong.
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

/** Originals larger than this are refused before anything in them is read: no photo on a web page needs more. */
export const MAX_IMAGE_BYTES = 30 * 1024 * 1024;

/** What the first bytes say a file is, whatever its name. */
export type SniffedKind =
  | "jpeg"
  | "png"
  | "gif"
  | "webp"
  | "avif"
  | "heic"
  | "svg"
  | "tiff"
  | "bmp"
  | "psd"
  | "pdf"
  | "zip"
  | "video"
  | "html"
  | "text"
  | "empty"
  | "unknown";

/** The formats browsers show and the site takes as photos and graphics (SVG is read as text, svg-check.ts). */
export const RASTER_KINDS: ReadonlySet<SniffedKind> = new Set(["jpeg", "png", "gif", "webp", "avif"]);

export type ImageFacts =
  /** Larger than MAX_IMAGE_BYTES: not opened at all. */
  | { kind: "too-large"; bytes: number }
  /** Not an image the site can show: what the first bytes say it is instead. */
  | { kind: "not-image"; bytes: number; actual: SniffedKind }
  /** The header says it is an image, but it cannot be decoded (`truncated`: the file ends before the image does). */
  | { kind: "broken"; bytes: number; actual: SniffedKind; truncated: boolean }
  | { kind: "raster"; bytes: number; actual: SniffedKind; width: number; height: number }
  | { kind: "svg"; bytes: number; text: string };

const HEAD_BYTES = 4096;
/** Far enough back to find a JPEG's end marker behind the trailers some phones write after it. */
const TAIL_BYTES = 64 * 1024;

/** ISO base media file format brands (the bytes after "ftyp"): HEIF with HEVC is what iPhones save as .heic. */
const HEIC_BRANDS = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1"]);
const AVIF_BRANDS = new Set(["avif", "avis"]);

/** What a file is from its first bytes (magic numbers); `head` is at most the file's first few kilobytes. */
export function sniff(head: Buffer): SniffedKind {
  if (head.length === 0) return "empty";
  const ascii = (from: number, to: number) => head.subarray(from, to).toString("latin1");
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "jpeg";
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  if (ascii(0, 6) === "GIF87a" || ascii(0, 6) === "GIF89a") return "gif";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  if (ascii(4, 8) === "ftyp") {
    // The major brand, then the compatible ones: an AVIF may list mif1 too, so AVIF is looked for first.
    const size = Math.min(head.readUInt32BE(0), head.length);
    const brands = [ascii(8, 12), ...Array.from({ length: Math.max(0, (size - 16) / 4) }, (_, index) => ascii(16 + index * 4, 20 + index * 4))];
    if (brands.some((brand) => AVIF_BRANDS.has(brand))) return "avif";
    if (brands.some((brand) => HEIC_BRANDS.has(brand))) return "heic";
    return "video";
  }
  if (ascii(0, 4) === "II*\0" || ascii(0, 4) === "MM\0*") return "tiff";
  if (ascii(0, 2) === "BM") return "bmp";
  if (ascii(0, 4) === "8BPS") return "psd";
  if (ascii(0, 5) === "%PDF-") return "pdf";
  if (ascii(0, 4) === "PK\u0003\u0004") return "zip";
  return sniffText(head);
}

function sniffText(head: Buffer): SniffedKind {
  // Text is valid UTF-8 without control characters other than white space (the last character may be cut off).
  const text = head.toString("utf8").replace(/^\uFEFF/, "").replace(/\uFFFD{1,3}$/, "");
  if (text.includes("\uFFFD") || /[\u0000-\u0008\u000e-\u001f]/.test(text)) return "unknown";
  // What comes before the root element in an exported SVG: the XML declaration, comments (Illustrator's), white space.
  const start = text.replace(/^(?:\s+|<\?xml[\s\S]*?\?>|<!--[\s\S]*?-->)*/, "");
  if (/^<!DOCTYPE\s+svg\b/i.test(start) || /^<(?:[\w.-]+:)?svg[\s>/]/.test(start)) return "svg";
  if (/^<!DOCTYPE\s+html\b/i.test(start) || /^<html[\s>]/i.test(start)) return "html";
  return "text";
}

/**
 * Whether the file's last bytes are where the format says the file ends. False only says "look closer": a JPEG with a
 * phone's motion-photo video behind it ends in video, and is decoded to be sure (imageFacts).
 */
function endsWhole(kind: SniffedKind, head: Buffer, tail: Buffer, bytes: number): boolean {
  switch (kind) {
    case "jpeg":
      // Entropy-coded data never holds FF D9 (a data FF is followed by 00): found near the end, it is the end marker.
      return tail.lastIndexOf(Buffer.from([0xff, 0xd9])) >= 0;
    case "png":
      return tail.subarray(-12).equals(Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]));
    case "gif":
      return tail.at(-1) === 0x3b;
    case "webp":
      return head.readUInt32LE(4) + 8 <= bytes;
    default:
      return true;
  }
}

/** An ISO-BMFF file (AVIF) whose top-level boxes run past its end was cut off: walked box header by box header. */
async function boxesFit(file: fs.FileHandle, bytes: number): Promise<boolean> {
  const header = Buffer.alloc(16);
  let offset = 0;
  while (offset + 8 <= bytes) {
    await file.read(header, 0, 16, offset);
    let size = header.readUInt32BE(0);
    if (size === 1) size = Number(header.readBigUInt64BE(8));
    else if (size === 0) return true;
    if (size < 8) return false;
    offset += size;
  }
  return offset === bytes;
}

/** Decodes the image at a small size: the one sure way to know its data is whole. */
async function decodes(file: string): Promise<boolean> {
  try {
    await sharp(file, { failOn: "truncated" }).resize(32, 32, { fit: "inside" }).toBuffer();
    return true;
  } catch {
    return false;
  }
}

/**
 * The facts of one image file. A file larger than MAX_IMAGE_BYTES is only measured: nothing in it is read, so a
 * 200 MB upload costs a check no more than a small one.
 */
export async function imageFacts(file: string): Promise<ImageFacts> {
  const handle = await fs.open(file, "r");
  try {
    const { size: bytes } = await handle.stat();
    if (bytes > MAX_IMAGE_BYTES) return { kind: "too-large", bytes };
    const head = Buffer.alloc(Math.min(HEAD_BYTES, bytes));
    await handle.read(head, 0, head.length, 0);
    const actual = sniff(head);
    // Text in a file named .svg may be an SVG whose root comes after a long comment: svg-check.ts reads it whole.
    if (actual === "svg" || (actual === "text" && extensionOf(file) === "svg")) return { kind: "svg", bytes, text: (await handle.readFile()).toString("utf8") };
    if (!RASTER_KINDS.has(actual)) return { kind: "not-image", bytes, actual };
    let width: number | undefined;
    let height: number | undefined;
    try {
      const metadata = await sharp(file).metadata();
      // An AVIF-branded file may still hold HEVC, which sharp cannot decode: it is then a HEIC under another name.
      if (metadata.format === "heif" && metadata.compression === "hevc") return { kind: "not-image", bytes, actual: "heic" };
      ({ width, height } = metadata);
    } catch {
      return { kind: "broken", bytes, actual, truncated: false };
    }
    if (width === undefined || height === undefined) return { kind: "broken", bytes, actual, truncated: false };
    const tail = Buffer.alloc(Math.min(TAIL_BYTES, bytes));
    await handle.read(tail, 0, tail.length, bytes - tail.length);
    const whole = actual === "avif" ? await boxesFit(handle, bytes) : endsWhole(actual, head, tail, bytes);
    if (!whole && !(await decodes(file))) return { kind: "broken", bytes, actual, truncated: true };
    return { kind: "raster", bytes, actual, width, height };
  } finally {
    await handle.close();
  }
}

/** The extension of a file name, lower case, without the dot: "jpg". */
export function extensionOf(file: string): string {
  return path.extname(file).slice(1).toLowerCase();
}

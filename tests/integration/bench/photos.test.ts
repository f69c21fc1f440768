// The bench's photos (bench/photos.ts): phone-like JPEGs of distinct bytes and sizes, carrying the EXIF and GPS
// position a phone writes, which the build must not publish.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import sharp from "sharp";
import exifReader from "exif-reader";
import { canvas, photo } from "../../../bench/photos.ts";

describe("bench photos", () => {
  it("are distinct JPEGs of megabytes, at least 2,400 px on the long side, with a GPS position", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-photos-"));
    const base = await canvas();
    const files = [0, 1, 2].map((index) => path.join(dir, `foto-${index}.jpg`));
    for (const [index, file] of files.entries()) await photo(file, index, base);
    const hashes = new Set(files.map((file) => createHash("sha256").update(fs.readFileSync(file)).digest("hex")));
    expect(hashes.size).toBe(3);
    for (const file of files) {
      const metadata = await sharp(file).metadata();
      expect(metadata.format).toBe("jpeg");
      expect(Math.max(metadata.width ?? 0, metadata.height ?? 0)).toBeGreaterThanOrEqual(2400);
      expect(fs.statSync(file).size).toBeGreaterThan(1024 * 1024);
      expect(exifReader(metadata.exif as Buffer).GPSInfo?.GPSLatitudeRef).toBe("N");
    }
    // The same index gives the same bytes: every run measures the same photos.
    await photo(path.join(dir, "again.jpg"), 0, base);
    expect(fs.readFileSync(path.join(dir, "again.jpg")).equals(fs.readFileSync(files[0] as string))).toBe(true);
  }, 60_000);
});

// Each test worker gets its own image-rendition cache (src/outputs/images/renditions.ts): eleventy-img writes a
// rendition in place, and two workers making the same fixture's renditions at once could publish half a file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

process.env.FINSAM_IMAGE_CACHE ??= fs.mkdtempSync(path.join(os.tmpdir(), "finsam-image-cache-"));

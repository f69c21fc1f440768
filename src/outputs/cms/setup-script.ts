// Our own script at /admin/, beside Decap's bundle (browser/admin-setup.js): preview styles and the save hook.
import fs from "node:fs";
import { fileURLToPath } from "node:url";

/** Its name in /admin/. */
export const CMS_SETUP_SCRIPT = "admin-setup.js";

/** Its text, served as it is written. */
export function cmsSetupScript(): string {
  return fs.readFileSync(fileURLToPath(new URL("./browser/admin-setup.js", import.meta.url)), "utf8");
}

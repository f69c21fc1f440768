// Which files under the content folder are documents. Only Node's own modules: the commands list the files before
// they load the rest of the generator, to decide whether to start loading workers (load-parallel.ts).
import fs from "node:fs";
import path from "node:path";

/** Files an editor keeps beside the content that are not documents. */
const NOT_DOCUMENTS = new Set(["README.md"]);

export function listMarkdownFiles(contentDir: string): string[] {
  const root = path.resolve(contentDir);
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !(path.dirname(file) === root && NOT_DOCUMENTS.has(path.basename(file))))
    .sort();
}

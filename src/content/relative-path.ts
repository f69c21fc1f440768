// path.relative for the paths the loader makes, without its cost on each of ten thousand files: a normalised absolute
// path under a normalised folder is the rest of it after the folder. Any other pair goes through path.relative.
import path from "node:path";

/** A "//", a "." or ".." part, or a "/" at the end: what path.relative would first resolve away. */
const NOT_NORMALISED = /\/\/|\/\.\.?(?:\/|$)|\/$/;

/** path.relative(root, file), its parts joined by "/" on every system. */
export function relativePath(root: string, file: string): string {
  if (
    path.sep === "/" &&
    file.length > root.length + 1 &&
    file.charCodeAt(root.length) === 0x2f &&
    file.startsWith(root) &&
    root.startsWith("/") &&
    !NOT_NORMALISED.test(root) &&
    !NOT_NORMALISED.test(file)
  ) {
    return file.slice(root.length + 1);
  }
  return path.relative(root, file).split(path.sep).join("/");
}

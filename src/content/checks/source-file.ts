// What every per-file check is given: the file as the editor names it, and its parsed front matter and body.
import type { ParsedFile } from "../front-matter.ts";

export interface SourceFile {
  /** Path as shown to the editor. */
  file: string;
  parsed: ParsedFile;
}

// What every per-file check is given: the file as the editor names it, and its parsed front matter and body.
import type { ParsedFile } from "../front-matter.ts";

export interface SourceFile {
  /** Path as shown to the editor. */
  file: string;
  parsed: ParsedFile;
  /**
   * Which of the privacy guard's patterns can match in `parsed.source`, when the thread that read the file has
   * looked (privacy-patterns.mjs candidatesIn); the guard then skips a scan that would find nothing.
   */
  candidates?: { personnummer: boolean; phone: boolean };
}

// The file of the Swedish stemmer (@orama/stemmers, Apache-2.0): a standalone ES module of a few kilobytes
// without imports. The index builder imports it as "@orama/stemmers/swedish"; the build copies this very file to
// /assets/stemmer-sv.js for the search page, so both stem every word alike.
import { fileURLToPath } from "node:url";

/** Absolute path of the module "@orama/stemmers/swedish" resolves to when imported (its ES module build). */
export const STEMMER_FILE = fileURLToPath(import.meta.resolve("@orama/stemmers/swedish"));

// `npm run guide`: rewrites the generated front matter reference in the editors' guide (content/README.md)
// from the schemas; the text around the two markers is the editors' and is left as written.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { displayPath } from "../content/problems.ts";
import { withFieldReference } from "../content/reference.ts";

export function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  let contentDir: string;
  try {
    const { values } = parseArgs({ args: [...argv], options: { content: { type: "string" } } });
    contentDir = values.content ?? env.FINSAM_CONTENT_DIR ?? "content";
  } catch {
    console.error("Så här används kommandot: npm run guide (eller npm run guide -- --content <mapp>)");
    return 1;
  }
  const file = path.join(contentDir, "README.md");
  const shown = displayPath(path.resolve(file));
  if (!fs.existsSync(file)) {
    console.error(`Hittar inte ${shown}.`);
    return 1;
  }
  const before = fs.readFileSync(file, "utf8");
  let after: string;
  try {
    after = withFieldReference(before);
  } catch (error) {
    console.error(`${shown}: ${error instanceof Error ? error.message : String(error)}. Lägg tillbaka dem runt fältreferensen.`);
    return 1;
  }
  if (after === before) {
    console.log(`${shown}: fältreferensen stämmer redan med schemat.`);
    return 0;
  }
  fs.writeFileSync(file, after);
  console.log(`${shown}: fältreferensen är uppdaterad från schemat.`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  process.exitCode = main(process.argv.slice(2));
}

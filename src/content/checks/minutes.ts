// The minutes' body headings that address a § of the agenda ("## §5" puts its text under §5): a number the agenda
// lacks, or a § heading at another level, would leave the text where the editor did not mean it. Warnings only: the
// text is still published, after the agenda.
import { paragraphOfHeading } from "../../text/markdown.ts";
import type { ContentProblem } from "../problems.ts";
import type { FrontMatter, TypeKey } from "../types.ts";
import type { BodyOutline } from "./body.ts";

function sectionList(sections: readonly number[]): string {
  if (sections.length === 0) return "inga paragrafer";
  const first = sections[0] as number;
  const last = sections[sections.length - 1] as number;
  return sections.length === 1 ? `§${first}` : `§${first}–§${last}`;
}

export function paragraphHeadingWarnings(type: TypeKey, data: FrontMatter<TypeKey>, outline: BodyOutline, file: string): ContentProblem[] {
  if (type !== "protokoll" || !("agenda" in data)) return [];
  const sections = data.agenda.map((item) => item.section);
  const known = new Set(sections);
  const warnings: ContentProblem[] = [];
  const seen = new Map<number, number>();
  for (const heading of outline.headings) {
    const section = paragraphOfHeading(heading.text);
    if (section === undefined) continue;
    const shown = `"${"#".repeat(heading.level)} ${heading.text.trim()}"`;
    if (heading.level !== 2) {
      warnings.push({
        file,
        ...heading.position,
        severity: "varning",
        message: `rubriken ${shown} har nivå ${heading.level}, men bara en rubrik på nivå 2 (## §${section}) placerar texten under §${section} i protokollet; skriv ## §${section}, eller ta bort §-tecknet om rubriken inte är en paragraf`,
      });
    } else if (!known.has(section)) {
      warnings.push({
        file,
        ...heading.position,
        severity: "varning",
        message: `rubriken ${shown} hör till §${section}, men paragraferna i agenda är ${sectionList(sections)}, så texten under rubriken hamnar efter paragraferna; rätta numret eller lägg till §${section} i agenda`,
      });
    } else if (seen.has(section)) {
      warnings.push({
        file,
        ...heading.position,
        severity: "varning",
        message: `§${section} har redan en rubrik på rad ${seen.get(section)}; texten under båda står under §${section}, men brukar höra till olika paragrafer: kontrollera numret`,
      });
    }
    if (heading.level === 2 && !seen.has(section)) seen.set(section, heading.position.line);
  }
  return warnings;
}

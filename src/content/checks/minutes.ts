// The minutes' body headings that address a § of the agenda ("## §5" puts its text under §5): a number the agenda
// lacks, or a § heading at another level, would leave the text where the editor did not mean it; and signatures that
// leave out the chair or an adjuster. Warnings only: the minutes are still published.
import { paragraphOfHeading } from "../../text/markdown.ts";
import type { ContentProblem } from "../problems.ts";
import type { ParsedFile } from "../front-matter.ts";
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

/**
 * Minutes are adjusted (justerat) once the chair and every adjuster have signed: where signatures are given, each of
 * them should be among them, by name. Without signatures (a signed PDF, or none yet) nothing is said.
 */
export function signatureWarnings(type: TypeKey, data: FrontMatter<TypeKey>, parsed: ParsedFile, file: string): ContentProblem[] {
  if (type !== "protokoll" || !("signatures" in data) || data.signatures.length === 0) return [];
  const signed = new Set(data.signatures.map(({ name }) => name.trim().toLocaleLowerCase("sv")));
  const expected: { name: string; path: (string | number)[]; role: string }[] = [
    { name: data.chair, path: ["chair"], role: "ordförande" },
    ...data.adjusters.map((name, index) => ({ name, path: ["adjusters", index], role: "justerare" })),
  ];
  return expected
    .filter(({ name }) => !signed.has(name.trim().toLocaleLowerCase("sv")))
    .map(({ name, path, role }) => ({
      file,
      ...parsed.locate(path),
      field: path[0] as string,
      severity: "varning" as const,
      message: `${name} är ${role} men har ingen underskrift i signatures: protokollet är justerat först när ordföranden och justerarna har skrivit under; lägg till underskriften eller rätta stavningen så att namnen är lika`,
    }));
}

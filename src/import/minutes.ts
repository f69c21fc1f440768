// Reads board minutes: meeting day, time and place, who was present, the § agenda with its decisions,
// and who signed as ordförande, justerare and sekreterare (with the e-signature times).
import type { FrontMatterInput } from "../content/types.ts";
import { formatIsoDay, formatLongDate, parseSwedishDate } from "../text/dates.ts";
import { parseDatePhrase } from "./date-phrases.ts";
import { blockText, type Block, type SourceLine } from "./lines.ts";
import { mergeBrokenBlocks, toMarkdown } from "./markdown.ts";
import { NAME, type Extraction, type HumanNote, type ImportSource } from "./type-fields.ts";

const SECTION = /^§\s*(\d+)\s*[.:]?\s*(.*)$/;
const PRESENT = /^Närvarande:?$/i;
const ROLES = "Ordförande|Mötesordförande|Justerare|Justeringsperson|Sekreterare|Protokollförare";
const SIGNATURE_LINE = new RegExp(`^(?<name>${NAME}),\\s*(?<role>${ROLES})$`, "iu");
const CLOSING = /^(?:Mötet\s+(?:avslutades|avslutas|förklarades\s+avslutat)|Dag som ovan|Vid protokollet|Justeras)\b/i;
const MEETING_LINE = /\b(?:hölls|hålls|ägde rum|äger rum)\b/i;
const CLOCK_SPAN = /\bkl\.?\s*(\d{1,2})[.:](\d{2})\s*(?:[-–—]|till)\s*(\d{1,2})[.:](\d{2})/i;
/** A decision longer than this is a discussion: it goes in the body under the § heading instead. */
const DECISION_MAX = 300;

interface Section {
  section: number;
  heading: string;
  line: number;
  content: Block[];
}

/** § headings and "Närvarande" stand on lines of their own even when the export glued them into a block. */
function splitAtMarkers(blocks: readonly Block[]): Block[] {
  const result: Block[] = [];
  for (const block of blocks) {
    let current: SourceLine[] = [];
    for (const line of block.lines) {
      if (SECTION.test(line.text) || PRESENT.test(line.text) || SIGNATURE_LINE.test(line.text)) {
        if (current.length > 0) result.push({ lines: current });
        current = [];
        result.push({ lines: [line] });
        if (PRESENT.test(line.text)) current = [];
      } else {
        current.push(line);
      }
    }
    if (current.length > 0) result.push({ lines: current });
  }
  return result;
}

function clock(hour: string, minute: string): string {
  return `${hour.padStart(2, "0")}.${minute}`;
}

function capitaliseRole(role: string): string {
  return role.charAt(0).toUpperCase() + role.slice(1).toLowerCase();
}

type AgendaItem = FrontMatterInput<"protokoll">["agenda"][number];

export function minutesFields(source: ImportSource): Extraction<"protokoll"> {
  const fields: Extraction<"protokoll">["fields"] = {};
  const reasons: Extraction<"protokoll">["reasons"] = {};
  const human: HumanNote[] = [];
  let blocks = splitAtMarkers(mergeBrokenBlocks(source.blocks));

  // Meeting line: "Styrelsemötet hölls Måndag 2023-05-08 kl. 08.30 - 12.00 på Bubbetorps Gård i Karlskrona."
  const meetingIndex = blocks.findIndex((block, index) => index < 4 && MEETING_LINE.test(blockText(block)));
  if (meetingIndex >= 0) {
    const meeting = blocks[meetingIndex] as Block;
    const text = blockText(meeting);
    const line = (meeting.lines[0] as SourceLine).line;
    const day = parseDatePhrase(text);
    if (day) {
      fields.meetingDate = day.start;
      reasons.meetingDate = `mötesraden (rad ${line})`;
    }
    const span = CLOCK_SPAN.exec(text);
    if (span) {
      fields.startTime = clock(span[1] as string, span[2] as string);
      fields.endTime = clock(span[3] as string, span[4] as string);
      reasons.startTime = reasons.endTime = `"${span[0]}" på mötesraden`;
    }
    const after = span ? text.slice(span.index + span[0].length) : text;
    const where = /^\s*(?:på|i)\s+(?<where>.+?)(?:\s+i\s+(?<town>\p{Lu}[\p{L}-]+))?\s*\.?$/u.exec(after)?.groups;
    if (where?.where) {
      fields.place = where.town ? `${where.where}, ${where.town}` : where.where;
      reasons.place = "mötesraden";
    }
    blocks = blocks.filter((_, index) => index !== meetingIndex);
  }

  const present: string[] = [];
  const roles = new Map<string, { name: string; role: string; line: number }>();
  const sections: Section[] = [];
  const preamble: Block[] = [];
  const closing: Block[] = [];
  let pendingHeadings: Section[] = [];
  let pendingContent: Block[] = [];
  let inPresent = false;
  let closed = false;

  // A PDF export of a two-column table lists several § headings first and their texts after them.
  const settle = (): void => {
    if (pendingHeadings.length === 0) {
      preamble.push(...pendingContent);
    } else {
      pendingContent.forEach((block, index) => {
        const target = pendingHeadings[Math.min(index, pendingHeadings.length - 1)] as Section;
        target.content.push(block);
      });
    }
    pendingHeadings = [];
    pendingContent = [];
  };

  for (const block of blocks) {
    const first = block.lines[0] as SourceLine;
    const signature = block.lines.length === 1 ? SIGNATURE_LINE.exec(first.text) : null;
    if (signature?.groups) {
      const name = signature.groups.name as string;
      roles.set(name.toLowerCase(), { name, role: capitaliseRole(signature.groups.role as string), line: first.line });
      inPresent = false;
      continue;
    }
    if (PRESENT.test(first.text)) {
      inPresent = true;
      continue;
    }
    const heading = SECTION.exec(first.text);
    if (heading && !closed) {
      inPresent = false;
      if (pendingContent.length > 0) settle();
      const section = { section: Number(heading[1]), heading: (heading[2] as string).trim(), line: first.line, content: [] };
      sections.push(section);
      pendingHeadings.push(section);
      continue;
    }
    if (inPresent) {
      present.push(...block.lines.map((line) => line.text));
      continue;
    }
    if (closed || CLOSING.test(first.text)) {
      if (!closed) settle();
      closed = true;
      closing.push(block);
      continue;
    }
    pendingContent.push(block);
  }
  settle();

  if (present.length > 0) {
    fields.present = present;
    reasons.present = "raderna under Närvarande";
  } else {
    human.push({ field: "present", text: "närvarolistan finns inte i exporten: skriv in ledamöter och övriga med roll" });
  }

  const bodyParts: string[] = [];
  if (preamble.length > 0) bodyParts.push(toMarkdown(preamble));
  const agenda = sections.map((section) => {
    const item: AgendaItem = { section: section.section, heading: section.heading || `§${section.section}` };
    const [only] = section.content;
    const onlyText = only ? blockText(only) : "";
    if (section.content.length === 1 && !/^[-•*]\s/.test(onlyText) && onlyText.length <= DECISION_MAX) {
      item.decision = onlyText;
    } else if (section.content.length > 0) {
      bodyParts.push(`## §${section.section} ${section.heading}\n\n${toMarkdown(section.content, { headingLevel: 3 })}`);
      human.push({ field: `agenda §${section.section} decision`, line: section.line, text: "texten står i brödtexten under paragrafens rubrik: skriv det korta beslutet i decision" });
    } else {
      human.push({ field: `agenda §${section.section}`, line: section.line, text: "ingen text under paragrafen i exporten: kontrollera mot originalet" });
    }
    return item;
  });
  if (agenda.length > 0) {
    fields.agenda = agenda;
    reasons.agenda = `${agenda.length} paragrafer (§${sections[0]?.section}–§${sections.at(-1)?.section})`;
    if (sections.some((section, index) => section.section !== index + 1)) {
      human.push({ field: "agenda", text: "paragraferna är inte numrerade 1, 2, 3 … i ordning: kontrollera" });
    }
  }
  if (closing.length > 0) bodyParts.push(toMarkdown(closing));

  const named = [...roles.values()];
  const withRole = (pattern: RegExp) => named.filter((entry) => pattern.test(entry.role)).map((entry) => entry.name);
  const [chair] = withRole(/ordförande/i);
  const adjusters = withRole(/^juster/i);
  const [secretary] = withRole(/sekreterare|protokollförare/i);
  if (chair) {
    fields.chair = chair;
    reasons.chair = "underskriften med roll Ordförande";
  }
  if (adjusters.length > 0) {
    fields.adjusters = adjusters;
    reasons.adjusters = "underskrifter med roll Justerare";
  } else {
    const chosen = new RegExp(`valde\\s+(${NAME})\\s+till\\s+justerare`, "u").exec(source.text)?.[1];
    if (chosen) {
      fields.adjusters = [chosen];
      reasons.adjusters = `"valde ${chosen} till justerare"`;
    }
  }
  if (secretary) {
    fields.secretary = secretary;
    reasons.secretary = "underskriften med roll Sekreterare";
  }

  const signatures = [...source.signings]
    .sort((a, b) => a.signedAt.localeCompare(b.signedAt))
    .map((signing) => {
      const role = roles.get(signing.name.toLowerCase())?.role;
      if (!role) human.push({ field: "signatures", text: `rollen för ${signing.name} står inte i protokollet: fyll i role` });
      return { name: signing.name, role: role ?? "[fyll i: Ordförande, justerare eller sekreterare]", signedAt: signing.signedAt };
    });
  if (signatures.length > 0) {
    fields.signatures = signatures;
    reasons.signatures = `e-signeringsloggen (${signatures.length} underskrifter, tider i UTC)`;
    // Minutes are published once they are justerade: the day the last one signed, in Swedish time.
    const last = parseSwedishDate((signatures.at(-1) as { signedAt: string }).signedAt);
    if (last) {
      fields.date = formatIsoDay(last);
      reasons.date = "dagen då sista underskriften gjordes (protokollet justerat)";
    }
  } else if (typeof fields.meetingDate === "string") {
    fields.date = fields.meetingDate;
    reasons.date = "mötesdagen (inga underskrifter hittades)";
    human.push({ field: "date", text: "publiceringsdagen är satt till mötesdagen: ändra till dagen då protokollet justerades" });
  }

  // "Protokoll Styrelsemöte i …" is the same every month; the meeting day keeps titles and URLs apart.
  const meetingDay = typeof fields.meetingDate === "string" ? parseSwedishDate(fields.meetingDate) : undefined;
  if (meetingDay && !parseDatePhrase(source.title)) {
    fields.title = `${source.title} ${formatLongDate(meetingDay)}`;
    reasons.title = "rubriken med mötesdagen tillagd";
  }

  return { fields, reasons, body: bodyParts.filter((part) => part.trim() !== "").join("\n\n"), human };
}

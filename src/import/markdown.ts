// Turns exported text blocks into Markdown: rejoins lines and sentences the PDF export broke, makes
// short unpunctuated lines that introduce text into sub-headings, and keeps "- " lists as lists.
import { endsSentence, type Block, type SourceLine } from "./lines.ts";

const BULLET = /^[-•*]\s+/;
/** Longer than this, a line is prose even without a full stop. */
const HEADING_MAX = 80;

export interface MarkdownOptions {
  /** 2 gives "## ": the page title is the only h1. Sections inside minutes' § use 3. */
  headingLevel?: number;
}

function startsLower(text: string): boolean {
  return /^\p{Ll}/u.test(text);
}

/** A PDF page or column break can split a sentence over two blocks: "Allt har inte" / "slagit väl ut". */
export function mergeBrokenBlocks(blocks: readonly Block[]): Block[] {
  const merged: Block[] = [];
  for (const block of blocks) {
    const previous = merged.at(-1);
    const last = previous?.lines.at(-1);
    const first = block.lines[0];
    if (previous && last && first && !endsSentence(last.text) && !BULLET.test(first.text) && startsLower(first.text)) {
      merged[merged.length - 1] = { lines: [...previous.lines, ...block.lines] };
    } else {
      merged.push(block);
    }
  }
  return merged;
}

function joinLines(lines: readonly string[]): string {
  return lines.reduce((joined, line) => {
    if (joined === "") return line;
    // "workshop-" + "format": a word the export broke at its own hyphen stays one word.
    return /\p{L}-$/u.test(joined) && startsLower(line) ? joined + line : `${joined} ${line}`;
  }, "");
}

function isHeadingLine(text: string): boolean {
  return text.length <= HEADING_MAX && !endsSentence(text) && !/[,]$/.test(text) && /^[\p{Lu}\p{N}§]/u.test(text) && !BULLET.test(text);
}

function isProse(block: Block | undefined): boolean {
  if (!block) return false;
  const text = block.lines.map((line) => line.text).join(" ");
  return BULLET.test(block.lines[0]?.text ?? "") || endsSentence(text) || text.length > HEADING_MAX;
}

/** Text that Markdown would read as something else at the start of a paragraph. */
function escapeStart(text: string): string {
  return text.replace(/^(\d+)([.)])(\s)/, "$1\\$2$3").replace(/^([#>+=])/, "\\$1");
}

function heading(text: string, level: number): string {
  return `${"#".repeat(level)} ${text}`;
}

function renderBlock(block: Block, next: Block | undefined, level: number): string[] {
  const texts = block.lines.map((line: SourceLine) => line.text);
  const firstBullet = texts.findIndex((text) => BULLET.test(text));
  const out: string[] = [];

  if (firstBullet >= 0) {
    const lead = texts.slice(0, firstBullet);
    if (lead.length > 0 && lead.every(isHeadingLine)) out.push(heading(lead.join(": "), level));
    else if (lead.length > 0) out.push(escapeStart(joinLines(lead)));
    const items: string[][] = [];
    for (const text of texts.slice(firstBullet)) {
      if (BULLET.test(text)) items.push([text.replace(BULLET, "")]);
      else (items.at(-1) as string[]).push(text);
    }
    out.push(items.map((item) => `- ${joinLines(item)}`).join("\n"));
    return out;
  }

  if (texts.length === 1 && isHeadingLine(texts[0] as string) && isProse(next)) return [heading(texts[0] as string, level)];
  // A sign-off or an address: short lines, each its own line ("Samordnare" / "Norra Västmanlands …").
  if (texts.length > 1 && texts.every((text) => text.length <= 60 && !endsSentence(text))) {
    return [texts.map(escapeStart).join("\\\n")];
  }
  return [escapeStart(joinLines(texts))];
}

export function toMarkdown(blocks: readonly Block[], options: MarkdownOptions = {}): string {
  const level = options.headingLevel ?? 2;
  const merged = mergeBrokenBlocks(blocks);
  return merged.flatMap((block, index) => renderBlock(block, merged[index + 1], level)).join("\n\n");
}

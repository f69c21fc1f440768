// Source lines that remember their line number in the input file, and the blank-line blocks they form,
// so every note in the report can point the editor at the line in the file they imported.

export interface SourceLine {
  /** 1-based line in the input file. */
  line: number;
  text: string;
}

export interface Block {
  lines: SourceLine[];
}

/** Exports carry BOMs, Windows line ends, no-break spaces and trailing blanks; none of it is content. */
export function toSourceLines(raw: string): SourceLine[] {
  return raw
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((text, index) => ({ line: index + 1, text: text.replace(/[\u00A0\u2007\u202F]/g, " ").replace(/\s+$/, "") }));
}

export function isBlank(line: SourceLine): boolean {
  return line.text.trim() === "";
}

export function splitBlocks(lines: readonly SourceLine[]): Block[] {
  const blocks: Block[] = [];
  let current: SourceLine[] = [];
  for (const line of lines) {
    if (isBlank(line)) {
      if (current.length > 0) blocks.push({ lines: current });
      current = [];
    } else {
      current.push({ line: line.line, text: line.text.trim() });
    }
  }
  if (current.length > 0) blocks.push({ lines: current });
  return blocks;
}

export function blockText(block: Block): string {
  return block.lines.map((line) => line.text).join(" ");
}

/** For comparing lines that differ only in case, spacing or punctuation ("Sveriges kommuner och regioner"). */
export function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/\([^)]*\)/g, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** A sentence or paragraph that is finished: the next line cannot be its continuation. */
export function endsSentence(text: string): boolean {
  return /[.!?:;…”"»)]$/.test(text.trim());
}

// The body's structure as screen readers meet it: the title is the only h1, heading levels do not skip,
// and every image has alt text (WCAG 1.1.1, 1.3.1). Also reads links and images for the link check.
import type { Token } from "markdown-it";
import { collectRefusedLinks, markdown } from "../../text/markdown.ts";
import { holdsPlaceholder } from "../fields.ts";
import { detached } from "../../text/detached.ts";
import { PLAIN_PATH, plainOutline } from "./plain-outline.ts";
import type { HeadingPart, LinkPart, LinkingBlock, OutlineParts } from "./outline-parts.ts";
import type { ContentProblem } from "../problems.ts";
import type { SourceFile } from "./source-file.ts";

export interface Position {
  /** 1-based line in the file. */
  line: number;
  /** 1-based column (characters) on that line. */
  column: number;
}

export interface BodyHeading {
  level: number;
  text: string;
  position: Position;
}

export interface BodyReference {
  kind: "link" | "image";
  /** The destination as markdown-it normalised it (percent-encoded), e.g. "/nyheter/2024/a/". */
  target: string;
  /** The destination as the editor wrote it, for messages. */
  written: string;
  /** Alt text of an image (the text between the brackets). */
  alt: string;
  /** Where the destination is written. */
  position: Position;
  /** Where the construct starts (the "![" of an image) when it is on the destination's line. */
  start: Position;
}

export interface BodyOutline {
  bodyLine: number;
  headings: BodyHeading[];
  references: BodyReference[];
  /** Destinations the renderer refuses (javascript:, data:, …): the page shows them as plain text. */
  refused: BodyReference[];
}

/** A parse of the body with the destinations it refused: what outlineBody reads. */
export interface ParsedBody {
  tokens: readonly Token[];
  refused: readonly string[];
}

interface Cursor {
  line: number;
  index: number;
}

/** Locates text in the body's source lines; tokens only say which lines a block spans. */
class BodySource {
  readonly lines: readonly string[];

  constructor(
    body: string,
    /** File line of the body's first line. */
    private readonly bodyLine: number,
  ) {
    this.lines = body.split("\n");
  }

  get lineCount(): number {
    return this.lines.length;
  }

  line(index: number): string {
    return this.lines[index] ?? "";
  }

  position(at: Cursor): Position {
    return { line: this.bodyLine + at.line, column: at.index + 1 };
  }

  /** The block's first line at its first non-blank character. */
  blockStart(lineIndex: number): Cursor {
    const text = this.line(lineIndex);
    return { line: lineIndex, index: Math.max(0, text.search(/\S/)) };
  }

  /** First place at or after `after`, before line `to`, where one of the texts is written. */
  find(texts: readonly string[], after: Cursor, to: number): Cursor | undefined {
    for (let line = after.line; line < Math.min(to, this.lines.length); line++) {
      const text = this.line(line);
      const from = line === after.line ? after.index : 0;
      let best: number | undefined;
      for (const candidate of texts) {
        if (candidate === "") continue;
        const index = text.indexOf(candidate, from);
        if (index >= 0 && (best === undefined || index < best)) best = index;
      }
      if (best !== undefined) return { line, index: best };
    }
    return undefined;
  }
}

/** Spellings the editor may have used for a destination markdown-it has percent-encoded. */
function writtenForms(target: string): string[] {
  if (PLAIN_PATH.test(target)) return [target];
  const forms = [target, markdown.normalizeLinkText(target)];
  try {
    forms.push(decodeURI(target));
  } catch {
    // Not valid percent-encoding: the target is as written.
  }
  return [...new Set(forms)];
}

/**
 * The body's blocks as the site renders them (the same markdown-it instance and options), with inline content
 * parsed only where a link or image can be: "[" starts both, and the rest of the inline parse is most of the
 * cost. Bare and <…> addresses are external and never checked.
 */
function parseForChecks(body: string): ParsedBody {
  const { result: tokens, refused } = collectRefusedLinks(() => {
    const env = {};
    const tokens: Token[] = [];
    // markdown-it's own normalising step; line endings are already "\n" (front-matter.ts).
    markdown.block.parse(body.replace(/\0/g, "\uFFFD"), markdown, env, tokens);
    for (const token of tokens) {
      // "[" starts links and images, "<" an <address>: the only inline constructs with a destination to refuse.
      if (token.type !== "inline" || !(token.content.includes("[") || token.content.includes("<"))) continue;
      token.children = [];
      markdown.inline.parse(token.content, markdown, env, token.children);
    }
    return tokens;
  });
  return { tokens, refused };
}

function partsOfTokens({ tokens, refused }: ParsedBody, lineCount: number): OutlineParts {
  const headings: HeadingPart[] = [];
  const blocks: LinkingBlock[] = [];
  let blockLines: [number, number] = [0, lineCount];
  tokens.forEach((token, index) => {
    if (token.map) blockLines = [token.map[0], token.map[1]];
    if (token.type === "heading_open") {
      headings.push({ level: Number(token.tag.slice(1)), text: tokens[index + 1]?.content ?? "", line: token.map?.[0] ?? 0, marked: token.markup.startsWith("#") });
    }
    if (token.type !== "inline" || !token.children) return;
    const links: LinkPart[] = [];
    for (const child of token.children) {
      const isLink = child.type === "link_open";
      if (!isLink && child.type !== "image") continue;
      // Bare URLs and <autolinks> are always absolute (external) addresses.
      if (isLink && (child.markup === "linkify" || child.markup === "autolink")) continue;
      links.push({ kind: isLink ? "link" : "image", target: String(child.attrGet(isLink ? "href" : "src") ?? ""), alt: isLink ? "" : child.content });
    }
    if (links.length > 0) blocks.push({ from: blockLines[0], to: blockLines[1], links });
  });
  return { headings, blocks, refused };
}

/**
 * Headings, links and images of a body with their file positions. From a full parse the caller has made anyway
 * (src/text/markdown.ts parseBody, before any path prefix); else from the line scan of plain-outline.ts where the
 * body is plain enough for it, and from the checks' own lighter parse where not.
 */
export function outlineBody(body: string, bodyLine: number, parsed?: ParsedBody): BodyOutline {
  const source = new BodySource(body, bodyLine);
  const parts = parsed ? partsOfTokens(parsed, source.lineCount) : (plainOutline(body, source.lines) ?? partsOfTokens(parseForChecks(body), source.lineCount));
  return placeOutline(parts, source, bodyLine);
}

/** The lighter parse's outline, never the line scan's: what tests hold plain-outline.ts to. */
export function parsedOutline(body: string, bodyLine: number): BodyOutline {
  return outlineBody(body, bodyLine, parseForChecks(body));
}

/** The lighter parse's outline before it is placed in the file: the blocks and headings as markdown-it has them. */
export function parsedOutlineParts(body: string): OutlineParts {
  return partsOfTokens(parseForChecks(body), body.split("\n").length);
}

function placeOutline({ headings, blocks, refused }: OutlineParts, source: BodySource, bodyLine: number): BodyOutline {
  const references: BodyReference[] = [];
  for (const block of blocks) placeReferences(block, source, references);
  return {
    bodyLine,
    headings: headings.map(({ level, text, line, marked }) => {
      const hash = marked ? source.line(line).indexOf("#") : -1;
      return { level, text, position: source.position(hash >= 0 ? { line, index: hash } : source.blockStart(line)) };
    }),
    references,
    refused: [...new Set(refused)].map((target): BodyReference => {
      const forms = writtenForms(target);
      const found = source.find(forms, { line: 0, index: 0 }, source.lineCount);
      const at = found ?? { line: 0, index: 0 };
      const written = (found && forms.find((form) => source.line(found.line).startsWith(form, found.index))) || target;
      return { kind: "link", target, written, alt: "", position: source.position(at), start: source.position(at) };
    }),
  };
}

function placeReferences({ from, to, links }: LinkingBlock, source: BodySource, into: BodyReference[]): void {
  let cursor: Cursor = { line: from, index: 0 };
  for (const { kind, target, alt } of links) {
    const forms = writtenForms(target);
    // In order within the block; a reference-style destination is defined elsewhere in the body.
    const found =
      source.find(forms, cursor, to) ??
      source.find(forms, { line: from, index: 0 }, to) ??
      source.find(forms, { line: 0, index: 0 }, source.lineCount);
    const at = found ?? source.blockStart(from);
    if (found && found.line >= cursor.line) cursor = { line: found.line, index: found.index + 1 };
    const written = (found && forms.find((form) => source.line(found.line).startsWith(form, found.index))) || markdown.normalizeLinkText(target);
    const bang = kind === "link" ? -1 : source.line(at.line).lastIndexOf("![", at.index);
    into.push({
      kind,
      // A target and its written forms are strings of their own (markdown-it's normalised form, or plain-outline.ts's
      // copy); the alt text is cut from the file, and is kept for the site-wide image checks: its own copy, not a view
      // that holds the whole file.
      target,
      written,
      alt: kind === "link" ? "" : detached(alt),
      position: source.position(at),
      start: source.position(bang >= 0 ? { line: at.line, index: bang } : at),
    });
  }
}

function headingMarks(level: number): string {
  return "#".repeat(level);
}

/** `outline`: the body's, when the caller has made it (the loader keeps its references for the link check). */
export function bodyProblems(source: SourceFile, outline: BodyOutline = outlineBody(source.parsed.body, source.parsed.bodyLine)): ContentProblem[] {
  const { file } = source;
  const { headings, references } = outline;
  const problems: ContentProblem[] = [];

  // The page's title is its h1, so the body's outline starts one level below it.
  let previous = 1;
  let first = true;
  for (const heading of headings) {
    const shown = heading.text.trim() === "" ? "(tom rubrik)" : `"${heading.text.trim()}"`;
    if (heading.level === 1) {
      problems.push({
        file,
        ...heading.position,
        severity: "varning",
        message: `rubriken ${shown} har nivå 1 (#), men sidans titel är redan sidans huvudrubrik; börja rubrikerna i texten på nivå 2 (##)`,
      });
    } else if (heading.level > previous + 1) {
      const wanted = headingMarks(previous + 1);
      problems.push({
        file,
        ...heading.position,
        severity: "varning",
        message: first
          ? `rubriken ${shown} har nivå ${heading.level} (${headingMarks(heading.level)}), men textens första rubrik ska ha nivå 2 (##); skärmläsare använder nivåerna för att hitta i texten`
          : `rubriken ${shown} hoppar från nivå ${previous} till nivå ${heading.level}; använd ${wanted} eller lägg en rubrik med ${wanted} före den`,
      });
    }
    previous = heading.level;
    first = false;
  }

  for (const reference of outline.refused) {
    const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(reference.target)?.[0].toLowerCase();
    problems.push({
      file,
      ...reference.position,
      severity: "fel",
      message: `länken ${reference.written} ${scheme ? `börjar med ${scheme}, som` : "är en adress som"} webbplatsen inte länkar till (bara https:, http:, mailto:, tel: och sökvägar på webbplatsen), så den skulle stå som vanlig text på sidan; ta bort den eller skriv en vanlig webbadress`,
    });
  }

  for (const reference of references) {
    if (reference.kind !== "image" || reference.alt.trim() !== "") continue;
    problems.push({
      file,
      ...reference.start,
      severity: "fel",
      message: `bilden ${reference.written} saknar alt-text; beskriv vad bilden visar mellan hakparenteserna, t.ex. ![Styrelsen samlad runt ett bord](${reference.written})`,
    });
  }
  return problems;
}

/**
 * "[fyll i: …]" left in the text by `npm run new` or the importer: a step not yet taken, never to be published. Kept
 * apart from bodyProblems because in a draft it is only a warning that leaves the draft a document (the preview
 * shows it), where other errors keep a file from becoming one.
 */
export function placeholderProblems({ file, parsed }: SourceFile): ContentProblem[] {
  const bodyLine = parsed.bodyLine;
  if (!holdsPlaceholder(parsed.body)) return [];
  const problems: ContentProblem[] = [];
  parsed.body.split("\n").forEach((line, index) => {
    const at = line.search(/\[fyll i\b/i);
    if (at === -1) return;
    const end = line.indexOf("]", at);
    const shown = end === -1 ? line.slice(at, at + 60) : line.slice(at, end + 1);
    problems.push({
      file,
      line: bodyLine + index,
      column: at + 1,
      severity: "fel",
      message: `texten har kvar platshållaren ${shown.length > 80 ? `${shown.slice(0, 77)}…` : shown}; ersätt den med riktig text innan dokumentet publiceras`,
    });
  });
  return problems;
}

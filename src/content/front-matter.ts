// Splits a Markdown file into front matter and body. YAML is read with the 1.2 core schema, so
// "2019-10-22" stays the text the editor wrote (no UTC Date surprises), and a field's line can be found for a message.
import matter from "gray-matter";
import { LineCounter, Schema, isMap, isScalar, isSeq, parseDocument, visit, type Document } from "yaml";
import { needsNormalising } from "./source-text.mjs";
import { detached } from "../text/detached.ts";

export interface ParsedFile {
  /** The whole file as read, BOM removed and line endings normalised: what line numbers count in. */
  source: string;
  data: Record<string, unknown>;
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
  /** 1-based line and column of the value (or key) at a field path, where the YAML has it. */
  locate(fieldPath: readonly PropertyKey[]): { line: number; column: number } | undefined;
}

export class FrontMatterError extends Error {
  constructor(message: string, readonly line?: number, readonly column?: number, readonly field?: string) {
    super(message);
    this.name = "FrontMatterError";
  }
}

/** Editors save from many tools: drop a byte-order mark and Windows/old-Mac line endings first. */
/**
 * Invisible control characters (C0 other than tab and line breaks, DEL, C1) arrive with text pasted from PDFs
 * and word processors. No reader can see them, HTML calls them errors and XML forbids them: drop them on reading.
 */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export function normaliseSource(source: string): string {
  if (!needsNormalising(source)) return source;
  return source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").replace(CONTROL_CHARACTERS, "");
}

// gray-matter finds the block (the user's choice of library); YAML is read below (a fast path for plain front
// matter, else the `yaml` package, which keeps every node's position for messages). The engine only hands the block through.
const SPLIT_ONLY = { engines: { yaml: () => ({}) } };

/**
 * The block after the opening "---" and the body after the first line that starts with "---". gray-matter gets
 * only the head: the file up to its closing delimiter and the two characters after it (all its rule reads: it
 * drops one "\r" and one "\n" there). Handed the whole file it copies it into a Buffer and looks it up in its
 * cache by the whole text, which makes V8 copy every file into its string table (bench/RESULTS.md, issue 11). The
 * head is a copy (text/detached.ts): every field's text is cut from it, and the documents a check keeps would otherwise
 * keep every file's whole text alive.
 * tests/property/front-matter-split.property.test.ts compares this
 * with gray-matter given the whole file.
 */
export function splitFrontMatter(source: string): { matter: string; body: string } {
  const close = source.indexOf("\n---", 3);
  const cut = close < 0 ? source.length : close + 6;
  const file = matter(cut >= source.length ? source : detached(source.slice(0, cut)), SPLIT_ONLY);
  // What gray-matter leaves of the head is its tail, so the body is one slice of the file: no copy of it is made.
  return { matter: file.matter, body: cut >= source.length ? file.content : source.slice(cut - file.content.length) };
}

/** The body alone, as parseFrontMatter reads it (BOM, line endings and control characters handled alike). */
export function bodyOf(rawSource: string): string {
  return splitFrontMatter(normaliseSource(rawSource)).body;
}

export interface ParseOptions {
  /**
   * The text is known to need no normalising (needsNormalising in source-text.mjs said so on the thread that read
   * it): the scan of the whole text is not made twice.
   */
  normalised?: boolean;
}

/** Comment lines, as gray-matter strips them to decide whether front matter is empty. */
const COMMENT_LINES = /^\s*#[^\n]+/gm;

export function parseFrontMatter(rawSource: string, { normalised = false }: ParseOptions = {}): ParsedFile {
  const source = normalised ? rawSource : normaliseSource(rawSource);
  if (!/^---[ \t]*\n/.test(source)) {
    throw new FrontMatterError("filen saknar front matter: första raden ska vara --- och fälten stå mellan två sådana rader", 1, 1);
  }
  const { matter: block, body } = splitFrontMatter(source);
  const lineCounter = new LineCounter();
  let yamlDocument: Document | undefined;
  const readDocument = (): Document =>
    (yamlDocument ??= parseDocument(block, { schema: "core", lineCounter, uniqueKeys: true, prettyErrors: true }));
  const readYaml = (): unknown => yamlData(block, readDocument(), lineCounter, "front matter");
  // Only comments, or nothing, between the lines is no fields at all (gray-matter's own rule): nothing to locate.
  const empty = block.includes("#") ? block.replace(COMMENT_LINES, "").trim() === "" : !/\S/.test(block);
  // Most front matter is plain "name: value" lines and lists: read those directly (the same values the yaml package
  // gives, at a hundredth of the cost) and leave the positions, needed only for a message, until one is asked for.
  const data = empty ? {} : (readSimpleYaml(block) ?? readYaml());
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new FrontMatterError("front matter ska bestå av fält på formen namn: värde", 2, 1);
  }
  let bodyLine = 3;
  for (let index = block.indexOf("\n"); index !== -1; index = block.indexOf("\n", index + 1)) bodyLine += 1;

  return {
    source,
    data: data as Record<string, unknown>,
    body,
    bodyLine,
    locate(fieldPath) {
      if (empty) return undefined;
      // The YAML text starts just after the opening "---", so YAML line n is file line n.
      return locateIn(readDocument(), lineCounter, fieldPath, 2);
    },
  };
}

/** The values of parsed YAML, or the FrontMatterError that tells the editor what is wrong and where. */
function yamlData(text: string, document: Document, lineCounter: LineCounter, subject: "front matter" | "filen"): unknown {
  const [first] = document.errors;
  if (first) throw yamlError(text, document, lineCounter, first.code, first.linePos?.[0], subject);
  try {
    return (document.toJS({ reviver: wellFormed }) ?? {}) as object;
  } catch (error) {
    // toJS throws (a ReferenceError, not a parse error) on an alias without its anchor, e.g. an unquoted
    // "title: *Viktigt* möte", on alias chains that would expand beyond reason, and (a RangeError) on nesting
    // deeper than the stack.
    const position = aliasPosition(document, lineCounter);
    if (position) throw yamlError(text, document, lineCounter, "BAD_ALIAS", position, subject);
    if (error instanceof RangeError) throw yamlError(text, document, lineCounter, "RESOURCE_EXHAUSTION", undefined, subject);
    throw error;
  }
}

/** 1-based line and column of the value (or key) at a field path; a missing field points at its nearest parent. */
function locateIn(document: Document, lineCounter: LineCounter, fieldPath: readonly PropertyKey[], firstLine: number): { line: number; column: number } {
  let node: unknown = document.contents;
  let range: [number, number, number] | undefined;
  for (const key of fieldPath) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      range = ((pair.value as { range?: [number, number, number] } | null)?.range ??
        (pair.key as { range?: [number, number, number] }).range);
      node = pair.value;
    } else if (isSeq(node) && typeof key === "number") {
      const item = node.items[key] as { range?: [number, number, number] } | undefined;
      if (!item) break;
      range = item.range;
      node = item;
    } else {
      break;
    }
  }
  if (!range) return { line: firstLine, column: 1 };
  const position = lineCounter.linePos(range[0]);
  return { line: position.line, column: position.col };
}

/** A whole YAML file read for its fields (the data files under content/data/), with positions for messages. */
export interface ParsedYamlFile {
  data: Record<string, unknown>;
  locate(fieldPath: readonly PropertyKey[]): { line: number; column: number } | undefined;
}

/**
 * Reads a data file the way front matter is read: the 1.2 core schema (a day stays the text written), BOM, line
 * endings and control characters handled alike, and every YAML mistake in the same Swedish words. Throws a
 * FrontMatterError, whose line is the file's own.
 */
export function parseYamlFile(rawSource: string): ParsedYamlFile {
  const source = normaliseSource(rawSource);
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { schema: "core", lineCounter, uniqueKeys: true, prettyErrors: true });
  const data = yamlData(source, document, lineCounter, "filen");
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new FrontMatterError("filen ska bestå av fält på formen namn: värde", 1, 1);
  }
  return { data: data as Record<string, unknown>, locate: (fieldPath) => locateIn(document, lineCounter, fieldPath, 1) };
}

// Our own fast path: js-yaml's core schema was tried in its place and read differently from the yaml package on valid
// front matter the differential test generates (-0, +.5, 1e500, 0b1, numeric and __proto__ keys, long digit runs).
// The fast path. It reads only a plain subset of YAML, line by line:
//   name: value                 at the left edge, name a letter then letters, digits or _
//   name:                       followed by list items, all at one indent:
//     - value
//     - name: value             an item of fields, its further fields two spaces deeper than the "-"
//       name: value
// blank lines and comment lines anywhere; a value is "double-quoted" without backslashes, 'single-quoted', plain
// (not starting with an indicator, with no ": " and no " #"), or [] (an empty list), all on one line. Anything else (and any character
// that is not printable, a tab, a BOM, U+2028/29 or a lone surrogate) returns undefined and the yaml package reads
// the block. Within the subset the values are the yaml package's own: a plain value is resolved by the core
// schema's own tags, and tests/unit/content/front-matter.test.ts checks both readers agree on random front matter.

const CORE_TAGS = new Schema({ schema: "core" }).tags.filter((tag) => tag.default === true && tag.test !== undefined);
const RESOLVE_OPTIONS = { intAsBigInt: false };
const UNUSUAL_CHARACTER = /[^\n\x20-\x7E\u00A0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD\u{10000}-\u{10FFFF}]/u;
const FIELD_LINE = /^([A-Za-z][A-Za-z0-9_]*):(?: +(.*))?$/;
const ITEM_LINE = /^( *)- (.*)$/;
const PLAIN_START = /^[^-?:,[\]{}#&*!|>'"%@` ]/;
const NOT_SIMPLE = Symbol("not simple");
type Simple<T> = T | typeof NOT_SIMPLE;

/** A plain scalar as the core schema reads it: null, true/false, a number, or the text itself. */
function plainValue(text: string): Simple<unknown> {
  for (const tag of CORE_TAGS) {
    if (!tag.test?.test(text)) continue;
    let failed = false;
    const resolved = tag.resolve(text, () => (failed = true), RESOLVE_OPTIONS);
    if (failed) return NOT_SIMPLE;
    return isScalar(resolved) ? resolved.value : resolved;
  }
  return text;
}

/** One value written on its line, from its first character (not a space) to the line's end. */
function scalarValue(text: string): Simple<unknown> {
  const first = text[0];
  if (first === '"' || first === "'") {
    let value = "";
    let from = 1;
    for (;;) {
      const close = text.indexOf(first, from);
      if (close === -1) return NOT_SIMPLE;
      // '' is one ' inside single quotes; a backslash starts an escape inside double quotes: leave those to yaml.
      if (first === "'" && text[close + 1] === "'") {
        value += text.slice(from, close + 1);
        from = close + 2;
        continue;
      }
      value += text.slice(from, close);
      if (first === '"' && value.includes("\\")) return NOT_SIMPLE;
      for (let index = close + 1; index < text.length; index += 1) if (text[index] !== " ") return NOT_SIMPLE;
      return value;
    }
  }
  // "tags: []": the one flow collection read here, an empty list.
  if (first === "[") return /^\[\] *$/.test(text) ? [] : NOT_SIMPLE;
  if (!PLAIN_START.test(text) || text.includes(": ") || text.includes(" #")) return NOT_SIMPLE;
  let end = text.length;
  while (text[end - 1] === " ") end -= 1;
  if (text[end - 1] === ":") return NOT_SIMPLE;
  return plainValue(end === text.length ? text : text.slice(0, end));
}

/** A field name that the core schema reads as text and that a plain object keeps as its own field. */
function fieldKey(name: string, fields: object): Simple<string> {
  // yaml refuses a key whose ":" stands over 1,024 characters from its start.
  if (name.length > 1000 || name in fields) return NOT_SIMPLE;
  // A name starts with a letter: of the core schema's tags only null and true/false (n, N, t, T, f, F) can take it.
  const first = name[0];
  if ((first === "n" || first === "N" || first === "t" || first === "T" || first === "f" || first === "F") && plainValue(name) !== name) {
    return NOT_SIMPLE;
  }
  return name;
}

/** The block's fields, or undefined when it is not in the plain subset (the yaml package then reads it). */
export function readSimpleYaml(block: string): Record<string, unknown> | undefined {
  if (UNUSUAL_CHARACTER.test(block)) return undefined;
  const data: Record<string, unknown> = {};
  let fields = 0;
  let open: string | undefined; // a field written "name:" whose value follows on the next lines
  let list: unknown[] | undefined;
  let itemIndent = -1;
  let item: Record<string, unknown> | undefined; // the list item of fields being read
  let start = 0;
  while (start <= block.length) {
    let end = block.indexOf("\n", start);
    if (end === -1) end = block.length;
    const line = block.slice(start, end);
    start = end + 1;
    let indent = 0;
    while (line[indent] === " ") indent += 1;
    if (indent === line.length || line[indent] === "#") continue;

    const field = indent === 0 ? FIELD_LINE.exec(line) : null;
    if (field) {
      open = undefined;
      list = undefined;
      item = undefined;
      const name = fieldKey(field[1] as string, data);
      const written = field[2] ?? "";
      if (name === NOT_SIMPLE) return undefined;
      fields += 1;
      if (written === "") {
        data[name] = null;
        open = name;
        continue;
      }
      const value = scalarValue(written);
      if (value === NOT_SIMPLE) return undefined;
      data[name] = value;
      continue;
    }

    const listItem = ITEM_LINE.exec(line);
    if (listItem && (open !== undefined || (list !== undefined && indent === itemIndent))) {
      if (list === undefined) {
        list = [];
        itemIndent = indent;
        data[open as string] = list;
        open = undefined;
      }
      item = undefined;
      const written = listItem[2] as string;
      const firstField = FIELD_LINE.exec(written);
      if (firstField) {
        item = {};
        const name = fieldKey(firstField[1] as string, item);
        const value = scalarValue(firstField[2] ?? "");
        if (name === NOT_SIMPLE || value === NOT_SIMPLE) return undefined;
        item[name] = value;
        list.push(item);
        continue;
      }
      const value = scalarValue(written);
      if (value === NOT_SIMPLE) return undefined;
      list.push(value);
      continue;
    }

    if (item !== undefined && indent === itemIndent + 2) {
      const itemField = FIELD_LINE.exec(line.slice(indent));
      if (!itemField) return undefined;
      const name = fieldKey(itemField[1] as string, item);
      const value = scalarValue(itemField[2] ?? "");
      if (name === NOT_SIMPLE || value === NOT_SIMPLE) return undefined;
      item[name] = value;
      continue;
    }
    return undefined;
  }
  return fields === 0 ? undefined : data;
}

/**
 * A UTF-8 file cannot hold an unpaired UTF-16 surrogate, but YAML's "\uD800" escape makes one. Replace it the way
 * reading the file replaces an invalid byte (U+FFFD), so every output sees the same text: written to disk it
 * would become U+FFFD anyway, and the search indexer and strict JSON readers refuse it outright.
 */
function wellFormed(_key: unknown, value: unknown): unknown {
  // YAML escapes ("\u0001") can make control characters the file itself no longer holds.
  return typeof value === "string" ? value.replace(/\p{Surrogate}/gu, "\uFFFD").replace(CONTROL_CHARACTERS, "") : value;
}

/**
 * The editor-facing form of a YAML error: the field whose line holds it (the top-level name written on that line or
 * above it), and the line where the mistake is, not where the parser gave up: an unclosed quote is reported at the
 * block's end, but the mistake is where the quote opens.
 */
function yamlError(
  block: string,
  document: Document,
  lineCounter: LineCounter,
  code: string,
  position: { line: number; col: number } | undefined,
  subject: "front matter" | "filen" = "front matter",
): FrontMatterError {
  const lines = block.split("\n");
  let at = position;
  // A quoted value may run over lines, so a quote counts only when the parser says something was never closed;
  // a list or a set of fields in brackets hardly ever does, so an open one before the error is the likely mistake.
  const opened = at && unclosedLine(lines, at.line, code === "MISSING_CHAR" ? /["'[{]/ : /[[{]/);
  if (opened !== undefined) at = { line: opened, col: (lines[opened - 1]?.search(/["'[{]/) ?? 0) + 1 };
  // "Too deep" and "too many aliases" share a code: only a block that has an alias gets the alias hint.
  const alias = aliasPosition(document, lineCounter);
  const explanation =
    code === "RESOURCE_EXHAUSTION" && !alias
      ? NESTING_MESSAGE
      : alias && alias.line === at?.line && GENERIC_CODES.has(code)
        ? ALIAS_MESSAGE
        : translateYamlError(code);
  const field = at ? fieldAtLine(lines, at.line) : undefined;
  const where = field ? ` i fältet "${field}"` : "";
  return new FrontMatterError(`${subject} är inte giltig YAML${where}: ${explanation}`, at?.line, at?.col, field);
}

/** Codes that say only that the parser stopped: an alias on the same line is the likelier cause. */
const GENERIC_CODES = new Set(["UNEXPECTED_TOKEN", "BAD_INDENT", "MULTILINE_IMPLICIT_KEY"]);

/** The field a (1-based) line of the block names ("heading:" in a list item too), else the top-level one above it. */
function fieldAtLine(lines: readonly string[], line: number): string | undefined {
  const own = /^\s*(?:-\s+)?([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)/.exec(lines[line - 1] ?? "")?.[1];
  if (own) return own;
  for (let index = Math.min(line, lines.length) - 1; index >= 0; index -= 1) {
    const name = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)/.exec(lines[index] ?? "")?.[1];
    if (name) return name;
  }
  return undefined;
}

/**
 * The last line at or before `line` whose value opens a quote, "[" or "{" (one of `openers`) that the same line
 * does not close.
 */
function unclosedLine(lines: readonly string[], line: number, openers: RegExp): number | undefined {
  for (let index = Math.min(line, lines.length) - 1; index >= 0; index -= 1) {
    const value = /^\s*(?:-\s+)?(?:[^\s:#"'[{][^:]*:\s+)?(["'[{])(.*)$/.exec(lines[index] ?? "");
    if (!value || !openers.test(value[1] ?? "")) continue;
    const [, opener, rest = ""] = value;
    if (!closesOnLine(opener ?? "", rest)) return index + 1;
  }
  return undefined;
}

function closesOnLine(opener: string, rest: string): boolean {
  if (opener === "'") return rest.replace(/''/g, "").includes("'");
  if (opener === '"') return /(^|[^\\])(\\\\)*"/.test(rest);
  const close = opener === "[" ? "]" : "}";
  let depth = 1;
  for (const character of rest) {
    if (character === opener) depth += 1;
    else if (character === close && --depth === 0) return true;
  }
  return false;
}

const NESTING_MESSAGE =
  "värdet är för djupt nästlat (listor eller fält inuti varandra i hundratals nivåer); front matter behöver bara några få nivåer, kontrollera hakparenteser, klamrar och indrag";

const ALIAS_MESSAGE =
  "ett värde som börjar med * läses som en hänvisning till ett annat värde; sätt citattecken runt värdet, t.ex. title: \"*Viktigt* möte\"";

/** Where the first alias that cannot be looked up stands (else the first alias at all). */
function aliasPosition(document: Document, lineCounter: LineCounter): { line: number; col: number } | undefined {
  let first: number | undefined;
  let unresolved: number | undefined;
  visit(document, {
    Alias(_, node) {
      const start = node.range?.[0];
      if (start === undefined) return;
      first ??= start;
      if (unresolved === undefined && node.resolve(document) === undefined) unresolved = start;
    },
  });
  const start = unresolved ?? first;
  return start === undefined ? undefined : lineCounter.linePos(start);
}

// Every code the yaml package has: its own messages are English, and an editor must never see one.
function translateYamlError(code: string): string {
  switch (code) {
    case "DUPLICATE_KEY":
      return "samma fält står två gånger";
    case "MISSING_CHAR":
      return "ett citattecken eller en hakparentes stängs aldrig; sätt ett avslutande \" eller ]";
    case "BAD_INDENT":
    case "UNEXPECTED_TOKEN":
      return "kontrollera indrag och kolon: varje fält skrivs namn: värde, och listor med samma indrag";
    case "MULTILINE_IMPLICIT_KEY":
      return "ett värde fortsätter på nästa rad; sätt citattecken runt värdet eller rätta indraget";
    case "BLOCK_AS_IMPLICIT_KEY":
      return "ett kolon saknas eller står fel; skriv namn: värde";
    case "TAB_AS_INDENT":
      return "tabb används som indrag; använd mellanslag";
    case "BAD_DQ_ESCAPE":
      return "ett omvänt snedstreck (\\) inom dubbla citattecken följs av ett tecken som inte går att läsa; skriv \\\\ för ett snedstreck, eller använd enkla citattecken";
    case "MULTIPLE_DOCS":
      return "en rad med bara ... eller --- avslutar fälten för tidigt; ta bort raden eller sätt citattecken runt värdet";
    case "BAD_ALIAS":
    case "ALIAS_PROPS":
    case "RESOURCE_EXHAUSTION":
      return ALIAS_MESSAGE;
    case "MULTIPLE_ANCHORS":
    case "MULTIPLE_TAGS":
    case "BAD_PROP_ORDER":
    case "TAG_RESOLVE_FAILED":
      return "ett värde börjar med & eller !, som YAML läser som en märkning; sätt citattecken runt värdet";
    case "BAD_SCALAR_START":
      return "ett värde börjar med ett tecken som måste stå inom citattecken (@ eller `); sätt citattecken runt värdet";
    case "BAD_DIRECTIVE":
      return "en rad som börjar med % hör inte hemma i front matter; ta bort den eller sätt citattecken runt värdet";
    case "KEY_OVER_1024_CHARS":
      return "ett fältnamn är för långt; kontrollera att kolonet efter fältnamnet finns";
    case "NON_STRING_KEY":
      return "ett fältnamn är inte text; skriv varje fält namn: värde";
    case "BLOCK_IN_FLOW":
    case "BAD_COLLECTION_TYPE":
      return "kontrollera hakparenteser och klamrar: en lista inom [ ] eller fält inom { } skrivs utan radbrytning och indrag";
    default:
      return "raden går inte att läsa; kontrollera citattecken, kolon och indrag";
  }
}

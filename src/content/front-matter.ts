// Splits a Markdown file into front matter and body. YAML is read with the 1.2 core schema, so
// "2019-10-22" stays the text the editor wrote (no UTC Date surprises) and every node keeps its line.
import matter from "gray-matter";
import { LineCounter, isMap, isSeq, parseDocument, visit, type Document } from "yaml";

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
  constructor(message: string, readonly line?: number, readonly column?: number) {
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
  return source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").replace(CONTROL_CHARACTERS, "");
}

// gray-matter finds the block (the user's choice of library); YAML is parsed below with the `yaml` package,
// which keeps every node's position for messages. The engine only hands the block through.
const SPLIT_ONLY = { engines: { yaml: () => ({}) } };

/** The block after the opening "---" and the body after the first line that starts with "---". */
function splitFrontMatter(source: string): { matter: string; body: string } {
  const file = matter(source, SPLIT_ONLY);
  return { matter: file.matter, body: file.content };
}

/** The body alone, as parseFrontMatter reads it (BOM, line endings and control characters handled alike). */
export function bodyOf(rawSource: string): string {
  return splitFrontMatter(normaliseSource(rawSource)).body;
}

export function parseFrontMatter(rawSource: string): ParsedFile {
  const source = normaliseSource(rawSource);
  if (!/^---[ \t]*\n/.test(source)) {
    throw new FrontMatterError("filen saknar front matter: första raden ska vara --- och fälten stå mellan två sådana rader", 1, 1);
  }
  const lineCounter = new LineCounter();
  let yamlDocument: Document | undefined;
  const readYaml = (text: string): unknown => {
    yamlDocument = parseDocument(text, { schema: "core", lineCounter, uniqueKeys: true, prettyErrors: true });
    const [first] = yamlDocument.errors;
    if (first) {
      const position = first.linePos?.[0];
      throw new FrontMatterError(
        `front matter är inte giltig YAML: ${translateYamlError(first.code)}`,
        position?.line,
        position?.col,
      );
    }
    try {
      return (yamlDocument.toJS({ reviver: wellFormed }) ?? {}) as object;
    } catch (error) {
      // toJS throws (a ReferenceError, not a parse error) on an alias without its anchor, e.g. an unquoted
      // "title: *Viktigt* möte", and on alias chains that would expand beyond reason.
      const position = aliasPosition(yamlDocument, lineCounter);
      if (!position) throw error;
      throw new FrontMatterError(`front matter är inte giltig YAML: ${ALIAS_MESSAGE}`, position.line, position.col);
    }
  };
  const { matter: block, body } = splitFrontMatter(source);
  // Only comments, or nothing, between the lines is no fields at all (gray-matter's own rule).
  const data = block.replace(/^\s*#[^\n]+/gm, "").trim() === "" ? {} : readYaml(block);
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new FrontMatterError("front matter ska bestå av fält på formen namn: värde", 2, 1);
  }
  const matterLines = block.split("\n").length;
  const bodyLine = matterLines + 2;

  return {
    source,
    data: data as Record<string, unknown>,
    body,
    bodyLine,
    locate(fieldPath) {
      if (!yamlDocument) return undefined;
      // Walk as deep as the YAML goes; a missing field points at its nearest parent.
      let node: unknown = yamlDocument.contents;
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
      if (!range) return { line: 2, column: 1 };
      const position = lineCounter.linePos(range[0]);
      // The YAML text starts just after the opening "---", so YAML line n is file line n.
      return { line: position.line, column: position.col };
    },
  };
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

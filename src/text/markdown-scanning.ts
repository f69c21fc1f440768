// Three of markdown-it's passes over every character, made cheaper: the table of lines each block parse starts with
// and the runs of plain text between the characters an inline rule may act on (with the engine's own string search
// instead of a loop in JavaScript), and linkify's test of each paragraph for anything that may be an address (a short
// expression first, its own long one only where that finds something). The tokens are markdown-it's own
// (tests/property/markdown-scanning.property.test.ts); what it saves in the check, the build and the search index is
// in bench/RESULTS.md (issue 11).
import type MarkdownIt from "markdown-it";
import type { StateInline } from "markdown-it";

/** The characters at which markdown-it's `text` rule stops (its isTerminatorChar). */
const TERMINATOR = /[\n!#$%&*+\-:<=>@[\\\]^_`{}~]/;

/**
 * What any address linkify-it's pretest finds holds: a scheme's ":" or "//" (each of md's schemes has one; a test
 * holds that), an e-mail's "@", or a host: "www.", "localhost", or a dot before a top-level domain or a number.
 * Most paragraphs have none of these, and this expression is far quicker than linkify-it's, which tries a class of
 * every Unicode punctuation and space at each position.
 */
const MAY_HOLD_ADDRESS = /[:@]|\/\/|www\.|localhost|\.\S/i;

/** `md` with the three scans replaced; returns it. */
export function withFastScanning(md: MarkdownIt): MarkdownIt {
  const BlockState = md.block.State;
  // markdown-it's constructor sets every other field (an empty text costs it nothing); only the line table is made here.
  class LineTable extends BlockState {
    constructor(...[src, ...rest]: ConstructorParameters<typeof BlockState>) {
      super("", ...rest);
      this.src = src;
      markLines(this, src);
    }
  }
  md.block.State = LineTable;

  const linkify = md.linkify;
  const pretest = linkify.pretest.bind(linkify);
  linkify.pretest = (text: string): boolean => MAY_HOLD_ADDRESS.test(text) && pretest(text);

  // Its own copy: a global expression keeps where it last stopped (lastIndex).
  const terminator = new RegExp(TERMINATOR.source, "g");
  md.inline.ruler.at("text", function plainTextRun(state: StateInline, silent: boolean): boolean {
    const from = state.pos;
    if (from >= state.posMax) return false;
    terminator.lastIndex = from;
    const found = terminator.exec(state.src);
    const to = found === null || found.index > state.posMax ? state.posMax : found.index;
    if (to === from) return false;
    if (!silent) state.pending += state.src.slice(from, to);
    state.pos = to;
    return true;
  });
  return md;
}

interface LineMarks {
  bMarks: number[];
  eMarks: number[];
  tShift: number[];
  sCount: number[];
  bsCount: number[];
  lineMax: number;
}

/**
 * Each line's start, end, indent in characters and in columns (a tab to the next multiple of 4), as markdown-it's
 * StateBlock makes them, with its one quirk kept: a last line of only spaces and tabs, without a line break after
 * it, is not a line.
 */
function markLines(state: LineMarks, src: string): void {
  const bMarks: number[] = [];
  const eMarks: number[] = [];
  const tShift: number[] = [];
  const sCount: number[] = [];
  const bsCount: number[] = [];
  const length = src.length;
  for (let start = 0; start < length; ) {
    let at = start;
    let indent = 0;
    let columns = 0;
    for (; at < length; at++) {
      const code = src.charCodeAt(at);
      if (code === 0x20) columns++;
      else if (code === 0x09) columns += 4 - (columns % 4);
      else break;
      indent++;
    }
    if (at === length) break;
    const lineBreak = src.indexOf("\n", at);
    const end = lineBreak === -1 ? length : lineBreak;
    bMarks.push(start);
    eMarks.push(end);
    tShift.push(indent);
    sCount.push(columns);
    bsCount.push(0);
    start = end + 1;
  }
  // markdown-it's entry past the last line, so that reading line + 1 needs no bounds check.
  bMarks.push(length);
  eMarks.push(length);
  tShift.push(0);
  sCount.push(0);
  bsCount.push(0);
  state.bMarks = bMarks;
  state.eMarks = eMarks;
  state.tShift = tShift;
  state.sCount = sCount;
  state.bsCount = bsCount;
  state.lineMax = bMarks.length - 1;
}

// src/text/markdown-scanning.ts: markdown-it with the faster scans gives markdown-it's own line table, tokens and
// HTML for any text, and both of the project's parsers use it.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import markdownIt from "markdown-it";
import { withFastScanning } from "../../src/text/markdown-scanning.ts";
import { markdown } from "../../src/text/markdown.ts";
import { bodyText, parser } from "../../src/outputs/search/body-text.ts";
import { markdownBody, runs } from "./arbitraries.ts";

/** Pieces where lines, indents and inline rules begin and end. */
const PIECES = [
  " ", "  ", "    ", "\t", " \t", "\n", "\n\n", "#", "## ", "> ", "- ", "* ", "1. ", "10) ", "[", "]", "(", ")", "![", "](",
  "`", "```", "~~~", "|", "---", "===", "<", ">", "&amp;", ":", "_", "__", "*", "**", "\\", "{lang=en}", "{", "}",
  "~", "^", "=", "+", "@", "$", "%", "!", "https://www.finsam.se/a", "mailto:a@b.se", "www.finsam.se", "[a]: /b",
  "Samordningsförbundet", "åäö", "ÅÄÖ", "ord", "1", ".", ",", "\u00a0", "\u2028", "😀",
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((pieces) => pieces.join(""));
const OPTIONS = [
  { html: false, linkify: true, typographer: false },
  { html: true, linkify: false, typographer: true },
] as const;

function pair(options: (typeof OPTIONS)[number]) {
  return { plain: markdownIt(options), fast: withFastScanning(markdownIt(options)) };
}

function lineTable(md: markdownIt, src: string) {
  const { bMarks, eMarks, tShift, sCount, bsCount, lineMax, src: kept } = new md.block.State(src, md, {}, []);
  return { bMarks, eMarks, tShift, sCount, bsCount, lineMax, kept };
}

describe("markdown-it with the faster scans", () => {
  it("makes markdown-it's line table, including a last line of only blanks", () => {
    const { plain, fast } = pair(OPTIONS[0]);
    for (const src of ["", " ", "\t", "abc", "abc\n", "abc\n  ", "abc\n \t", "  x", "\t\tx\n\n \t y\n", "\n\n", "a\n \n\tb"]) {
      expect(lineTable(fast, src), JSON.stringify(src)).toEqual(lineTable(plain, src));
    }
    fc.assert(
      fc.property(text, (src) => {
        expect(lineTable(fast, src)).toEqual(lineTable(plain, src));
      }),
      { numRuns: runs(1000) },
    );
  });

  it("gives markdown-it's own tokens and HTML for any text", () => {
    for (const options of OPTIONS) {
      const { plain, fast } = pair(options);
      fc.assert(
        fc.property(fc.oneof(text, markdownBody), (src) => {
          expect(JSON.stringify(fast.parse(src, {}))).toBe(JSON.stringify(plain.parse(src, {})));
          expect(fast.render(src)).toBe(plain.render(src));
        }),
        { numRuns: runs(500) },
      );
    }
  });

  it("moves over text exactly as markdown-it's text rule does, from any place to any end of its range", () => {
    const { plain, fast } = pair(OPTIONS[0]);
    const step = (md: markdownIt, src: string, pos: number, posMax: number, silent: boolean) => {
      const state = new md.inline.State(src, md, {}, []);
      state.pos = pos;
      state.posMax = posMax;
      const moved = md.inline.ruler.getRules("")[0]?.(state, silent);
      return { moved, pos: state.pos, pending: state.pending };
    };
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (src, a, b) => {
        const pos = a % (src.length + 1);
        const posMax = b % (src.length + 1);
        for (const silent of [false, true]) expect(step(fast, src, pos, posMax, silent)).toEqual(step(plain, src, pos, posMax, silent));
      }),
      { numRuns: runs(1000) },
    );
  });

  it("finds a paragraph that may hold an address exactly where linkify-it's own test does", () => {
    const { plain, fast } = pair(OPTIONS[0]);
    const pieces = [
      "localhost", "LocalHost", "www.", "WWW.", "www", ".se", ".SE", ".com>", ".рф", ".5.", "127.0.0.1", "a@b", "@", "http:", "HTTPS:",
      "//", "/", "ftp:", "mailto:", ":", ".", ". ", ".\n", ".\u00a0", ".\u2003", "t.ex.", "finsam.se", "x", "ord", ">", "｜", "_",
      " ", "\n", "\u00a0", "[a](/b)", "!", "(", ")",
    ];
    const addressish = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.oneof(addressish, text, fc.string({ unit: "binary", maxLength: 20 })), (src) => {
        expect(fast.linkify.pretest(src)).toBe(plain.linkify.pretest(src));
      }),
      { numRuns: runs(3000) },
    );
    // The quick test holds because every scheme linkify-it looks for has a ":" or "//" (the site's instance included).
    for (const md of [fast, markdown]) {
      const schemes = Object.keys((md.linkify as unknown as { __compiled__: Record<string, unknown> }).__compiled__).filter((name) => name !== "");
      expect(schemes.length).toBeGreaterThan(0);
      for (const scheme of schemes) expect(scheme.includes(":") || scheme.includes("//"), scheme).toBe(true);
    }
    // And it is in use: a paragraph without anything like an address never reaches linkify-it's own expression.
    const seen: string[] = [];
    const own = fast.linkify.re as unknown as { pretest: RegExp };
    const original = own.pretest;
    own.pretest = { test: (value: string) => (seen.push(value), original.test(value)) } as RegExp;
    try {
      fast.render("Ett stycke utan adress. Ett till.\n\nSe www.finsam.se.");
    } finally {
      own.pretest = original;
    }
    expect(seen).toEqual(["Se www.finsam.se."]);
  });

  it("really compares: a scan that stops elsewhere is told apart", () => {
    const { plain } = pair(OPTIONS[0]);
    const wrong = markdownIt(OPTIONS[0]);
    wrong.inline.ruler.at("text", (state, silent) => {
      // Stops only at line breaks: "*" and "[" end up as text.
      const end = state.src.indexOf("\n", state.pos);
      const to = end === -1 || end > state.posMax ? state.posMax : end;
      if (to === state.pos) return false;
      if (!silent) state.pending += state.src.slice(state.pos, to);
      state.pos = to;
      return true;
    });
    expect(wrong.render("a *b* [c](/d)")).not.toBe(plain.render("a *b* [c](/d)"));
  });

  it("is what the site's renderer and the search index's parser use", () => {
    const reference = markdownIt({ html: false, linkify: true, typographer: false });
    expect(markdown.block.State).not.toBe(reference.block.State);
    // markdown-it's own text rule is the first of the inline chain; ours has a name of its own.
    expect(reference.inline.ruler.getRules("")[0]?.name).toBe("text");
    for (const md of [markdown, parser]) {
      expect(md.block.State.name).toBe("LineTable");
      expect(md.inline.ruler.getRules("")[0]?.name).toBe("plainTextRun");
    }
    expect(bodyText("# Rubrik\n\nText med [länk](/a) och *betoning*.")).toBe("Rubrik\nText med länk och betoning.");
  });
});

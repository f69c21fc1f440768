// holdsPlaceholder finds "[fyll i" (any case, then a word's end) wherever the expression would, searching for "[" first.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { holdsPlaceholder } from "../../../src/content/fields.ts";
import { runs } from "../../property/arbitraries.ts";

/** The rule as the editors' guide states it. */
const PLACEHOLDER = /\[fyll i\b/i;

describe("holdsPlaceholder", () => {
  it("finds the placeholder where it is, in any case, and only before a word's end", () => {
    expect(holdsPlaceholder("Text [fyll i: namn] mer")).toBe(true);
    expect(holdsPlaceholder("[FYLL I]")).toBe(true);
    expect(holdsPlaceholder("a [b](/c) och sedan [Fyll I")).toBe(true);
    expect(holdsPlaceholder("[fyll in]")).toBe(false);
    expect(holdsPlaceholder("fyll i: [namn]")).toBe(false);
    expect(holdsPlaceholder("[[fyll iå")).toBe(true);
    expect(holdsPlaceholder(3)).toBe(false);
  });

  it("agrees with the expression on any text", () => {
    const pieces = fc.constantFrom("[", "[fyll i", "[FYLL I", "[fyll", " i", "i", "n", "å", ":", "]", " ", "fyll i", "[[", "ı", "\n", "_", "1");
    const text = fc.oneof(fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join("")), fc.string());
    fc.assert(
      fc.property(text, (value) => {
        expect(holdsPlaceholder(value)).toBe(PLACEHOLDER.test(value));
      }),
      { numRuns: runs(3000) },
    );
  });
});

// Our CMS script (src/outputs/cms/browser/admin-setup.js): the save hook on Decap's own data structures, and the
// Swedish phrases Decap's locale lacks.
import { describe, expect, it } from "vitest";
import { fromJS } from "immutable";
// The locales' sources: the package's main file is a browser bundle.
import en from "decap-cms-locales/src/en/index.js";
import sv from "decap-cms-locales/src/sv/index.js";
import { SWEDISH_ADDITIONS, swedishPhrases, withPhrases, withoutEmptyValues } from "../../../../src/outputs/cms/browser/admin-setup.js";

describe("withoutEmptyValues", () => {
  it("leaves out the keys an editor emptied, at any depth, and keeps lists and every other value", () => {
    const data = fromJS({
      title: "Protokoll",
      updated: "",
      change: null,
      draft: false,
      tags: [],
      yearFrom: 0,
      agenda: [
        { section: 1, heading: "Öppnande", decision: "" },
        { section: 2, heading: "Val", decision: "Beslutat." },
      ],
      body: "Text.",
    });
    expect(withoutEmptyValues(data).toJS()).toEqual({
      title: "Protokoll",
      draft: false,
      tags: [],
      yearFrom: 0,
      agenda: [
        { section: 1, heading: "Öppnande" },
        { section: 2, heading: "Val", decision: "Beslutat." },
      ],
      body: "Text.",
    });
  });

  it("returns Decap's kinds of structure, so the rest of its save reads them as before", () => {
    const cleaned = withoutEmptyValues(fromJS({ agenda: [{ heading: "A", decision: "" }] }));
    expect(cleaned.getIn(["agenda", 0, "heading"])).toBe("A");
    expect(withoutEmptyValues("text")).toBe("text");
  });
});

describe("the Swedish phrases", () => {
  function keys(phrases: object, prefix = ""): string[] {
    return Object.entries(phrases).flatMap(([key, value]) =>
      value !== null && typeof value === "object" ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
    );
  }

  it("cover every phrase of Decap's English locale, so no English shows in the Swedish interface", () => {
    const swedish = withPhrases(sv as Record<string, unknown>, SWEDISH_ADDITIONS);
    const have = new Set(keys(swedish));
    expect(keys(en).filter((key) => !have.has(key))).toEqual([]);
  });

  it("are Swedish: no phrase is the English one but words both languages write alike, and Rich Text is corrected", () => {
    const flat = (phrases: object, prefix = ""): [string, unknown][] =>
      Object.entries(phrases).flatMap(([key, value]) => (value !== null && typeof value === "object" ? flat(value as object, `${prefix}${key}.`) : [[`${prefix}${key}`, value]]));
    const english = new Map(flat(en));
    const shared = flat(swedishPhrases(sv as Record<string, unknown>)).filter(([key, value]) => english.get(key) === value);
    expect(shared.map(([, value]) => value).sort()).toEqual(["Media", "＋ %{collectionLabel}", "Status: %{status}", "Markdown", "%{details}", "MMMM D", "%{date}"].sort());
    expect(flat(swedishPhrases(sv as Record<string, unknown>))).toContainEqual(["editor.editorWidgets.markdown.richText", "Formaterad text"]);
  });

  it("never replace a phrase Decap's Swedish locale has, but for the corrections", () => {
    expect(withPhrases({ a: { b: "egen" } }, { a: { b: "vår", c: "ny" } })).toEqual({ a: { b: "egen", c: "ny" } });
    const own = new Set(keys(sv));
    expect(keys(SWEDISH_ADDITIONS).filter((key) => own.has(key))).toEqual([]);
  });
});

// The importer's guesses are typed by the schema: a misspelt field name does not compile (the @ts-expect-error lines
// fail `tsc` once it would) and still throws if one gets through; what nobody guessed is filled by the field's kind.
import { describe, expect, it } from "vitest";
import { draftFrontMatter } from "../../../src/import/draft-front-matter.ts";
import type { Extraction } from "../../../src/import/type-fields.ts";

const TODAY = "2026-03-10";

describe("draftFrontMatter", () => {
  it("refuses a field name the type does not have, when compiling and when running", () => {
    // @ts-expect-error brev has senderOrganisation, not senderOrganization
    expect(() => draftFrontMatter("brev", { senderOrganization: "nns" }, TODAY)).toThrow(/senderOrganization/);
    const fields: Extraction<"brev">["fields"] = {};
    // @ts-expect-error the same misspelling where an extractor writes its guesses
    fields.senderOrganization = "nns";
    const reasons: Extraction<"brev">["reasons"] = {};
    // @ts-expect-error and where it says why it guessed
    reasons.senderOrganization = "underskriften";
    expect(Object.keys(fields)).toEqual(["senderOrganization"]);
  });

  it("sets a required day nobody guessed to the import day, and a placeholder where a text or a key is missing", () => {
    const draft = draftFrontMatter("brev", { title: "Brev till styrelsen", sender: "Per Holm" }, TODAY);
    expect(draft.yaml).toMatch(/^letterDate: 2026-03-10$/m);
    expect(draft.yaml).toMatch(/^date: 2026-03-10$/m);
    expect(draft.yaml).toMatch(/^senderOrganisation: "?\[fyll i: Avsändarens organisation/m);
    expect(draft.yaml).toMatch(/^draft: true$/m);
    expect(draft.toFill.map((entry) => entry.field)).toEqual(["date", "summary", "organisation", "senderRole", "senderOrganisation", "recipient", "letterDate"]);
    expect(draft.order.slice(0, 3)).toEqual(["title", "date", "summary"]);
  });

  it("fills a required day with the import day, a clock field with a placeholder and a list of entries with one entry of placeholders", () => {
    const draft = draftFrontMatter("protokoll", { title: "Protokoll" }, TODAY);
    expect(draft.yaml).toMatch(/^meetingDate: 2026-03-10$/m);
    expect(draft.yaml).toMatch(/^startTime: "?\[fyll i: När mötet började/m);
    expect(draft.yaml).toMatch(/^agenda:\n {2}- section: "?\[fyll i: Paragrafens nummer/m);
    expect(draft.yaml).toMatch(/^adjusters:\n {2}- "?\[fyll i: en justerare/m);
  });
});

// tests/fixtures/mixed (published, draft and scheduled news plus a conference), built both ways.
import { expect } from "vitest";
import { FIXED_NOW, buildSite, type BuiltSite } from "./build.ts";

export const MIXED = "tests/fixtures/mixed";

/** A production and a preview build of the fixture; checks that its scheduled item lies after "now". */
export async function buildMixed(): Promise<{ production: BuiltSite; preview: BuiltSite }> {
  // The fixture's scheduled item is dated 2026-12-01: after "now", or the scheduled checks prove nothing.
  expect(FIXED_NOW.toISOString() < "2026-12-01").toBe(true);
  return { production: await buildSite(MIXED), preview: await buildSite(MIXED, { mode: "preview" }) };
}

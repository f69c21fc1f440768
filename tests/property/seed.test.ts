// fast-check's seed is pinned by default, whatever the environment: ROBUSTNESS_SEED alone unpins or changes it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SEED, robustnessSeed } from "./arbitraries.ts";

describe("the robustness seed", () => {
  it("is pinned unless ROBUSTNESS_SEED says otherwise, and importing the arbitraries applies it", () => {
    expect(robustnessSeed(undefined)).toBe(DEFAULT_SEED);
    expect(robustnessSeed("")).toBe(DEFAULT_SEED);
    expect(robustnessSeed("42")).toBe(42);
    expect(robustnessSeed("random")).toBeUndefined();
    expect(() => robustnessSeed("tjugo")).toThrow(/ROBUSTNESS_SEED/);
    expect(fc.readConfigureGlobal().seed).toBe(robustnessSeed(process.env.ROBUSTNESS_SEED));
  });
});

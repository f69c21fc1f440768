// The bounded memo: the same result as the function, computed once per key while kept, and never more than `max` kept.
import { describe, expect, it } from "vitest";
import { memoise } from "../../../src/text/memo.ts";

describe("memoise", () => {
  it("computes a key once while it is kept, undefined results included", () => {
    const calls: string[] = [];
    const upper = memoise((key: string) => {
      calls.push(key);
      return key === "tom" ? undefined : key.toUpperCase();
    });
    expect([upper("a"), upper("a"), upper("tom"), upper("tom"), upper("b")]).toEqual(["A", "A", undefined, undefined, "B"]);
    expect(calls).toEqual(["a", "tom", "b"]);
  });

  it("keeps at most max results, dropping the oldest first", () => {
    const calls: number[] = [];
    const double = memoise((key: number) => {
      calls.push(key);
      return key * 2;
    }, 4);
    for (const key of [1, 2, 3, 4, 5]) double(key);
    calls.length = 0;
    // 1 and 2 were the oldest half when 5 came: computed again; 3, 4 and 5 still kept.
    expect([double(3), double(4), double(5), double(1)]).toEqual([6, 8, 10, 2]);
    expect(calls).toEqual([1]);
  });
});

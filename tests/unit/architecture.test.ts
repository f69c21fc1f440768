// The import graph of src/ and layouts/ has no cycle, type imports included: data flows one way (content → site
// model → outputs → Eleventy wiring → commands), and a new cycle fails here with the modules that form it.
import madge from "madge";
import { describe, expect, it } from "vitest";

describe("the import graph", () => {
  it("has no cycle", async () => {
    const graph = await madge(["src", "layouts"], {
      fileExtensions: ["ts", "tsx", "mjs"],
      tsConfig: "tsconfig.json",
      detectiveOptions: { ts: { skipTypeImports: false }, tsx: { skipTypeImports: false } },
    });
    // The graph is real: the generator's modules are in it, with their imports.
    expect(Object.keys(graph.obj()).length).toBeGreaterThan(100);
    expect(graph.obj()["src/content/load.ts"]).toContain("src/content/pool.ts");
    expect(graph.circular()).toEqual([]);
  });
});

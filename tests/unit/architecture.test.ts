// The import graph of src/ and layouts/: no cycle, type imports included, and data flowing one way between the rooms
// (runtime, site and text at the bottom, then content, the site model, outputs and layouts, Eleventy wiring, commands): a
// module never imports one from a higher room. A new cycle or an upward import fails here, naming the modules.
import madge from "madge";
import { beforeAll, describe, expect, it } from "vitest";

/** Each room's height; a module may import its own room's modules and lower ones. */
const ROOMS: Record<string, number> = {
  "src/runtime": 0,
  "src/site": 0,
  "src/text": 0,
  "src/content": 1,
  "src/import": 2,
  "src/site-model": 2,
  "src/outputs": 3,
  layouts: 3,
  "src/eleventy": 4,
  "src/cli": 5,
};

function roomOf(file: string): string | undefined {
  return Object.keys(ROOMS)
    .filter((room) => file.startsWith(`${room}/`))
    .sort((a, b) => b.length - a.length)[0];
}

let graph: Record<string, string[]>;
let cycles: string[][];

beforeAll(async () => {
  const result = await madge(["src", "layouts"], {
    fileExtensions: ["ts", "tsx", "mjs", "js"],
    tsConfig: "tsconfig.json",
    detectiveOptions: { ts: { skipTypeImports: false }, tsx: { skipTypeImports: false } },
  });
  graph = result.obj();
  cycles = result.circular();
});

describe("the import graph", () => {
  it("is the real one: the generator's modules with their imports, layouts' #src/ imports resolved", () => {
    expect(Object.keys(graph).length).toBeGreaterThan(100);
    expect(graph["src/content/load.ts"]).toContain("src/content/pool.ts");
    expect(graph["layouts/components/article.tsx"]).toContain("src/site-model/model.ts");
  });

  it("has no cycle", () => {
    expect(cycles).toEqual([]);
  });

  it("puts every module in a room, and imports only from its own room or lower ones", () => {
    const homeless = Object.keys(graph).filter((file) => roomOf(file) === undefined);
    expect(homeless).toEqual([]);
    const upward = Object.entries(graph).flatMap(([from, imports]) =>
      imports.filter((to) => (ROOMS[roomOf(to) ?? ""] ?? 0) > (ROOMS[roomOf(from) ?? ""] ?? 0)).map((to) => `${from} -> ${to}`),
    );
    expect(upward).toEqual([]);
  });
});

// A build with broken content stops and lists every broken file, in Swedish, before anything is published.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../helpers/build.ts";

const BROKEN = "tests/fixtures/broken";

describe("a build of content with three broken documents", () => {
  it("rejects with one error naming every broken file and line", async () => {
    const error = await buildSite(BROKEN).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(/^Bygget stoppades/);
    expect(message).toContain(`${BROKEN}/nyheter/2024-01-10-datum-i-ord.md:3:`);
    expect(message).toContain(`${BROKEN}/konferenser/2024-02-01-slut-fore-start.md:8:`);
    expect(message).toContain(`${BROKEN}/protokoll/2024-03-01-trasig-yaml.md:4:`);
    expect(message).toContain('men är "22 oktober 2019"');
    expect(message).not.toContain("giltig-nyhet");
  });

  it("has exactly three broken files in the fixture, each referred to once", async () => {
    const files = fs
      .readdirSync(BROKEN, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
      .map((entry) => path.join(entry.parentPath, entry.name));
    expect(files).toHaveLength(4);
    const message = await buildSite(BROKEN).then(
      () => "",
      (reason: Error) => reason.message,
    );
    for (const file of files) {
      const occurrences = message.split(file.split(path.sep).join("/")).length - 1;
      expect(occurrences, file).toBe(file.includes("giltig") ? 0 : 1);
    }
  });
});

// The IT contact's steps for the CMS on the published site name what the build and the workflows really read, so
// they cannot drift apart: the variables settings.ts takes, the workflow that passes them, the check a ruleset
// requires by its name. And the editors' guide keeps its order: the CMS first, text files second.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");
const GUIDE = read("content/README.md");
const HAND_WRITTEN = GUIDE.slice(0, GUIDE.indexOf("<!-- fältreferens:start -->"));
const IT_HEADING = "## För it-kontakten: redigeringsverktyget på webbplatsen";
const IT_SECTION = HAND_WRITTEN.slice(HAND_WRITTEN.indexOf(IT_HEADING));

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens (å, ä, ö kept). */
function anchor(heading: string): string {
  return heading
    .replace(/^#+\s*/, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

interface Workflow {
  name: string;
  on: Record<string, unknown>;
  jobs: Record<string, { name?: string; env?: Record<string, string>; steps: { run?: string }[] }>;
}
const workflow = (file: string) => parse(read(path.join(".github/workflows", file))) as Workflow;

describe("the editors' guide", () => {
  it("starts with the CMS route and keeps the text-file route second", () => {
    const cms = HAND_WRITTEN.indexOf("\n## I webbläsaren: redigeringsverktyget\n");
    const files = HAND_WRITTEN.indexOf("\n## Med textfiler: så lägger du till en text\n");
    expect(cms).toBeGreaterThan(0);
    expect(files).toBeGreaterThan(cms);
    expect(HAND_WRITTEN.slice(0, cms)).not.toMatch(/\n## (?!Vad webbplatsen är|Två sätt att skriva)/);
  });

  it("has the IT contact's section in its hand-written part, which npm run guide leaves alone", () => {
    expect(HAND_WRITTEN).toContain(`\n${IT_HEADING}\n`);
    for (const step of ["1. Välj en inloggningstjänst", "2. Skapa OAuth-appen på GitHub", "3. Ange inloggningstjänsten för bygget", "4. Ge redaktörerna skrivrätt", "5. Skydda grenen `main`", "6. Testa"]) {
      expect(IT_SECTION, step).toContain(`\n### ${step}`);
    }
  });

  it("links to that section from the review step and from the README, by the anchor GitHub gives it", () => {
    const link = `#${anchor(IT_HEADING)}`;
    expect(link).toBe("#för-it-kontakten-redigeringsverktyget-på-webbplatsen");
    expect(HAND_WRITTEN).toContain(`](${link})`);
    expect(read("README.md")).toContain(`](content/README.md${link})`);
  });
});

describe("what the IT section tells to set is what the build and the workflows read", () => {
  it("the pages workflow passes the authenticator's repository variables to the build", () => {
    const settingsSource = read("src/outputs/cms/settings.ts");
    const env = workflow("pages.yml").jobs.build?.env ?? {};
    for (const variable of ["CMS_AUTH_BASE_URL", "CMS_AUTH_ENDPOINT"]) {
      expect(settingsSource, variable).toContain(`env.${variable}`);
      expect(env[variable], variable).toBe(`\${{ vars.${variable} }}`);
      expect(IT_SECTION, variable).toContain(`\`${variable}\``);
    }
  });

  it("the check the ruleset requires runs npm run check on every pull request into main, under the name the guide gives", () => {
    const check = workflow("check.yml");
    expect(Object.keys(check.on)).toEqual(["pull_request"]);
    expect(check.on.pull_request).toEqual({ branches: ["main"] });
    const jobs = Object.values(check.jobs);
    expect(jobs).toHaveLength(1);
    const job = jobs[0]!;
    expect(job.steps.some((step) => /^npm run check\b/.test(step.run ?? ""))).toBe(true);
    expect(IT_SECTION).toContain(`kontrollen **${job.name}**`);
    expect(IT_SECTION).toContain("`.github/workflows/check.yml`");
  });
});

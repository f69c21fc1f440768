// axe-core in a Playwright page: its own source injected into the page, run for WCAG 2.1 A and AA only.
import fs from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import type { AxeResults } from "axe-core";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface Violation {
  rule: string;
  impact: string;
  help: string;
  /** One line per element: its selector and axe's summary of what is wrong. */
  nodes: string[];
}

/**
 * Runs axe on the page as it is now (focus and all) and returns its WCAG 2.1 A/AA violations; `selector`
 * limits the check to the elements it matches.
 */
export async function wcagViolations(page: Page, selector?: string): Promise<Violation[]> {
  // Evaluated through the DevTools protocol, not added as a <script>: the page's content security policy forbids
  // inline script, and the check must see the page with its policy in force.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async ({ tags, selector }) => {
    const { axe } = window as unknown as { axe: { run(context: object, options: object): Promise<AxeResults> } };
    const context = selector ? { include: [selector] } : document;
    const results = await axe.run(context, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return results.violations;
  }, { tags: WCAG_TAGS, selector });
  return violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact ?? "",
    help: violation.help,
    nodes: violation.nodes.map((node) => `${node.target.join(" ")}: ${node.failureSummary ?? ""}`.replace(/\s+/g, " ")),
  }));
}

/** Readable in a failed assertion: one block per rule. */
export function describeViolations(violations: readonly Violation[]): string {
  return violations
    .map((violation) => `${violation.rule} (${violation.impact}): ${violation.help}\n  ${violation.nodes.join("\n  ")}`)
    .join("\n");
}

// Content-Security-Policy violations in Chromium, for the e2e tests: through two channels, so none slips by.
// The page's own securitypolicyviolation events (collected by an init script, read per document) and the
// browser's console errors about the policy (which would also cover a worker's).
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";

export interface Violation {
  /** "script-src-elem", "style-src-attr", … or "console" for a console report. */
  directive: string;
  blocked: string;
  source: string;
  sample: string;
}

declare global {
  interface Window {
    __cspViolations?: Violation[];
  }
}

/** Makes every document opened in the context record its policy violations in window.__cspViolations. */
export async function recordViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: Violation[] = [];
    Object.defineProperty(window, "__cspViolations", { value: seen });
    document.addEventListener(
      "securitypolicyviolation",
      (event) => {
        seen.push({
          directive: event.effectiveDirective,
          blocked: event.blockedURI,
          source: `${event.sourceFile}:${event.lineNumber}`,
          sample: event.sample,
        });
      },
      true,
    );
  });
}

/** Console errors a page (or one of its workers) reports about the content security policy. */
export function consoleViolations(page: Page): string[] {
  const messages: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) messages.push(message.text());
  });
  return messages;
}

/** The violations the current document has recorded so far (needs recordViolations on its context). */
export async function documentViolations(page: Page): Promise<Violation[]> {
  return page.evaluate(() => {
    if (!window.__cspViolations) throw new Error("recordViolations() har inte körts för sidan: window.__cspViolations saknas");
    return [...window.__cspViolations];
  });
}

export function describeViolations(violations: readonly (Violation | string)[]): string {
  return violations
    .map((violation) => (typeof violation === "string" ? violation : `${violation.directive} blockerade ${violation.blocked} (${violation.source}) ${violation.sample}`))
    .join("\n");
}

/** A fresh context that records violations, with one page and the console's reports of them. */
export async function openWatchedPage(browser: Browser, options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page; console: string[] }> {
  const context = await browser.newContext(options);
  await recordViolations(context);
  const page = await context.newPage();
  return { context, page, console: consoleViolations(page) };
}

// The CMS at /admin/ in Chromium, from the real bundle the build copied from npm: it loads the configuration the
// build generated (Decap validates it and would show "Config Errors" instead of the login), speaks Swedish, and
// runs under its page's own content security policy without one violation, on a host in a sub-folder.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, ConsoleMessage } from "playwright-core";
import { ADMIN_CONTENT_SECURITY_POLICY_HEADER } from "../../src/site/security.ts";
import { PATHS } from "../../src/site-model/urls.ts";
import { LOCAL_BACKEND_URL } from "../../src/outputs/cms/settings.ts";
import { consoleViolations, describeViolations, documentViolations, recordViolations } from "./csp.ts";
import { describeViolations as describeAxe, wcagViolations } from "./axe.ts";
import { connectBrowser, localUrl, servedSite, visit } from "./support.ts";

const SCREENSHOT = path.resolve("tests/e2e/screenshots/cms-inloggning.png");
const site = servedSite("prefixed");

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe("redigeringsverktyget /admin/", () => {
  it("visar Decaps inloggning på svenska, med den genererade konfigurationen, utan brott mot sidans policy", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    await recordViolations(context);
    const page = await context.newPage();
    const policy = consoleViolations(page);
    const errors: string[] = [];
    const pageErrors: string[] = [];
    // On 127.0.0.1 Decap first asks the local backend (decap-server) whether it runs; here it does not. The site
    // has no icon, so the browser's own request for one is answered 404, as on every page.
    const localBackend = new URL(LOCAL_BACKEND_URL).origin;
    const expected = (url: string) => url.startsWith(localBackend) || url === new URL("/favicon.ico", site.origin).toString();
    page.on("console", (message: ConsoleMessage) => {
      if (message.type() === "error" && !expected(message.location().url)) errors.push(message.text());
    });
    page.on("pageerror", (error) => pageErrors.push(error.message));
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));

    const response = await visit(page, localUrl(site, PATHS.admin));
    expect(response.headers()["content-security-policy"]).toBe(ADMIN_CONTENT_SECURITY_POLICY_HEADER);
    const login = page.getByRole("button", { name: /^Logga in/ });
    await login.waitFor({ state: "visible", timeout: 30_000 });

    expect(await page.evaluate(() => document.documentElement.lang)).toBe("sv");
    expect(await page.title()).toBe("Finsam – redigering");
    const text = await page.locator("body").innerText();
    expect(text).not.toMatch(/Config Errors|Error loading|\bLogin\b|Sign in/i);
    // The configuration and the chunks came from the site's own folder, under its prefix; nothing from elsewhere
    // but the local backend's probe.
    expect(requested).toContain(localUrl(site, PATHS.adminConfig));
    const elsewhere = requested.filter((url) => !url.startsWith(site.baseUrl) && !url.startsWith(localBackend) && !url.startsWith("data:"));
    expect(elsewhere).toEqual([]);

    expect(describeViolations([...(await documentViolations(page)), ...policy])).toBe("");
    expect(pageErrors).toEqual([]);
    expect(errors).toEqual([]);

    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, animations: "disabled" });
    await context.close();
  });

  it("har inga brister som axe-core hittar (WCAG 2.1 A och AA), varken i vår sida eller i Decaps inloggning", async () => {
    // Our page alone: Decap's bundle and our script not loaded, what is left is what we wrote (language, title,
    // the <noscript> message). Then Decap's login screen, as an editor first sees it.
    for (const withDecap of [false, true]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      if (!withDecap) await page.route(/\/admin\/[^/]*\.js$/, (route) => route.abort());
      await visit(page, localUrl(site, PATHS.admin));
      if (withDecap) await page.getByRole("button", { name: /^Logga in/ }).waitFor({ state: "visible", timeout: 30_000 });
      const violations = await wcagViolations(page);
      expect(violations, `${withDecap ? "Decaps inloggning" : "vår sida"}:\n${describeAxe(violations)}`).toEqual([]);
      await context.close();
    }
  });
});

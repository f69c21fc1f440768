// An editor's whole round in the CMS, in Chromium through Decap's real interface: decap-server (as `npm run cms`
// starts it) on a temporary git repository, /admin/ built for it; a nyhet with an uploaded image and its alt text
// and a protokoll with two agenda items and two signatures are written through the forms and saved, and an
// organisation is renamed in the data file's form. What Decap wrote into the repository passes `npm run check` and
// builds into the pages expected. axe-core checks the editor's form for a nyhet.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { load } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { parse } from "yaml";
import { checkContent } from "../../src/cli/check.ts";
import { buildSite } from "../helpers/build.ts";
import { startCmsRepo, type CmsRepo } from "./cms-repo.ts";
import { describeViolations, wcagViolations } from "./axe.ts";
import { connectBrowser, visit } from "./support.ts";

const SCREENSHOTS = path.resolve("tests/e2e/screenshots");
const NEWS_TITLE = "Ny förbundschef i Östra Göinge";
const NEWS_FILE = "content/nyheter/2026-11-20-ny-forbundschef-i-ostra-goinge.md";
const MINUTES_TITLE = "Protokoll styrelsemöte 17 november 2026";
const MINUTES_FILE = "content/protokoll/2026-11-19-protokoll-styrelsemote-17-november-2026.md";
const ALT = "Förbundschefen står framför kommunhuset i Broby.";
const ORGANISATIONS_FILE = "content/data/organisationer.yml";

/**
 * What axe-core (WCAG 2.1 A and AA) finds on a nyhet's form in Decap 3.16.3's own markup, by rule and number of
 * elements; neither the configuration nor our script beside the bundle can change them. Held exactly, so that a new
 * one, ours or a later Decap's, fails the test.
 */
/**
 * What axe-core finds on a data file's form in Decap 3.16.3's list markup, for a list of `entries` entries: each
 * entry's top bar has a drag handle (role="button") and two buttons, open/close and remove, none of them named.
 */
function decapListViolations(entries: number): Record<string, number> {
  return { "aria-command-name": entries, "button-name": 2 * entries };
}

const DECAP_FORM_VIOLATIONS = {
  // The body's editor (Slate's role="textbox") has no name: Decap's label points at an id no element has.
  "aria-input-field-name": 1,
  // The switch between formatted text and Markdown above it: role="switch" without aria-checked, and no name (the
  // words beside it are no label).
  "aria-required-attr": 1,
  "button-name": 1,
  // The Publicera button: white on #17a2b8, 3.04:1 where 4.5:1 is required.
  "color-contrast": 1,
  // The preview pane's iframe has no title.
  "frame-title": 1,
  // The toolbar's two heading menus: a span with role="button" holding a focusable button.
  "nested-interactive": 2,
};
const ORGANISATION_NAME = "Samordningsförbundet Blekinge län";
const PAGE_FILE = "content/sidor/styrelsen.md";
const EVENT_FILE = "content/evenemang/natverkstraff-i-december.md";

let browser: Browser;
let repo: CmsRepo;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  [browser, repo] = await Promise.all([connectBrowser(), startCmsRepo()]);
  // A Swedish editor's browser: the CMS's date pickers read and write the computer's own time.
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, timezoneId: "Europe/Stockholm", locale: "sv-SE" });
  page = await context.newPage();
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  // Expected: the browser's own request for the icon the site does not have (as on every page), and the uploaded
  // image in the preview pane before the site is built again with it (`npm run cms`'s preview copies it on save).
  const expected = (url: string) => /\/favicon\.ico$|\/bilder\/forbundschef[^/]*\.png$/.test(new URL(url).pathname);
  page.on("console", (message) => {
    if (message.type() === "error" && !expected(message.location().url)) problems.push(`console: ${message.text()} ${message.location().url}`);
  });
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await repo?.close();
});

/** The control of a top-level field, by its Swedish label (optional ones end in "(frivillig)"). */
function field(label: string): Locator {
  return page.getByLabel(new RegExp(`^${label}( \\(frivillig\\))?$`)).first();
}

/** A list field's control (its entries and its add button), by the list's label, which names the control's id. */
async function list(label: string): Promise<Locator> {
  const id = await page.locator("label", { hasText: new RegExp(`^${label}(\\s|$)`) }).first().getAttribute("for");
  if (!id) throw new Error(`Ingen lista med etiketten ${label}`);
  return page.locator(`[id="${id}"]`);
}

/** From the entry being edited back to the collections, and into a new entry of one: its form, ready. */
async function newEntry(collection: string, newButton: RegExp): Promise<void> {
  await page.getByRole("link", { name: /Redigerar i samlingen/ }).click();
  await page.getByRole("link", { name: collection }).first().click();
  await page.getByRole("link", { name: newButton }).last().click();
  await field("Rubrik").waitFor({ timeout: 30_000 });
}

/** Types into the Markdown body's editor. */
async function typeBody(text: string): Promise<void> {
  await page.locator('[data-slate-editor="true"]').first().click();
  await page.keyboard.type(text);
}

async function save(): Promise<void> {
  // The local backend in fs mode publishes directly: Decap has switched the editorial workflow off for it.
  await page.getByRole("button", { name: "Publicera", exact: true }).click();
  await page.getByText("Publicera nu", { exact: true }).click();
  await page.getByText(/^Inlägg (publicerat|sparat)$/).first().waitFor({ timeout: 20_000 });
  await page.getByText("Osparade ändringar").waitFor({ state: "hidden" });
}

function written(relative: string): { data: Record<string, unknown>; body: string } {
  const text = fs.readFileSync(path.join(repo.repoDir, relative), "utf8");
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${relative}: ingen front matter:\n${text}`);
  return { data: parse(match[1] ?? "") as Record<string, unknown>, body: match[2] ?? "" };
}

describe("redigeringsverktyget med den lokala servern", () => {
  it("loggar in och visar samlingarna på svenska", async () => {
    await visit(page, new URL("/admin/", repo.server.origin).href);
    await page.getByRole("button", { name: /^Logga in/ }).click();
    await page.getByRole("link", { name: "Nyheter" }).first().waitFor({ timeout: 30_000 });
    await page.getByText("Ny samordnare i Blekinge").waitFor();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, "cms-nyheter.png"), animations: "disabled" });
  });

  it("skapar en nyhet med en uppladdad bild och dess alt-text", async () => {
    await page.getByRole("link", { name: "Nyheter" }).first().click();
    await page.getByRole("link", { name: /Nyhet$/ }).first().click();
    await field("Rubrik").fill(NEWS_TITLE);
    // Half past midnight, Swedish time: in UTC still the day before, which the file name must not take.
    await field("Publiceringsdag").fill("2026-11-20T00:30");
    await field("Ingress").fill("Östra Göinges samordningsförbund har fått en ny förbundschef.");
    await field("Organisation").fill("Blekinge");
    await page.keyboard.press("Enter");
    const tags = await list("Ämnesord");
    await tags.getByRole("button", { name: "Lägg till ämnesord" }).click();
    await tags.getByLabel(/^Ämnesord/).last().fill("Personal");
    // Filled in and emptied again: the file must not get an empty value the schema refuses.
    await field("Person").fill("Anna");
    await field("Person").fill("");

    await page.getByRole("button", { name: "Välj en bild" }).click();
    const image = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "finsam-cms-bild-")), "forbundschef.png");
    fs.writeFileSync(image, fs.readFileSync(path.resolve("tests/e2e/screenshots/cms-inloggning.png")));
    await page.locator('input[type="file"]').setInputFiles(image);
    await page.getByRole("button", { name: "Välj markerad" }).click();
    await field("Bildbeskrivning \\(alt-text\\)").fill(ALT);

    await typeBody("Anna Svensson börjar som förbundschef i december.");
    // The preview pane is styled by the site's own stylesheet (src/outputs/cms/browser/admin-setup.js).
    const preview = page.frameLocator("iframe").first();
    await expect.poll(() => preview.locator('link[rel="stylesheet"][href="/assets/site.css"]').count()).toBe(1);
    await expect.poll(() => preview.locator("body").evaluate((body) => getComputedStyle(body).fontFamily)).toMatch(/^system-ui/);
    await save();
    await page.screenshot({ path: path.join(SCREENSHOTS, "cms-nyhet.png"), animations: "disabled" });
  });

  it("skapar ett protokoll med två paragrafer och två underskrifter", async () => {
    await newEntry("Protokoll", /Protokoll$/);
    await field("Rubrik").fill(MINUTES_TITLE);
    await field("Publiceringsdag").fill("2026-11-19T10:00");
    await field("Ingress").fill("Styrelsen beslutade om budgeten för 2027.");
    await field("Organisation").fill("Blekinge");
    await page.keyboard.press("Enter");
    await field("Mötesdag").fill("2026-11-17");
    await field("Mötet började").fill("09.00");
    await field("Mötet slutade").fill("11.30");
    await field("Plats").fill("Karlskrona");
    await field("Ordförande").fill("Ingrid Hermansson");
    const adjusters = await list("Justerare");
    await adjusters.getByRole("button", { name: "Lägg till namn" }).click();
    await adjusters.getByLabel(/^Namn/).last().fill("Karin Blomdahl");
    await field("Sekreterare").fill("Magnus von Schenck");
    for (const [section, heading, decision] of [
      ["1", "Mötets öppnande", "Ordföranden öppnade mötet."],
      ["2", "Budget 2027", "Styrelsen fastställde budgeten."],
    ] as const) {
      const agenda = await list("Paragrafer");
      await agenda.getByRole("button", { name: "Lägg till paragraf" }).click();
      await agenda.getByLabel(/^Paragraf \(§\)/).last().fill(section);
      await agenda.getByLabel(/^Rubrik/).last().fill(heading);
      await agenda.getByLabel(/^Beslut/).last().fill(decision);
    }
    for (const [name, role, signedAt] of [
      ["Ingrid Hermansson", "Ordförande", "2026-11-18T08:15"],
      ["Karin Blomdahl", "Justerare", "2026-11-18T13:40"],
    ] as const) {
      const signatures = await list("Underskrifter");
      await signatures.getByRole("button", { name: "Lägg till underskrift" }).click();
      await signatures.getByLabel(/^Namn/).last().fill(name);
      await signatures.getByLabel(/^Roll/).last().fill(role);
      await signatures.getByLabel(/^Undertecknad/).last().fill(signedAt);
    }
    await typeBody("Protokollet justerades den 18 november.");
    await (await list("Paragrafer")).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, "cms-protokoll.png"), animations: "disabled" });
    await save();
  });

  it("skrev filerna i arbetskopian, som npm run check godtar, utan tomma värden", async () => {
    const status = repo.git("status", "--porcelain", "--untracked-files=all").trim().split("\n").sort();
    expect(status.filter((line) => !line.includes("content/bilder/"))).toEqual([`?? ${NEWS_FILE}`, `?? ${MINUTES_FILE}`]);
    expect(status.filter((line) => line.includes("content/bilder/"))).toHaveLength(1);

    const news = written(NEWS_FILE);
    expect(news.data).toMatchObject({ title: NEWS_TITLE, date: "2026-11-20T00:30", organisation: "blekinge", tags: ["Personal"], imageAlt: ALT });
    expect(news.data.image).toMatch(/^\/bilder\/forbundschef.*\.png$/);
    expect(news.data).not.toHaveProperty("person");
    expect(Object.values(news.data)).not.toContain("");
    expect(news.body).toContain("Anna Svensson börjar som förbundschef i december.");

    const minutes = written(MINUTES_FILE);
    expect(minutes.data).toMatchObject({
      title: MINUTES_TITLE,
      meetingDate: "2026-11-17",
      startTime: "09.00",
      endTime: "11.30",
      adjusters: ["Karin Blomdahl"],
      agenda: [
        { section: 1, heading: "Mötets öppnande", decision: "Ordföranden öppnade mötet." },
        { section: 2, heading: "Budget 2027", decision: "Styrelsen fastställde budgeten." },
      ],
      signatures: [
        { name: "Ingrid Hermansson", role: "Ordförande", signedAt: "2026-11-18T08:15" },
        { name: "Karin Blomdahl", role: "Justerare", signedAt: "2026-11-18T13:40" },
      ],
    });

    const report = await checkContent(repo.contentDir);
    expect(report.problems.map((problem) => `${problem.file}: ${problem.severity}: ${problem.message}`)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("bygger sidorna: nyheten med bilden och alt-texten, protokollet med paragrafer och underskrifter", async () => {
    const site = await buildSite(repo.contentDir);
    const news = load(site.read("/nyheter/2026/ny-forbundschef-i-ostra-goinge/"));
    expect(news("h1").text()).toBe(NEWS_TITLE);
    const image = news("img.lead-image");
    expect(image.attr("alt")).toBe(ALT);
    expect(site.exists(image.attr("src") ?? "/saknas")).toBe(true);
    expect(news("main").text()).toContain("Anna Svensson börjar som förbundschef i december.");

    const minutes = load(site.read("/protokoll/2026/protokoll-styrelsemote-17-november-2026/"));
    expect(minutes("h1").text()).toBe(MINUTES_TITLE);
    expect(minutes("#paragraf-1 h3").text().replace(/\s+/g, " ")).toBe("§1 Mötets öppnande");
    expect(minutes("#paragraf-2 h3").text().replace(/\s+/g, " ")).toBe("§2 Budget 2027");
    expect(minutes("#paragraf-2 p").text()).toContain("Styrelsen fastställde budgeten.");
    expect(minutes(".signatures strong").map((_, element) => minutes(element).text()).get()).toEqual(["Ingrid Hermansson", "Karin Blomdahl"]);
    fs.rmSync(site.outDir, { recursive: true, force: true });
  });

  it("byter namn på en organisation i datafilens formulär", async () => {
    await page.getByRole("link", { name: /Redigerar i samlingen/ }).click();
    await page.getByRole("link", { name: "Webbplatsen" }).first().click();
    await page.getByRole("link", { name: "Organisationer", exact: true }).click();
    const organisations = await list("Organisationer");
    // Each organisation is a collapsed entry under its key; its own button opens it.
    const entry = organisations.getByText("blekinge", { exact: true }).locator("xpath=..");
    await entry.locator("button").first().click();
    const name = entry.getByLabel(/^Namn/);
    await expect.poll(() => name.inputValue()).toBe("Samordningsförbundet i Blekinge");
    await name.fill(ORGANISATION_NAME);
    await save();
    await page.screenshot({ path: path.join(SCREENSHOTS, "cms-organisationer.png"), animations: "disabled" });
    // The data file's form, one entry open: axe-core finds Decap's list markup alone, three unnamed controls an entry.
    const violations = await wcagViolations(page);
    const entries = (parse(repo.git("show", `HEAD:${ORGANISATIONS_FILE}`)) as { organisations: unknown[] }).organisations.length;
    expect(Object.fromEntries(violations.map((violation) => [violation.rule, violation.nodes.length])), describeViolations(violations)).toEqual(
      decapListViolations(entries),
    );
  });

  it("skrev bara namnet i datafilen, som npm run check godtar, och organisationens sida bär det", async () => {
    expect(repo.git("status", "--porcelain", "--", "content/data").trimEnd().split("\n")).toEqual([` M ${ORGANISATIONS_FILE}`]);
    const before = parse(repo.git("show", `HEAD:${ORGANISATIONS_FILE}`)) as { organisations: { key: string; name: string }[] };
    const text = fs.readFileSync(path.join(repo.repoDir, ORGANISATIONS_FILE), "utf8");
    const after = parse(text) as typeof before;
    const renamed = before.organisations.map((organisation) => (organisation.key === "blekinge" ? { ...organisation, name: ORGANISATION_NAME } : organisation));
    expect(after).toEqual({ organisations: renamed });
    // Decap writes the file anew from its data: the comments written by hand are gone. (Its `comment` option, which
    // would write a field's hint above its key, is read only for folder collections in Decap 3.16.)
    expect(text).not.toMatch(/^\s*#/m);

    const report = await checkContent(repo.contentDir);
    expect(report.problems.map((problem) => `${problem.file}: ${problem.severity}: ${problem.message}`)).toEqual([]);

    const site = await buildSite(repo.contentDir);
    const organisation = load(site.read("/organisationer/blekinge/"));
    expect(organisation("h1").text()).toBe(ORGANISATION_NAME);
    const all = load(site.read("/organisationer/"));
    expect(all("main").text()).toContain(ORGANISATION_NAME);
    expect(all("main").text()).not.toContain("Samordningsförbundet i Blekinge");
    fs.rmSync(site.outDir, { recursive: true, force: true });
    expect(problems).toEqual([]);
  });

  it("formuläret för en nyhet: axe-core (WCAG 2.1 A och AA) finner bara de kända bristerna i Decaps egen kod", async () => {
    await newEntry("Nyheter", /Nyhet$/);
    // Our script's correction of Decap's Swedish: the switch above the body said "Rich Text".
    await page.getByText("Formaterad text", { exact: true }).first().waitFor();
    const violations = await wcagViolations(page);
    const found = Object.fromEntries(violations.map((violation) => [violation.rule, violation.nodes.length]));
    expect(found, describeViolations(violations)).toEqual(DECAP_FORM_VIOLATIONS);
  });

  it("skapar en sida under en annan, vald bland sidorna, och ett heldagsevenemang", async () => {
    await newEntry("Sidor", /Sida$/);
    await field("Rubrik").fill("Styrelsen");
    await field("Ingress").fill("Styrelsens ledamöter och ersättare.");
    // The parent is chosen among the pages by title; the file gets the page's key.
    await field("Överordnad sida").fill("Om");
    await page.getByRole("option", { name: "Om oss" }).click();
    await typeBody("Styrelsen sammanträder fyra gånger om året.");
    await save();

    await newEntry("Evenemang", /Evenemang$/);
    await field("Rubrik").fill("Nätverksträff i december");
    // A whole day: written as a day alone, which a date-time picker could not leave without a time.
    await field("Börjar").fill("2026-12-03");
    await field("Slutar").fill("2026-12-03");
    await field("Plats").fill("Digitalt");
    await field("Organisation").fill("Blekinge");
    await page.keyboard.press("Enter");
    await typeBody("Träffen för samordnare hålls på nätet hela dagen.");
    await save();
  });

  it("skrev sidan med sin överordnade och evenemanget som heldag, och bygger dem", async () => {
    const status = repo.git("status", "--porcelain", "--untracked-files=all", "--", "content/sidor", "content/evenemang").trimEnd().split("\n");
    expect(status).toEqual([`?? ${EVENT_FILE}`, `?? ${PAGE_FILE}`]);
    // draft: the switch's default, which Decap writes.
    expect(written(PAGE_FILE).data).toEqual({ title: "Styrelsen", summary: "Styrelsens ledamöter och ersättare.", parent: "om-oss", draft: false });
    expect(written(EVENT_FILE).data).toEqual({
      title: "Nätverksträff i december",
      start: "2026-12-03",
      end: "2026-12-03",
      place: "Digitalt",
      organisation: "blekinge",
      draft: false,
    });
    const report = await checkContent(repo.contentDir);
    expect(report.problems.map((problem) => `${problem.file}: ${problem.severity}: ${problem.message}`)).toEqual([]);

    const site = await buildSite(repo.contentDir);
    const child = load(site.read("/om-oss/styrelsen/"));
    expect(child("h1").text()).toBe("Styrelsen");
    expect(load(site.read("/om-oss/"))("main a[href='/om-oss/styrelsen/']").text()).toBe("Styrelsen");
    // An all-day event in the calendar: a DATE value, no time.
    expect(site.read("/kalendarium.ics")).toMatch(/DTSTART;VALUE=DATE:20261203/);
    expect(load(site.read("/kalendarium/natverkstraff-i-december/"))("h1").text()).toBe("Nätverksträff i december");
    fs.rmSync(site.outDir, { recursive: true, force: true });
    expect(problems).toEqual([]);
  });
});

// The page lists the other e2e files walk are data-driven: this file makes sure they are not empty by
// accident, i.e. that every expected kind of page is there to be checked.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { LISTING_PAGE_SIZE } from "../../src/site-model/listings.ts";
import { REQUIRED_KINDS, SPECIAL_PAGES, builtFile, pageKind, servedSite, sitePages } from "./support.ts";

describe("sidtyper i e2e-bygget av testinnehållet", () => {
  const site = servedSite("fixture");
  const kinds = new Set(sitePages(site).map((page) => page.kind));

  it.each(REQUIRED_KINDS)("%s finns", (kind) => {
    expect(kinds.has(kind), `ingen sida av sorten "${kind}" i bygget; sorterna som finns: ${[...kinds].join(", ")}`).toBe(true);
  });

  it("listornas senare sidor finns när listorna delas upp", (context) => {
    context.skip(!Number.isFinite(LISTING_PAGE_SIZE), "listorna delas inte upp ännu (LISTING_PAGE_SIZE är oändlig)");
    expect(kinds.has("lista, senare sida:nyheter"), `sorterna som finns: ${[...kinds].join(", ")}`).toBe(true);
  });

  it.for(SPECIAL_PAGES.filter((special) => special.path !== "/404.html"))("$path ($kind)", (special, context) => {
    const built = fs.existsSync(builtFile(site, special.path));
    if (!built && !special.required) {
      const note = `SAKNAS: ${special.path} (${special.kind}) är inte byggd och inte deklarerad i src/site-model/urls.ts ännu – den sidan kontrolleras inte av e2e-testerna förrän den finns`;
      console.warn(`\n*** ${note}\n`);
      context.skip(note);
    }
    expect(built, `${special.path} (${special.kind}) är deklarerad i src/site-model/urls.ts men saknas i bygget`).toBe(true);
  });

  it("varje sida av okänd sort syns i listan, så den också kontrolleras", () => {
    // Not a failure: a new kind of page is checked like the others. Printed so it gets a name here.
    const unknown = sitePages(site).filter((page) => page.kind.startsWith("annan sida"));
    if (unknown.length > 0) console.info(`Sidor av okänd sort (kontrolleras ändå): ${unknown.map((page) => page.path).join(", ")}`);
    expect(pageKind("/nyheter/2024/x/")).toBe("artikel:nyheter");
    expect(pageKind("/taggar/samverkan/")).toBe("ämne");
    expect(pageKind("/kalendarium/")).toBe("annan sida:/kalendarium/");
  });
});

describe("sidtyper i bygget av det levererade innehållet", () => {
  it("har en artikel och en lista av varje typ, och 404-sidan", () => {
    const kinds = new Set(sitePages(servedSite("shipped")).map((page) => page.kind));
    for (const kind of REQUIRED_KINDS) expect(kinds.has(kind), kind).toBe(true);
  });
});

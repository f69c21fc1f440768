// The accessibility statement (tillgänglighetsredogörelse) that lag (2018:1937) om tillgänglighet till digital
// offentlig service requires, as typed data: /tillganglighet/ is rendered from it. Review it with the organisation
// whenever the site changes, and at least once a year; update `updatedOn` when you do.
import { parseSwedishDate } from "../../text/dates.ts";

/** The law's three levels: helt, delvis or inte förenlig med lagen. */
export type Conformance = "helt" | "delvis" | "inte";

/** Why content is not accessible, in the three categories DIGG's model statement uses. */
export type NonAccessibleReason = "brister" | "oskälig-börda" | "undantaget";

export interface NonAccessibleContent {
  /** What content, and what a reader runs into, in plain Swedish. */
  content: string;
  reason: NonAccessibleReason;
  /** WCAG 2.1 success criteria not met, e.g. "1.3.1". */
  criteria?: readonly string[];
  /** What will be done, and when, if known. */
  plan?: string;
}

export interface AccessibilityStatement {
  /** Who is responsible for the service. */
  organisation: string;
  /** The service the statement covers, as it reads after "står bakom": "webbplatsen finsam.se". */
  service: string;
  conformance: Conformance;
  /** The technical requirement the assessment measured against. */
  standard: string;
  /** May be empty: then the page says no such content is known. */
  nonAccessible: readonly NonAccessibleContent[];
  /** How the site was assessed, as a sentence. */
  assessmentMethod: string;
  assessedOn: Date;
  /** When the site was published. */
  publishedOn: Date;
  /** When this statement was last reviewed and updated. */
  updatedOn: Date;
  /** A functional mailbox that is read, never a person's own address. */
  contactEmail: string;
  /** How soon someone who writes gets an answer. */
  responseTime: string;
  /** DIGG's form for reporting a public body that does not meet the law. */
  enforcementUrl: string;
}

function day(text: string): Date {
  const date = parseSwedishDate(text);
  if (!date || text.length !== 10) throw new Error(`src/site/data/accessibility-statement.ts: "${text}" ska vara ett datum ÅÅÅÅ-MM-DD.`);
  return date;
}

export const ACCESSIBILITY_STATEMENT: AccessibilityStatement = {
  organisation: "Nationella rådet för finansiell samordning",
  service: "webbplatsen finsam.se",
  conformance: "delvis",
  standard: "WCAG 2.1 nivå AA (EN 301 549)",
  nonAccessible: [
    {
      content:
        "Äldre brev och protokoll som förts över till webbplatsen från pappers- och PDF-original kan ha rubriker och listor som inte återger originalets struktur fullt ut.",
      reason: "brister",
      criteria: ["1.3.1"],
      plan: "Vi går igenom de överförda dokumenten och rättar strukturen under 2027.",
    },
    {
      content:
        "Länkar till medlemsmyndigheternas, samordningsförbundens och andra organisationers webbplatser leder till innehåll som vi inte ansvarar för och inte kan påverka.",
      reason: "undantaget",
    },
  ],
  assessmentMethod:
    "Vi har gjort en självskattning (egen granskning): automatiska tester av varje version av webbplatsen och kontroller med tangentbord och skärmläsare.",
  assessedOn: day("2026-11-24"),
  publishedOn: day("2026-11-24"),
  updatedOn: day("2026-11-24"),
  contactEmail: "tillganglighet@finsam.se",
  responseTime: "Vi svarar inom fem arbetsdagar.",
  enforcementUrl: "https://www.digg.se/tdosanmalan",
};

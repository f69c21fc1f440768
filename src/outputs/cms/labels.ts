// The Swedish labels the CMS shows above each field. The schemas name fields in English and explain them in full
// sentences (shown as the hint); a form needs a short word as well. Which fields there are is never decided here:
// a field missing from this list still gets its widget, labelled with its name, and a unit test names it.
import type { EntryListOf, TextListOf } from "../../content/fields.ts";

export const FIELD_LABELS: Readonly<Record<string, string>> = {
  // Every type
  title: "Rubrik",
  date: "Publiceringsdag",
  summary: "Ingress",
  organisation: "Organisation",
  tags: "Ämnesord",
  authors: "Skribenter",
  updated: "Uppdaterad",
  draft: "Utkast",
  image: "Bild",
  imageAlt: "Bildbeskrivning (alt-text)",
  id: "Fast id i flöden",
  publicContacts: "Kontaktuppgifter som får publiceras",
  // Nyhet: a staffing change
  person: "Person",
  role: "Roll",
  change: "Förändring",
  effectiveDate: "Gäller från",
  // Konferens
  event: "Konferens",
  startDate: "Första dagen",
  endDate: "Sista dagen",
  place: "Plats",
  speakers: "Talare",
  name: "Namn",
  affiliation: "Organisation",
  // Brev
  sender: "Avsändare",
  senderRole: "Avsändarens roll",
  senderOrganisation: "Avsändarens organisation",
  recipient: "Mottagare",
  letterDate: "Brevets datum",
  // Minnen
  author: "Den som minns",
  yearFrom: "Från år",
  yearTo: "Till år",
  successor: "Efterträdare",
  // Protokoll
  meetingDate: "Mötesdag",
  startTime: "Mötet började",
  endTime: "Mötet slutade",
  present: "Närvarande",
  chair: "Ordförande",
  adjusters: "Justerare",
  secretary: "Sekreterare",
  agenda: "Paragrafer",
  section: "Paragraf (§)",
  heading: "Rubrik",
  decision: "Beslut",
  signatures: "Underskrifter",
  signedAt: "Undertecknad",
  signedOriginal: "Justerat original (PDF)",
  parent: "Överordnad sida",
  menuOrder: "Ordning bland syskonsidorna",
  start: "Börjar",
  end: "Slutar",
  registration: "Anmälan (länk)",
  // The data files (content/data/)
  longName: "Hela namnet",
  description: "Beskrivning",
  contactEmail: "Kontaktadress (e-post)",
  logo: "Logotyp",
  brandColour: "Profilfärg",
  menu: "Huvudmeny",
  footerLinks: "Länkar i sidfoten",
  label: "Länktext",
  path: "Sökväg",
  organisations: "Organisationer",
  key: "Nyckel",
  kind: "Slag",
  region: "Län eller område",
  website: "Webbplats",
  memberAgencies: "Huvudmän",
  service: "Vad redogörelsen gäller",
  conformance: "Förenlighet med lagen",
  standard: "Krav som bedömningen mätt mot",
  nonAccessible: "Innehåll som inte är tillgängligt",
  content: "Innehåll",
  reason: "Skäl",
  criteria: "WCAG-kriterier",
  plan: "Plan",
  assessmentMethod: "Hur webbplatsen bedömts",
  assessedOn: "Senast bedömd",
  publishedOn: "Webbplatsen publicerades",
  updatedOn: "Redogörelsen senast översedd",
  responseTime: "Svarstid",
  enforcementUrl: "Anmälan till tillsynsmyndigheten (länk)",
};

/** What one entry of a list of text is called ("Lägg till ämnesord"). */
export const LIST_ENTRY_LABELS: Readonly<Record<TextListOf, string>> = {
  text: "Post",
  person: "Namn",
  tag: "Ämnesord",
  criterion: "Kriterium",
};

/** What one entry of a list of objects is called. */
export const ENTRY_LABELS: Readonly<Record<EntryListOf, string>> = {
  speaker: "Talare",
  agendaItem: "Paragraf",
  signature: "Underskrift",
  link: "Länk",
  organisation: "Organisation",
  memberAgency: "Huvudman",
  nonAccessible: "Innehåll",
};

/** The Markdown body, which is no front matter field. */
export const BODY_LABEL = "Text";
export const BODY_HINT = "Mellanrubriker görs med knappen för rubrik (nivå 2 eller 3): sidans huvudrubrik är rubriken ovan.";

export function fieldLabel(name: string): string {
  return FIELD_LABELS[name] ?? name;
}

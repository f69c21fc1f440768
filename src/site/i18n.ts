// Every Swedish interface string in one place, so wording is reviewed and changed once.

/** The law's three levels (lag 2018:1937): helt, delvis or inte förenlig med lagen. The statement's values are these. */
export const CONFORMANCE_LEVELS = ["helt", "delvis", "inte"] as const;
export type Conformance = (typeof CONFORMANCE_LEVELS)[number];

/** Why content is not accessible, in the three categories DIGG's model statement uses. */
export const NON_ACCESSIBLE_REASONS = ["brister", "oskälig-börda", "undantaget"] as const;
export type NonAccessibleReason = (typeof NON_ACCESSIBLE_REASONS)[number];

export const T = {
  skipLink: "Hoppa till huvudinnehållet",
  mainNav: "Huvudmeny",
  // The header bar: a phone gets a link to the search page, a wider screen the labelled field itself
  header: { searchLabel: "Sök på webbplatsen", searchLink: "Sök" },
  footer: { links: "Mer på webbplatsen" },
  // The start page's own words
  startPage: { allPublished: "Allt publicerat, år för år" },
  latest: "Senaste",
  allOfType: (plural: string) => `Alla ${plural.toLowerCase()}`,
  archive: "Arkiv",
  archiveYear: (year: number) => `Publicerat ${year}`,
  tags: "Ämnen",
  tag: (name: string) => `Ämne: ${name}`,
  organisations: "Organisationer",
  published: "Publicerad",
  updated: "Uppdaterad",
  by: "Av",
  previous: "Föregående",
  next: "Nästa",
  neighbours: "Fler i samma kategori",
  related: "Läs också",
  photoCredit: (credit: string) => `Foto: ${credit}`,
  readingTime: (minutes: number) => `Lästid: ${minutes} ${minutes === 1 ? "minut" : "minuter"}`,
  feeds: "Prenumerera",
  atomFeedAll: "Alla nyheter (Atom)",
  jsonFeedAll: "Alla nyheter (JSON Feed)",
  atomFeedType: (plural: string) => `${plural} (Atom)`,
  // Ends a feed entry cut short (src/outputs/feeds/cut.ts), linking to the page with the whole text
  feedReadWhole: "Läs hela texten på webbplatsen",
  // Feeds of each type and organisation, and the subscribe page that explains them (/prenumerera/)
  jsonFeedType: (name: string) => `${name} (JSON Feed)`,
  subscribeToOrganisation: (name: string) => `Prenumerera på det senaste från ${name}`,
  feedList: {
    title: "Prenumerera",
    intro: "Följ det som publiceras här utan att behöva komma tillbaka och titta: med ett nyhetsflöde i en flödesläsare, eller med kalendern i din egen kalenderapp.",
    whatHeading: "Vad är ett nyhetsflöde?",
    what: [
      "Ett nyhetsflöde är en webbadress där det senaste som publicerats finns samlat: rubrik, datum och hela texten. Det är samma sak som kallas RSS.",
      "Du läser flödet i en flödesläsare, en app eller webbtjänst som hämtar flödena du följer och visar nya texter när de kommer. Exempel är Feedly, Inoreader, NetNewsWire och Thunderbird, och många e-postprogram kan också läsa flöden.",
      "Du behöver inget konto hos oss, och vi får inte veta vem som prenumererar. Vill du sluta följa ett flöde tar du bort det i din flödesläsare.",
    ],
    howHeading: "Så gör du",
    how: [
      "Välj ett flöde i listan nedan: allt som publiceras, en sorts texter (till exempel protokoll) eller det en organisation publicerar.",
      "Kopiera flödets adress. Markera adressen och kopiera den, eller högerklicka på länken och välj Kopiera länk.",
      "Öppna din flödesläsare, välj att lägga till ett flöde eller en prenumeration (ofta ett plustecken) och klistra in adressen.",
    ],
    rawNote: "Klickar du på en flödesadress i webbläsaren visas flödet som kod. Det är inget fel: adressen är till för flödesläsaren, inte för att läsas direkt.",
    formatsHeading: "Atom eller JSON Feed?",
    formats: "Varje flöde finns i två format med samma innehåll. Atom fungerar i nästan alla flödesläsare. JSON Feed är ett nyare format som många flödesläsare också kan. Välj Atom om du är osäker.",
    calendarHeading: "Kalendern i din kalenderapp",
    calendar: "Kommande konferenser, nätverksträffar och webbinarier kan du prenumerera på i din egen kalender, till exempel Outlook, Google Kalender eller Apple Kalender. Det är inget nyhetsflöde utan en kalenderfil (iCalendar, .ics). Lägg till adressen som en prenumeration, så kommer nya evenemang in av sig själva.",
    calendarMore: "Mer om kalendariet och hur du prenumererar",
    listHeading: "Alla flöden",
    site: "Allt som publiceras",
    types: "Efter sort",
    organisations: "Efter organisation",
    atom: "Atom",
    json: "JSON Feed",
    calendarAddress: "Kalender (iCalendar)",
    organisationSubtitle: (name: string) => `Det senaste som ${name} har publicerat.`,
  },
  memberAgencies: "Finsam är samverkan mellan",
  contact: "Kontakt",
  noDocuments: "Här finns inget publicerat ännu.",
  notFoundTitle: "Sidan finns inte",
  notFoundText: "Sidan du sökte finns inte, eller har flyttats.",
  // One sentence whose words are the links: the page used to say it and then list the same two places as links.
  notFoundHelp: { before: "Gå till ", home: "startsidan", between: " eller titta i ", archive: "arkivet", after: "." },
  // The kalendarium: the start page's upcoming events, /kalendarium/ and the iCalendar feed
  calendar: {
    title: "Kalendarium",
    intro: "Kommande konferenser, nätverksträffar och webbinarier inom Finsam.",
    upcoming: "Kommande evenemang",
    none: "Inga kommande evenemang just nu.",
    all: "Hela kalendariet",
    when: "När",
    place: "Plats",
    organiser: "Arrangör",
    subscribe: "Prenumerera på kalendariet",
    subscribeText:
      "Du kan följa kalendariet i din egen kalender. Kopiera adressen nedan och lägg till den som en prenumeration, så kommer nya evenemang in av sig själva:",
    subscribeHowTo: [
      "Outlook: Lägg till kalender, sedan Prenumerera från webben (eller Från Internet), och klistra in adressen.",
      "Google Kalender: Andra kalendrar, plustecknet, sedan Från webbadress, och klistra in adressen.",
      "Apple Kalender: Arkiv, sedan Ny kalenderprenumeration, och klistra in adressen.",
    ],
    calendarAddress: "Kalenderns adress",
    openInApp: "Öppna i din kalenderapp",
    download: "Ladda ner som fil (iCalendar)",
    feedTitle: "Kalendarium (iCalendar)",
    feedName: "Finsam – kalendarium",
    /** On an event's own page. */
    facts: "Om evenemanget",
    registration: "Anmälan",
    register: "Anmäl dig",
    online: "Evenemanget hålls på nätet.",
    past: "Evenemanget har redan varit.",
    back: "Till kalendariet",
  },
  /** Ordinary pages (content/sidor/). */
  page: {
    children: "Sidor här",
    breadcrumb: "Du är här",
    home: "Startsidan",
  },
  // The accessibility statement, worded after DIGG's model statement
  accessibility: {
    title: "Tillgänglighetsredogörelse",
    intro: (organisation: string, service: string) =>
      `${organisation} står bakom ${service}. Vi vill att så många som möjligt ska kunna använda webbplatsen. Här beskriver vi hur ${service} uppfyller lagen om tillgänglighet till digital offentlig service, vilka tillgänglighetsproblem vi känner till och hur du kan rapportera brister till oss så att vi kan åtgärda dem.`,
    howAccessible: "Hur tillgänglig är webbplatsen?",
    howAccessibleText: {
      helt: "Vi bedömer att webbplatsen är helt tillgänglig. Om du ändå stöter på problem vill vi gärna veta det.",
      delvis: "Vi är medvetna om att delar av webbplatsen inte är helt tillgängliga. Se avsnittet om innehåll som inte är tillgängligt nedan.",
      inte: "Stora delar av webbplatsen är inte tillgängliga. Se avsnittet om innehåll som inte är tillgängligt nedan.",
    } satisfies Record<Conformance, string>,
    otherFormat: "Vad kan du göra om du inte kan använda delar av webbplatsen?",
    otherFormatText:
      "Om du behöver innehåll från webbplatsen i en annan form, till exempel som tillgänglig PDF, stor text, lättläst text, ljudinspelning eller punktskrift, kan du skriva till oss:",
    report: "Rapportera brister i webbplatsens tillgänglighet",
    reportText:
      "Vi strävar hela tiden efter att förbättra webbplatsens tillgänglighet. Om du upptäcker problem som inte beskrivs på den här sidan, eller om du anser att vi inte uppfyller lagens krav, skriv till oss så att vi får veta att problemet finns:",
    email: "E-post",
    phone: "Telefon",
    enforcement: "Tillsyn",
    enforcementText:
      "Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg och påtala det.",
    enforcementLink: "Anmäl brister i digital offentlig service till Digg",
    technical: "Teknisk information om webbplatsens tillgänglighet",
    conformanceText: {
      helt: "helt förenlig med lagen",
      delvis: "delvis förenlig med lagen",
      inte: "inte förenlig med lagen",
    } satisfies Record<Conformance, string>,
    technicalText: (conformance: string, standard: string, hasProblems: boolean) =>
      `Den här webbplatsen är ${conformance} om tillgänglighet till digital offentlig service${hasProblems ? ", på grund av de brister som beskrivs nedan" : ""}. Kraven vi mäter mot är ${standard}.`,
    nonAccessible: "Innehåll som inte är tillgängligt",
    nonAccessibleNone: "Vi känner inte till något innehåll på webbplatsen som inte är tillgängligt.",
    reasonHeading: {
      brister: "Bristande förenlighet med lagkraven",
      "oskälig-börda": "Oskäligt betungande anpassning",
      undantaget: "Innehåll som inte omfattas av lagstiftningen",
    } satisfies Record<NonAccessibleReason, string>,
    criteria: (criteria: readonly string[]) => `WCAG-kriterium ${criteria.join(", ")}.`,
    assessment: "Hur vi testat webbplatsen",
    assessedOn: "Senaste bedömningen gjordes den",
    publishedOn: "Webbplatsen publicerades den",
    updatedOn: "Redogörelsen uppdaterades senast den",
  },
  // Search: the header form, the search page, and (through data attributes) src/outputs/search/browser/search.js
  search: {
    title: "Sök",
    intro: "Sök bland nyheter, konferenser, brev, minnen, protokoll, evenemang och sidor.",
    label: "Sök",
    pageLabel: "Vad söker du?",
    submit: "Sök",
    noScript: "Sökningen behöver JavaScript, som är avstängt i din webbläsare. Allt publicerat finns också i arkivet, under ämnen och per typ:",
    // {n} is the number of hits, {q} the search words; the script fills them in.
    hitsNone: "Inga träffar för ”{q}”",
    hitsOne: "1 träff för ”{q}”",
    hitsMany: "{n} träffar för ”{q}”",
    showMore: "Visa fler träffar",
    failed: "Sökningen kunde inte laddas. Försök igen senare, eller leta i arkivet.",
    results: "Sökresultat",
    // The filters: a fieldset of three selects, their names the address's parameters (typ, organisation, ar)
    filters: "Avgränsa sökningen",
    filterType: "Typ",
    filterOrganisation: "Organisation",
    filterYear: "År",
    anyType: "Alla typer",
    anyOrganisation: "Alla organisationer",
    anyYear: "Alla år",
    // Shown under the heading when nothing is found
    noneTry: "Prova att:",
    noneFewer: "söka med färre ord, eller med andra ord som betyder samma sak",
    noneSpelling: "kontrollera stavningen",
    noneFilters: "ta bort en avgränsning ovan",
    noneArchive: "leta i arkivet",
  },
  // The CMS's own page (/admin/); the CMS itself speaks Swedish through its locale (src/outputs/cms/config.ts)
  admin: {
    title: "Finsam – redigering",
    noScript: "Redigeringsverktyget behöver JavaScript, som är avstängt i din webbläsare. Dokumenten kan också skrivas som textfiler, se content/README.md.",
  },
  website: "Webbplats",
  region: "Område",
  // Listing, archive, tag and organisation pages
  subscribeToType: (plural: string) => `Prenumerera på ${plural.toLowerCase()}`,
  archiveIntro: "Allt som publicerats, år för år.",
  wholeArchive: "Hela arkivet",
  tagsIntro: "Alla ämnen i bokstavsordning.",
  allTags: "Alla ämnen",
  organisationsIntro: "Samordningsförbund och nationella aktörer som publicerar här.",
  organisationsWithoutDocuments: "Har inte publicerat något här ännu",
  aboutOrganisation: "Om organisationen",
  allOrganisations: "Alla organisationer",
  documentsCount: (count: number) => `${count} ${count === 1 ? "dokument" : "dokument"}`,
  pagination: {
    label: "Sidnumrering",
    previous: "Föregående sida",
    next: "Nästa sida",
    /** Read before the bare number of a page link: "Sida 2". */
    page: "Sida",
    /** In the page title of a later page: "Nyheter, sida 2 av 5". */
    titleSuffix: (pageNumber: number, pageCount: number) => `sida ${pageNumber} av ${pageCount}`,
  },
  draftBanner: "Utkast – publiceras inte",
  scheduledBanner: (date: string) => `Schemalagd – publiceras ${date}`,
  // Type-specific facts
  staffing: {
    heading: "Personalförändring",
    person: "Vem",
    role: "Roll",
    change: "Förändring",
    effective: "Gäller från",
    changeText: { slutar: "Slutar", börjar: "Börjar", byter: "Byter roll" },
  },
  conference: {
    heading: "Om konferensen",
    event: "Konferens",
    when: "När",
    place: "Plats",
    speakers: "Medverkande",
  },
  letter: {
    heading: "Om brevet",
    sender: "Från",
    recipient: "Till",
    letterDate: "Daterat",
  },
  memoir: {
    heading: "Om texten",
    author: "Skribent",
    years: "Åren",
    successor: "Efterträdare",
  },
  minutes: {
    heading: "Mötet",
    organisation: "Organisation",
    date: "Datum",
    time: "Tid",
    place: "Plats",
    present: "Närvarande",
    chair: "Ordförande",
    adjusters: "Justerare",
    secretary: "Sekreterare",
    agenda: "Paragrafer",
    decision: "Beslut",
    signatures: "Underskrifter",
    signedAt: (when: string) => `Signerat ${when}`,
    signedOriginal: "Det justerade protokollet med underskrifter (PDF)",
    // The signatures as a Swedish protokoll ends: the secretary "vid protokollet", the chair and adjusters "justeras"
    atMinutes: "Vid protokollet",
    adjustedBy: "Justeras",
    otherSigners: "Övriga underskrifter",
    adjustedOn: "Protokollet justerades den",
  },
  // Editors' text (src/text/markdown.ts): a table's scrolling region is named by its column headings
  table: (headers: string) => (headers === "" ? "Tabell" : `Tabell: ${headers}`),
} as const;

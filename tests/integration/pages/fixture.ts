// A content tree for the page tests: every type but one (an empty type must still get its listing),
// tags that only Swedish collation orders right, two spellings of one tag, a draft and a scheduled document.
import { markdownFile, writeContent } from "../../helpers/build.ts";

const common = (title: string, date: string, organisation: string, tags: string[]) => ({
  title,
  date,
  summary: `Ingress för ${title}.`,
  organisation,
  tags,
});

export const URLS = {
  newsBlekinge: "/nyheter/2025/ny-samordnare/",
  newsAlvKust: "/nyheter/2024/ny-forbundschef/",
  newsCouncil: "/nyheter/2023/radet-om-arbetsmiljo/",
  conference: "/konferenser/2024/hostkonferens/",
  letter: "/brev/2014/brev-till-styrelsen/",
  minutes: "/protokoll/2024/protokoll-juni/",
  draft: "/nyheter/2024/utkast/",
  scheduled: "/nyheter/2027/framtida/",
} as const;

/** Titles as the fixture writes them, keyed like URLS. */
export const TITLES = {
  newsBlekinge: "Ny samordnare i Blekinge",
  newsAlvKust: "Ny förbundschef i Älv & Kust",
  newsCouncil: "Rådet om arbetsmiljö",
  conference: "Höstkonferens 2024",
  letter: "Brev till styrelsen",
  minutes: "Protokoll juni",
  draft: "Utkast som inte ska synas",
  scheduled: "Framtida nyhet",
} as const;

export function pagesFixture(): string {
  return writeContent({
    "nyheter/2025-02-10-ny-samordnare.md": markdownFile(common(TITLES.newsBlekinge, "2025-02-10", "blekinge", ["Samverkan", "Öppenhet"])),
    "nyheter/2024-05-01-ny-forbundschef.md": markdownFile(common(TITLES.newsAlvKust, "2024-05-01", "alv-och-kust", ["älv och kust", "Personal"])),
    "nyheter/2023-01-15-radet-om-arbetsmiljo.md": markdownFile({
      ...common(TITLES.newsCouncil, "2023-01-15", "nationella-radet", ["Arbetsmiljö", "Personal", "Zonindelning"]),
      updated: "2025-03-01",
    }),
    "nyheter/2024-07-01-utkast.md": markdownFile({
      ...common(TITLES.draft, "2024-07-01", "nns", ["Hemligt ämne"]),
      draft: true,
    }),
    "nyheter/2027-01-01-framtida.md": markdownFile(common(TITLES.scheduled, "2027-01-01", "sodra-dalarna", ["Framtid"])),
    "konferenser/2024-10-24-hostkonferens.md": markdownFile({
      ...common(TITLES.conference, "2024-10-24", "nationella-radet", ["Samverkan", "Älv & Kust"]),
      event: "Höstkonferens",
      startDate: "2024-10-22",
      endDate: "2024-10-23",
      place: "Saltsjöbaden",
    }),
    "brev/2014-01-25-brev-till-styrelsen.md": markdownFile({
      ...common(TITLES.letter, "2014-01-25", "norra-vastmanland", []),
      sender: "Jonas Wells",
      senderRole: "Samordnare",
      senderOrganisation: "norra-vastmanland",
      recipient: "Styrelsen",
      letterDate: "2014-01-25",
    }),
    "protokoll/2024-06-08-protokoll-juni.md": markdownFile({
      ...common(TITLES.minutes, "2024-06-08", "blekinge", ["Styrelsearbete"]),
      meetingDate: "2024-05-08",
      startTime: "08.30",
      endTime: "12.00",
      place: "Karlskrona",
      chair: "Ingrid Hermansson",
      adjusters: ["Karin Blomdahl"],
      secretary: "Magnus von Schenck",
      agenda: [{ section: 1, heading: "Mötets öppnande" }],
    }),
  });
}

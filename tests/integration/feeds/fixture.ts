// A small content tree for the feed tests: two news items, a conference, a draft and a scheduled item.
import { markdownFile, writeContent } from "../../helpers/build.ts";
import { TEST_JPEG } from "../../helpers/images.ts";

export const NEWER_NEWS_ID = "tag:finsam.se,2024-05-02:nyheter/andra-nyheten";
export const CONFERENCE_ID = "tag:finsam.se,2024-03-15:konferenser/varkonferens";
export const OLDER_NEWS_ID = "tag:finsam.se,2024-01-10:nyheter/forsta-nyheten";
export const DRAFT_ID = "tag:finsam.se,2024-02-01:brev/utkast-till-styrelsen";
export const FUTURE_ID = "tag:finsam.se,2027-01-01:nyheter/framtida-nyhet";

export const NEWER_NEWS_BODY = [
  "Läs [den första nyheten](/nyheter/2024/forsta-nyheten/) och [bilagan](bilaga.pdf).",
  "",
  "![Styrelsen samlad](/bilder/styrelsen.jpg)",
  "",
  "Se även [en extern sida](https://example.com/extern).",
].join("\n");

export function feedFixture(newerNewsTitle = "Andra nyheten"): string {
  return writeContent({
    "bilder/styrelsen.jpg": TEST_JPEG,
    "nyheter/2024-01-10-forsta-nyheten.md": markdownFile({
      title: "Första nyheten",
      date: "2024-01-10",
      summary: "Den första nyheten.",
      organisation: "nationella-radet",
      tags: ["Samverkan"],
    }),
    "nyheter/2024-05-02-andra-nyheten.md": markdownFile(
      {
        title: newerNewsTitle,
        date: "2024-05-02",
        updated: "2024-06-01",
        summary: "Den andra nyheten.",
        organisation: "alv-och-kust",
        authors: ["Anna Andersson", "Kristian Karlsson"],
        tags: ["Personal", "Älv & Kust"],
        image: "/bilder/styrelsen.jpg",
        imageAlt: "Styrelsen samlad runt ett bord.",
      },
      NEWER_NEWS_BODY,
    ),
    "konferenser/2024-03-15-varkonferens.md": markdownFile({
      title: "Vårkonferens",
      date: "2024-03-15",
      summary: "Rapport från vårkonferensen.",
      organisation: "nns",
      event: "Vårkonferens 2024",
      startDate: "2024-03-13",
      endDate: "2024-03-14",
      place: "Saltsjöbaden",
    }),
    "brev/2024-02-01-utkast-till-styrelsen.md": markdownFile({
      title: "Utkast till styrelsen",
      date: "2024-02-01",
      summary: "Ett brev som inte är klart.",
      organisation: "blekinge",
      draft: true,
      sender: "Anna Andersson",
      senderRole: "samordnare",
      senderOrganisation: "blekinge",
      recipient: "Styrelsen",
      letterDate: "2024-02-01",
    }),
    "nyheter/2027-01-01-framtida-nyhet.md": markdownFile({
      title: "Framtida nyhet",
      date: "2027-01-01",
      summary: "Schemalagd.",
      organisation: "nationella-radet",
    }),
  });
}

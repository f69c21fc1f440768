// A letter's sender (with role and organisation), recipient and date.
import type { Document } from "#src/content/document.ts";
import type { Organisations } from "#src/content/data-files.ts";
import { T } from "#src/site/i18n.ts";
import { DateText } from "../date-text.tsx";
import { FactList } from "./fact-list.tsx";

export function LetterFacts({ document, organisations }: { document: Document<"brev">; organisations: Organisations }) {
  const { sender, senderRole, senderOrganisation, recipient, letterDate } = document.data;
  const organisation = organisations.find(senderOrganisation)?.name ?? senderOrganisation;
  return (
    <FactList
      heading={T.letter.heading}
      facts={[
        { label: T.letter.sender, value: `${sender}, ${senderRole.toLowerCase()}, ${organisation}` },
        { label: T.letter.recipient, value: recipient },
        { label: T.letter.letterDate, value: <DateText date={letterDate} /> },
      ]}
    />
  );
}

// A letter's sender (with role and organisation), recipient and date.
import type { Document } from "#src/content/document.ts";
import { findOrganisation } from "#src/site/data/organisations.ts";
import { T } from "#src/site/i18n.ts";
import { DateText } from "../date-text.tsx";
import { FactList } from "./fact-list.tsx";

export function LetterFacts({ document }: { document: Document<"brev"> }) {
  const { sender, senderRole, senderOrganisation, recipient, letterDate } = document.data;
  const organisation = findOrganisation(senderOrganisation)?.name ?? senderOrganisation;
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

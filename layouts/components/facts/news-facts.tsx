// A staffing change's who, what and when; plain news has no fact box.
import type { Document } from "#src/content/document.ts";
import { T } from "#src/site/i18n.ts";
import { DateText } from "../date-text.tsx";
import { FactList } from "./fact-list.tsx";

export function NewsFacts({ document }: { document: Document<"nyhet"> }) {
  const { person, role, change, effectiveDate } = document.data;
  if (!person || !role || !change) return null;
  return (
    <FactList
      heading={T.staffing.heading}
      facts={[
        { label: T.staffing.person, value: person },
        { label: T.staffing.role, value: role },
        { label: T.staffing.change, value: T.staffing.changeText[change] },
        effectiveDate && { label: T.staffing.effective, value: <DateText date={effectiveDate} /> },
      ]}
    />
  );
}

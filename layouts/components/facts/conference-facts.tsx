// A conference's name, days, place and speakers.
import type { Document } from "../../../src/content/document.ts";
import { formatDateRange, formatIsoDay } from "../../../src/dates.ts";
import { T } from "../../../src/i18n.ts";
import { FactList } from "./fact-list.tsx";

export function ConferenceFacts({ document }: { document: Document<"konferens"> }) {
  const { event, startDate, endDate, place, speakers } = document.data;
  return (
    <FactList
      heading={T.conference.heading}
      facts={[
        { label: T.conference.event, value: event },
        {
          label: T.conference.when,
          value: <time datetime={`${formatIsoDay(startDate)}/${formatIsoDay(endDate)}`}>{formatDateRange(startDate, endDate)}</time>,
        },
        { label: T.conference.place, value: place },
        speakers.length > 0 && {
          label: T.conference.speakers,
          value: (
            <ul class="plain">
              {speakers.map((speaker) => (
                <li>{speaker.name}, {speaker.affiliation}</li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}

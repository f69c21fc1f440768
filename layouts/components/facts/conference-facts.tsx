// A conference's name, days, place and speakers.
import type { Document } from "#src/content/document.ts";
import { formatDateRange, formatIsoDay } from "#src/text/dates.ts";
import { T } from "#src/site/i18n.ts";
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
          value: <ConferenceDays startDate={startDate} endDate={endDate} />,
        },
        { label: T.conference.place, value: place },
        speakers.length > 0 && {
          label: T.conference.speakers,
          value: (
            // A bulleted list, one person to an item: a list styled without markers loses its list semantics in
            // Safari, and a screen reader would read the names as one run of text.
            <ul class="person-list">
              {speakers.map((speaker) => (
                <li>
                  {speaker.name}, {speaker.affiliation}
                </li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}

// "22–23 oktober 2019" with each day machine-readable: HTML's datetime has no form for a span of days,
// so the first and the last day get a <time> each.
function ConferenceDays({ startDate, endDate }: { startDate: Date; endDate: Date }) {
  const [first, last] = formatDateRange(startDate, endDate).split("–");
  if (last === undefined) return <time datetime={formatIsoDay(startDate)}>{first}</time>;
  return (
    <>
      <time datetime={formatIsoDay(startDate)}>{first}</time>–<time datetime={formatIsoDay(endDate)}>{last}</time>
    </>
  );
}

// The minutes' meeting facts, numbered agenda (§) with decisions, and signatures.
import type { Document } from "#src/content/document.ts";
import type { Organisations } from "#src/content/data-files.ts";
import { formatClockSpan, formatLongDateTime } from "#src/text/dates.ts";
import { T } from "#src/site/i18n.ts";
import { DateText } from "../date-text.tsx";
import { FactList } from "./fact-list.tsx";

export function MinutesFacts({ document, organisations }: { document: Document<"protokoll">; organisations: Organisations }) {
  const data = document.data;
  return (
    <FactList
      heading={T.minutes.heading}
      facts={[
        { label: T.minutes.organisation, value: organisations.find(data.organisation)?.name ?? data.organisation },
        { label: T.minutes.date, value: <DateText date={data.meetingDate} /> },
        { label: T.minutes.time, value: formatClockSpan(data.startTime, data.endTime) },
        { label: T.minutes.place, value: data.place },
        data.present.length > 0 && {
          label: T.minutes.present,
          value: <ul class="plain">{data.present.map((name) => <li>{name}</li>)}</ul>,
        },
        { label: T.minutes.chair, value: data.chair },
        { label: T.minutes.adjusters, value: data.adjusters.join(", ") },
        { label: T.minutes.secretary, value: data.secretary },
      ]}
    />
  );
}

export function MinutesAgenda({ document }: { document: Document<"protokoll"> }) {
  return (
    <section class="agenda" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{T.minutes.agenda}</h2>
      <ol class="plain">
        {document.data.agenda.map((item) => (
          <li id={`paragraf-${item.section}`}>
            <h3>
              <span class="section-number">§{item.section}</span> {item.heading}
            </h3>
            {item.decision !== undefined ? (
              <p>
                <strong>{T.minutes.decision}:</strong> {item.decision}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function MinutesSignatures({ document, href }: { document: Document<"protokoll">; href: (path: string) => string }) {
  const { signatures, signedOriginal } = document.data;
  if (signatures.length === 0 && signedOriginal === undefined) return null;
  return (
    <section class="signatures" aria-labelledby="signatures-heading">
      <h2 id="signatures-heading">{T.minutes.signatures}</h2>
      {signatures.length > 0 ? (
        <ul class="plain">
          {signatures.map((signature) => (
            <li>
              <strong>{signature.name}</strong>, {signature.role.toLowerCase()}.{" "}
              <time datetime={signature.signedAt.toISOString()}>{T.minutes.signedAt(formatLongDateTime(signature.signedAt))}</time>
            </li>
          ))}
        </ul>
      ) : null}
      {signedOriginal !== undefined ? (
        <p>
          <a href={href(signedOriginal)} type="application/pdf">{T.minutes.signedOriginal}</a>
        </p>
      ) : null}
    </section>
  );
}

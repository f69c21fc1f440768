// The minutes' meeting facts, numbered agenda (§) with each paragraph's discussion and decision, and signatures.
import type { Document } from "#src/content/document.ts";
import type { Organisations } from "#src/content/data-files.ts";
import { formatClockSpan, formatLongDateTime } from "#src/text/dates.ts";
import { T } from "#src/site/i18n.ts";
import { DateText } from "../date-text.tsx";
import { FactList } from "./fact-list.tsx";

type Signature = Document<"protokoll">["data"]["signatures"][number];

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
          value: <ul class="person-list">{data.present.map((name) => <li>{name}</li>)}</ul>,
        },
        { label: T.minutes.chair, value: data.chair },
        {
          label: T.minutes.adjusters,
          value: data.adjusters.length === 1 ? data.adjusters[0] : <ul class="person-list">{data.adjusters.map((name) => <li>{name}</li>)}</ul>,
        },
        { label: T.minutes.secretary, value: data.secretary },
      ]}
    />
  );
}

/**
 * The agenda, each § with what the body says under its heading (src/text/markdown.ts splitParagraphs, as HTML) and
 * then its decision: "Beslut" only where one is recorded, as formal items (§1 Mötets öppnande) often have none.
 */
export function MinutesAgenda({ document, texts }: { document: Document<"protokoll">; texts: ReadonlyMap<number, string> }) {
  return (
    <section class="agenda">
      <h2 id="agenda-heading">{T.minutes.agenda}</h2>
      <ol class="plain">
        {document.data.agenda.map((item) => {
          const text = texts.get(item.section);
          return (
            <li id={`paragraf-${item.section}`}>
              <h3>
                <span class="section-number">§{item.section}</span> {item.heading}
              </h3>
              {text ? <div class="body paragraph-text" dangerouslySetInnerHTML={{ __html: text }} /> : null}
              {item.decision !== undefined ? (
                <p class="decision">
                  <strong>{T.minutes.decision}:</strong> {item.decision}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

// Who signs what in a Swedish protokoll: the secretary keeps the minutes ("vid protokollet"), the chair and the
// adjusters vouch for them ("justeras"), the chair first. Roles are the editor's words, so matched loosely.
const SIGNER_GROUPS = [
  { label: T.minutes.atMinutes, roles: [/sekreterare|protokollförare/i] },
  { label: T.minutes.adjustedBy, roles: [/ordförande/i, /juster/i] },
] as const;

function rankOf(role: string): { group: number; order: number } {
  for (const [group, { roles }] of SIGNER_GROUPS.entries()) {
    const order = roles.findIndex((pattern) => pattern.test(role));
    if (order >= 0) return { group, order };
  }
  return { group: SIGNER_GROUPS.length, order: 0 };
}

/** The signatures grouped and ordered as the protokoll's last lines are, each group in the editor's order within a role. */
export function signatureGroups(signatures: readonly Signature[]): { label: string; signatures: Signature[]; adjusts: boolean }[] {
  const ranked = signatures.map((signature, index) => ({ signature, index, ...rankOf(signature.role) }));
  const labels = [...SIGNER_GROUPS.map(({ label }) => label), T.minutes.otherSigners];
  return labels
    .map((label, group) => ({
      label,
      adjusts: group === 1,
      signatures: ranked
        .filter((entry) => entry.group === group)
        .sort((a, b) => a.order - b.order || a.index - b.index)
        .map(({ signature }) => signature),
    }))
    .filter((group) => group.signatures.length > 0);
}

export function MinutesSignatures({ document, href }: { document: Document<"protokoll">; href: (path: string) => string }) {
  const { signatures, signedOriginal } = document.data;
  if (signatures.length === 0 && signedOriginal === undefined) return null;
  const groups = signatureGroups(signatures);
  // The minutes are adjusted when the last of the chair and adjusters has signed.
  const adjusters = groups.find((group) => group.adjusts)?.signatures ?? [];
  const adjustedOn = adjusters.reduce<Date | undefined>((last, { signedAt }) => (last === undefined || signedAt > last ? signedAt : last), undefined);
  return (
    <section class="signatures">
      <h2 id="signatures-heading">{T.minutes.signatures}</h2>
      {adjustedOn ? (
        <p>
          {T.minutes.adjustedOn} <DateText date={adjustedOn} />.
        </p>
      ) : null}
      {groups.length > 0 ? (
        <dl class="signature-list">
          {groups.map((group) => (
            <div>
              <dt>{group.label}</dt>
              {group.signatures.map((signature) => (
                <dd>
                  <strong>{signature.name}</strong>, {signature.role.toLowerCase()}.{" "}
                  <time datetime={signature.signedAt.toISOString()}>{T.minutes.signedAt(formatLongDateTime(signature.signedAt))}</time>
                </dd>
              ))}
            </div>
          ))}
        </dl>
      ) : null}
      {signedOriginal !== undefined ? (
        <p>
          <a href={href(signedOriginal)} type="application/pdf">{T.minutes.signedOriginal}</a>
        </p>
      ) : null}
    </section>
  );
}

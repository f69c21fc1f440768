// The accessibility statement's sections, in the order of DIGG's model statement, from the typed data file.
// Every date on it is the data file's (assessedOn, publishedOn, updatedOn), never the build's: the page says when the
// statement was reviewed, and a rebuild has not reviewed anything.
import { phoneHref, type AccessibilityStatement } from "#src/content/data-files.ts";
import { NON_ACCESSIBLE_REASONS, T } from "#src/site/i18n.ts";
import { DateText } from "./date-text.tsx";

/** The e-mail address and, where the statement gives one, the phone number beside it (DIGG's model statement). */
function Contact({ statement }: { statement: AccessibilityStatement }) {
  return (
    <ul class="plain statement-contact">
      <li>
        {T.accessibility.email}: <a href={`mailto:${statement.contactEmail}`}>{statement.contactEmail}</a>
      </li>
      {statement.contactPhone !== undefined ? (
        <li>
          {T.accessibility.phone}: <a href={phoneHref(statement.contactPhone)}>{statement.contactPhone}</a>
        </li>
      ) : null}
    </ul>
  );
}

function NonAccessible({ statement }: { statement: AccessibilityStatement }) {
  const A = T.accessibility;
  if (statement.nonAccessible.length === 0) return <p>{A.nonAccessibleNone}</p>;
  return (
    <>
      {NON_ACCESSIBLE_REASONS.map((reason) => {
        const items = statement.nonAccessible.filter((item) => item.reason === reason);
        if (items.length === 0) return null;
        return (
          <section aria-labelledby={`reason-${reason}`}>
            <h3 id={`reason-${reason}`}>{A.reasonHeading[reason]}</h3>
            <ul class="statement-list">
              {items.map((item) => (
                <li>
                  {item.content}
                  {item.criteria && item.criteria.length > 0 ? <> {A.criteria(item.criteria)}</> : null}
                  {item.plan ? <> {item.plan}</> : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

export function AccessibilityStatementBody({ statement }: { statement: AccessibilityStatement }) {
  const A = T.accessibility;
  return (
    <>
      <h1>{A.title}</h1>
      <p class="lede">{A.intro(statement.organisation, statement.service)}</p>

      <h2>{A.howAccessible}</h2>
      <p>{A.howAccessibleText[statement.conformance]}</p>

      <h2>{A.otherFormat}</h2>
      <p>{A.otherFormatText}</p>
      <Contact statement={statement} />
      <p>{statement.responseTime}</p>

      <h2>{A.report}</h2>
      <p>{A.reportText}</p>
      <Contact statement={statement} />

      <h2>{A.enforcement}</h2>
      <p>{A.enforcementText}</p>
      <p>
        <a href={statement.enforcementUrl}>{A.enforcementLink}</a>
      </p>

      <h2>{A.technical}</h2>
      <p class="conformance">
        {A.technicalText(A.conformanceText[statement.conformance], statement.standard, statement.nonAccessible.some((item) => item.reason === "brister"))}
      </p>

      <h2>{A.nonAccessible}</h2>
      <NonAccessible statement={statement} />

      <h2>{A.assessment}</h2>
      <p>{statement.assessmentMethod}</p>
      <ul class="plain statement-dates">
        <li>
          {A.assessedOn} <DateText date={statement.assessedOn} />.
        </li>
        <li>
          {A.publishedOn} <DateText date={statement.publishedOn} />.
        </li>
        <li>
          {A.updatedOn} <DateText date={statement.updatedOn} />.
        </li>
      </ul>
    </>
  );
}

// A headed list of facts (<dl>) shared by every type's fact box. A plain section, not an <aside> or a named region:
// the facts are part of the document, and a landmark for each would crowd a screen reader's list of landmarks.
import type { ComponentChildren } from "preact";

export interface Fact {
  label: string;
  value: ComponentChildren;
}

export function FactList({ heading, facts }: { heading: string; facts: readonly (Fact | false | undefined)[] }) {
  const shown = facts.filter((fact): fact is Fact => Boolean(fact));
  return (
    <section class="facts">
      <h2 id="facts-heading">{heading}</h2>
      <dl>
        {shown.map((fact) => (
          <div>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

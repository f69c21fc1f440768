// A labelled list of facts (<dl>) shared by every type's fact box.
import type { ComponentChildren } from "preact";

export interface Fact {
  label: string;
  value: ComponentChildren;
}

export function FactList({ heading, facts }: { heading: string; facts: readonly (Fact | false | undefined)[] }) {
  const shown = facts.filter((fact): fact is Fact => Boolean(fact));
  return (
    <aside class="facts" aria-labelledby="facts-heading">
      <h2 id="facts-heading">{heading}</h2>
      <dl>
        {shown.map((fact) => (
          <div>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}

// A memoir's author, the years it covers and the successor it names.
import type { Document } from "#src/content/document.ts";
import { T } from "#src/site/i18n.ts";
import { FactList } from "./fact-list.tsx";

export function MemoirFacts({ document }: { document: Document<"minnen"> }) {
  const { author, yearFrom, yearTo, successor } = document.data;
  return (
    <FactList
      heading={T.memoir.heading}
      facts={[
        { label: T.memoir.author, value: author },
        { label: T.memoir.years, value: yearFrom === yearTo ? String(yearFrom) : `${yearFrom}–${yearTo}` },
        successor !== undefined && { label: T.memoir.successor, value: successor },
      ]}
    />
  );
}

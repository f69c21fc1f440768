// What a document says, below its heading: the type's facts, the body and what follows it (the minutes' signatures).
// The article page and the feeds render this one component, so a subscriber reads the same facts as a visitor.
import type { SiteModel } from "#src/site-model/model.ts";
import type { AnyDocument } from "#src/content/document.ts";
import { NewsFacts } from "./facts/news-facts.tsx";
import { ConferenceFacts } from "./facts/conference-facts.tsx";
import { LetterFacts } from "./facts/letter-facts.tsx";
import { MemoirFacts } from "./facts/memoir-facts.tsx";
import { MinutesAgenda, MinutesFacts, MinutesSignatures } from "./facts/minutes-facts.tsx";

/** Before and after the body, per type. The switch is exhaustive: a new type without a layout fails tsc. */
function TypeFacts({ finsam, document, place }: { finsam: SiteModel; document: AnyDocument; place: "before" | "after" }) {
  switch (document.type) {
    case "nyhet":
      return place === "before" ? <NewsFacts document={document} /> : null;
    case "konferens":
      return place === "before" ? <ConferenceFacts document={document} /> : null;
    case "brev":
      return place === "before" ? <LetterFacts document={document} organisations={finsam.organisations} /> : null;
    case "minnen":
      return place === "before" ? <MemoirFacts document={document} /> : null;
    case "protokoll":
      return place === "before" ? (
        <>
          <MinutesFacts document={document} organisations={finsam.organisations} />
          <MinutesAgenda document={document} />
        </>
      ) : (
        <MinutesSignatures document={document} href={(path) => finsam.href(path)} />
      );
  }
}

export interface DocumentContentProps {
  finsam: SiteModel;
  document: AnyDocument;
  /** The body as HTML: the page's own (finsam.bodyHtml), or a feed's with absolute links. */
  bodyHtml: string;
}

export function DocumentContent({ finsam, document, bodyHtml }: DocumentContentProps) {
  return (
    <>
      <TypeFacts finsam={finsam} document={document} place="before" />
      <div class="body" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
      <TypeFacts finsam={finsam} document={document} place="after" />
    </>
  );
}

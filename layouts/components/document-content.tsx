// What a document says, below its heading: the type's facts, the body and what follows it (the minutes' signatures).
// The article page and the feeds render this one component, so a subscriber reads the same facts as a visitor.
import type { SiteModel } from "#src/site-model/model.ts";
import type { AnyDocument, Document } from "#src/content/document.ts";
import { splitParagraphs, withoutParagraphMarks } from "#src/text/markdown.ts";
import { NewsFacts } from "./facts/news-facts.tsx";
import { ConferenceFacts } from "./facts/conference-facts.tsx";
import { LetterFacts } from "./facts/letter-facts.tsx";
import { MemoirFacts } from "./facts/memoir-facts.tsx";
import { MinutesAgenda, MinutesFacts, MinutesSignatures } from "./facts/minutes-facts.tsx";

/** The body's HTML, shown whole; empty shows nothing. */
function Body({ html }: { html: string }) {
  return html.trim() === "" ? null : <div class="body" dangerouslySetInnerHTML={{ __html: html }} />;
}

/**
 * Minutes: the text under a body heading "## §5" stands under agenda item 5, after its heading and before its decision;
 * what stands under no § of the agenda follows the agenda as the body did before (src/text/markdown.ts splitParagraphs).
 */
function MinutesContent({ finsam, document, bodyHtml }: { finsam: SiteModel; document: Document<"protokoll">; bodyHtml: string }) {
  const sections = new Set(document.data.agenda.map((item) => item.section));
  const { rest, paragraphs } = splitParagraphs(bodyHtml, (section) => sections.has(section));
  return (
    <>
      <MinutesFacts document={document} organisations={finsam.organisations} />
      <MinutesAgenda document={document} texts={paragraphs} />
      <Body html={rest} />
      <MinutesSignatures document={document} href={(path) => finsam.href(path)} />
    </>
  );
}

/** The facts before the body, per type. The switch is exhaustive: a new type without a layout fails tsc. */
function TypeFacts({ finsam, document }: { finsam: SiteModel; document: Exclude<AnyDocument, Document<"protokoll">> }) {
  switch (document.type) {
    case "nyhet":
      return <NewsFacts document={document} />;
    case "konferens":
      return <ConferenceFacts document={document} />;
    case "brev":
      return <LetterFacts document={document} organisations={finsam.organisations} />;
    case "minnen":
      return <MemoirFacts document={document} />;
  }
}

export interface DocumentContentProps {
  finsam: SiteModel;
  document: AnyDocument;
  /** The body as HTML: the page's own (finsam.bodyHtml), or a feed's with absolute links. */
  bodyHtml: string;
}

export function DocumentContent({ finsam, document, bodyHtml }: DocumentContentProps) {
  if (document.type === "protokoll") return <MinutesContent finsam={finsam} document={document} bodyHtml={bodyHtml} />;
  return (
    <>
      <TypeFacts finsam={finsam} document={document} />
      <Body html={withoutParagraphMarks(bodyHtml)} />
    </>
  );
}

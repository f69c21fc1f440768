// One page per calendar event, at /kalendarium/<key>/.
import type { EventDocument } from "#src/content/document.ts";
import { EventPage } from "../components/event-page.tsx";
import { pageData, type PageData } from "../page-data.ts";

interface EventData extends PageData {
  document: EventDocument;
}

export const data = {
  pagination: { data: "finsam.collections.events", size: 1, alias: "document", addAllPagesToCollections: false },
  permalink: (raw: unknown) => pageData<EventData>(raw).document.url,
  eleventyExcludeFromCollections: true,
};

export function render(raw: unknown) {
  const { finsam, document } = pageData<EventData>(raw);
  return <EventPage finsam={finsam} document={document} />;
}

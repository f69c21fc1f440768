// A <script type="application/ld+json"> element: the only raw script content a page carries, escaped by src/text/json-ld.ts.
import { serializeJsonLd, type JsonLdObject } from "#src/text/json-ld.ts";

export function JsonLd({ data }: { data: JsonLdObject }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}

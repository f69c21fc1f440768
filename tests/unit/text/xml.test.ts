import { describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { escapeXml, escapeXmlAttribute, stripInvalidXmlChars } from "../../../src/text/xml.ts";

describe("escapeXml", () => {
  it("escapes the five characters with a meaning in XML text and attributes", () => {
    expect(escapeXml(`a & b < c > d " e ' f`)).toBe("a &amp; b &lt; c &gt; d &quot; e &apos; f");
  });

  it("escapes an ampersand that already looks like an entity, so the text round-trips", () => {
    expect(escapeXml("&amp; &#x41;")).toBe("&amp;amp; &amp;#x41;");
  });

  it("drops characters XML 1.0 forbids, as escaping cannot make them legal", () => {
    expect(escapeXml("a\u0001b\u0008c\uFFFF")).toBe("abc");
  });

  it("turns the end of a CDATA section into harmless text", () => {
    expect(escapeXml("]]>")).toBe("]]&gt;");
  });
});

describe("stripInvalidXmlChars", () => {
  it("removes C0 controls but keeps tab, newline and carriage return", () => {
    expect(stripInvalidXmlChars("a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg\th\ni\rj")).toBe("abcdefg\th\ni\rj");
  });

  it("removes U+FFFE, U+FFFF and lone surrogates but keeps characters outside the BMP", () => {
    expect(stripInvalidXmlChars("a\uFFFEb\uFFFFc")).toBe("abc");
    expect(stripInvalidXmlChars("x\uD800y\uDC00z")).toBe("xyz");
    expect(stripInvalidXmlChars("\uDC00\uD800")).toBe("");
    expect(stripInvalidXmlChars("Finsam 🤝 samverkan")).toBe("Finsam 🤝 samverkan");
  });

  it("keeps Swedish text, DEL and the replacement character, which XML 1.0 allows", () => {
    expect(stripInvalidXmlChars("Älv & Kust – åäö \u007F \uFFFD")).toBe("Älv & Kust – åäö \u007F \uFFFD");
  });
});

describe("escapeXmlAttribute", () => {
  const text = "Älv\tKust\nsamverkan\r\n & \"mer\" <b>";
  const escaped = escapeXmlAttribute(text);

  it("leaves no literal tab or line break, which attribute-value normalisation would turn into a space", () => {
    // XML 1.0 §3.3.3: only literal #x9, #xA and #xD are normalised; with none left the value is read as written.
    expect([...escaped].filter((char) => char === "\t" || char === "\n" || char === "\r")).toEqual([]);
  });

  it("reads back as the editor's text through an XML parser", () => {
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", htmlEntities: true }).parse(`<category term="${escaped}"/>`) as {
      category: { term: string };
    };
    expect(parsed.category.term).toBe(text);
  });
});

// XML text helpers shared by the feeds and the sitemap: whatever editors write, the output stays well-formed.

// Characters XML 1.0 forbids (§2.2 Char): C0 controls except tab, LF and CR; U+FFFE and U+FFFF;
// and UTF-16 surrogates that are not part of a pair.
const FORBIDDEN_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes the characters no XML 1.0 document may contain, not even escaped. */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(FORBIDDEN_XML_CHARS, "");
}

// A literal CR reaches readers as LF (XML end-of-line handling); only a character reference keeps it a CR.
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;", "\r": "&#13;" };

/** Safe in both element text and quoted attribute values. */
export function escapeXml(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"'\r]/g, (char) => ENTITIES[char] as string);
}

// A conforming parser turns a literal tab, line feed or carriage return in an attribute value into a space
// (XML 1.0 §3.3.3, attribute-value normalisation); only character references keep them what the editor wrote.
const ATTRIBUTE_WHITESPACE: Record<string, string> = { "\t": "&#9;", "\n": "&#10;" };

/** escapeXml, and tabs and line breaks as references, for a quoted attribute value (a category's term). */
export function escapeXmlAttribute(text: string): string {
  return escapeXml(text).replace(/[\t\n]/g, (char) => ATTRIBUTE_WHITESPACE[char] as string);
}

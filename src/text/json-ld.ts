// The one way JSON-LD enters a page: serialised so that no text in it can end the <script> element early.
// HTML ends a script element at "</script" whatever JSON thinks of it; "<!--" changes how the parser reads
// on; U+2028/U+2029 end lines in older JavaScript. All of them become \u escapes, which JSON reads back
// as the same characters. So does every character beyond Latin-1: a page holds none of them raw (each is a
// character reference outside scripts, src/eleventy/on-request.ts), and a reference means nothing in a script.

export type JsonLdValue = string | number | boolean | null | undefined | readonly JsonLdValue[] | JsonLdObject;

export interface JsonLdObject {
  readonly [key: string]: JsonLdValue;
}

/** \u003c for "<": one UTF-16 unit (an astral character is two, each escaped: JSON reads the pair back). */
function unicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/**
 * JSON text safe as the raw content of <script type="application/ld+json">. The characters replaced can
 * only occur inside JSON strings, where the \u escape means the same character. Undefined members are left out.
 */
export function serializeJsonLd(value: JsonLdObject): string {
  return JSON.stringify(value).replace(/[<>&\u0100-\uffff]/g, unicodeEscape);
}

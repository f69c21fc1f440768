// The one way JSON-LD enters a page: serialised so that no text in it can end the <script> element early.
// HTML ends a script element at "</script" whatever JSON thinks of it; "<!--" changes how the parser reads
// on; U+2028/U+2029 end lines in older JavaScript. All of them become \u escapes, which JSON reads back
// as the same characters.

export type JsonLdValue = string | number | boolean | null | undefined | readonly JsonLdValue[] | JsonLdObject;

export interface JsonLdObject {
  readonly [key: string]: JsonLdValue;
}

const UNSAFE_IN_SCRIPT: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/**
 * JSON text safe as the raw content of <script type="application/ld+json">. The characters replaced can
 * only occur inside JSON strings, where the \u escape means the same character. Undefined members are left out.
 */
export function serializeJsonLd(value: JsonLdObject): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => UNSAFE_IN_SCRIPT[char] as string);
}

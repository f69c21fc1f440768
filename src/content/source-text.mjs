// What normalising a content file's text looks for, in one place for the main thread (front-matter.ts) and the
// read-ahead thread (read-ahead-worker.mjs), which runs without tsx and so imports only plain JavaScript.

/** Anything normaliseSource changes but a leading BOM: one scan finds that most files need nothing done. */
const TO_NORMALISE = /[\r\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * Whether front-matter.ts normaliseSource would change the text: a byte-order mark, a carriage return or an
 * invisible control character.
 * @param {string} source
 * @returns {boolean}
 */
export function needsNormalising(source) {
  return source.charCodeAt(0) === 0xfeff || TO_NORMALISE.test(source);
}

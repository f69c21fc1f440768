// Plain text made safe to place in Markdown written for someone else's renderer (a workflow run's summary): it
// shows as the very characters given, on one line, and cannot open a link, an image, a tag or a table cell.

// Every ASCII punctuation character may be escaped with a backslash in CommonMark, and then stands for itself: no
// emphasis, link, image, HTML tag, entity or table pipe can start from the text. Escaping all of them is simpler to
// trust than knowing which ones matter in which position.
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
// A line break would end a table row or a list item; the rest would not show and can reorder what is shown.
const BREAKS_AND_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

// Half a surrogate pair is no character: written to a UTF-8 file it becomes U+FFFD anyway, which is said here.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` as literal inline Markdown on one line: a table cell or a list item holds it unchanged. */
export function markdownText(text: string): string {
  return text
    .replace(LONE_SURROGATE, "\uFFFD")
    .replace(BREAKS_AND_CONTROLS, " ")
    .replace(PUNCTUATION, (character) => `\\${character}`);
}

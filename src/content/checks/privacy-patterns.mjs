// The privacy guard's patterns for personnummer and phone numbers (privacy.ts), plain JavaScript so the read-ahead
// thread (../read-ahead-worker.mjs), which runs without tsx, can tell which files hold no candidate at all.

// Digits glued to letters, or following "2023-" / "12." etc., belong to something else (ids, dates, sums).
const NOT_AFTER = String.raw`(?<![\p{L}\p{N}_+]|\p{N}[\-–./:])`;
const NOT_BEFORE = String.raw`(?![\p{N}]|[\-–./:]\p{N})`;

// 6 or 8 digits of date, an optional separator (space too: editors write "121212 1212"), 4 digits.
export const PERSONNUMMER = new RegExp(`${NOT_AFTER}(\\d{8}|\\d{6})([-+ \\u00A0]?)(\\d{4})${NOT_BEFORE}`, "gu");

// Swedish national form (0 + area code) or international (+ or 00, then country code). Digit groups may
// wrap onto the next line in hard-wrapped Markdown. Which candidates are real numbers is libphonenumber's call.
// Every repetition is bounded (a number has at most 15 digits, E.164): a candidate stays short however long a run
// of digit groups is, so the scan is linear in the text. A longer run is read as consecutive candidates.
const MAX_GROUPS = 8;
const DIGITS = String.raw`\d{1,15}`;
const LINE_WRAP = String.raw`\n[ \t]{0,40}`;
const GROUP_SEPARATOR = String.raw`(?:[ \u00A0]|${LINE_WRAP})`;
const INTERNATIONAL_SEPARATOR = String.raw`(?:[ \u00A0\-]|${LINE_WRAP})`;
/** @param {string} separator */
const digitGroups = (separator) => `${DIGITS}(?:${separator}${DIGITS}){0,${MAX_GROUPS}}`;
export const PHONE = new RegExp(
  NOT_AFTER +
    String.raw`(?:(?:\+|00)[ \u00A0]?[1-9]\d{0,2}[ \u00A0\-]?(?:\(0\)[ \u00A0]?)?` +
    digitGroups(INTERNATIONAL_SEPARATOR) +
    String.raw`|(?:\(0\d{1,3}\)|0\d{1,3})(?:[ \u00A0]?[\-–][ \u00A0]?|[ \u00A0])?` +
    digitGroups(GROUP_SEPARATOR) +
    ")" +
    NOT_BEFORE,
  "gu",
);

/**
 * Which of the patterns can match somewhere in a text: false means no candidate at all, so the guard's scan of that
 * text would find nothing. Leaves the patterns as it found them.
 * @param {string} text
 * @returns {{ personnummer: boolean, phone: boolean }}
 */
export function candidatesIn(text) {
  const found = { personnummer: false, phone: false };
  for (const [kind, pattern] of /** @type {const} */ ([["personnummer", PERSONNUMMER], ["phone", PHONE]])) {
    const lastIndex = pattern.lastIndex;
    pattern.lastIndex = 0;
    found[kind] = pattern.test(text);
    pattern.lastIndex = lastIndex;
  }
  return found;
}

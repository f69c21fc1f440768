// The one Swedish slug function: permalinks, tag and organisation pages, heading ids.
// Swedish sites write å, ä → a and ö → o (not "aa"/"ae"/"oe"), and "&" reads "och".

const SWEDISH_LETTERS: Record<string, string> = { å: "a", ä: "a", ö: "o", æ: "ae", ø: "o", ß: "ss" };

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[åäöæøß]/g, (ch) => SWEDISH_LETTERS[ch] ?? ch)
    .replace(/&/g, " och ")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

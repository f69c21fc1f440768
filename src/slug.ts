// The one Swedish slug function: permalinks, tag and organisation pages, heading ids.
// Swedish sites write å, ä → a and ö → o (not "aa"/"ae"/"oe"), and "&" reads "och".

const SWEDISH_LETTERS: Record<string, string> = { å: "a", ä: "a", ö: "o", æ: "ae", ø: "o", ß: "ss" };

// The same few tags and organisation keys are slugged many times per document (schema, collections, links):
// remember short texts' slugs. Bounded, so a long-running dev server does not collect every heading it saw.
const MEMO_LIMIT = 10_000;
const MEMO_TEXT_LENGTH = 200;
const memo = new Map<string, string>();

export function slugify(text: string): string {
  if (text.length > MEMO_TEXT_LENGTH) return slugOf(text);
  let slug = memo.get(text);
  if (slug === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    slug = slugOf(text);
    memo.set(text, slug);
  }
  return slug;
}

function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[åäöæøß]/g, (ch) => SWEDISH_LETTERS[ch] ?? ch)
    .replace(/&/g, " och ")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

// @ts-check
// Search page behaviour: searches the static index the build writes (src/outputs/search/) with search-engine.js; every
// text comes from the page (data-* on the form), every result is built from DOM elements and text nodes, never
// parsed as HTML.
import { SearchIndex } from "./search-engine.js";

const PAGE_SIZE = 20;
/** Typing searches once the keyboard rests this long (ms); Enter and ?q= search at once. */
const TYPING_PAUSE = 120;

/**
 * @param {HTMLFormElement} form
 * @param {HTMLInputElement} input
 * @param {HTMLElement} status
 * @param {HTMLElement} list
 * @param {HTMLButtonElement} more
 */
function wire(form, input, status, list, more) {
  const texts = form.dataset;
  // Site-relative result URLs get the site's path prefix ("/finsam/" or "/").
  const prefix = (texts.prefix ?? "/").replace(/\/$/, "");

  /** @type {Promise<SearchIndex> | undefined} */
  let loading;
  /** @type {number[]} */
  let hits = [];
  /** @type {(term: string) => boolean} */
  let matches = () => false;
  let shown = 0;
  let latest = 0;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let typing;

  function searchIndex() {
    loading ??= (async () => {
      // The stemmer the index was built with, beside this script (/assets/stemmer-sv.js, from @orama/stemmers).
      const { stemmer } = /** @type {{ stemmer: (word: string) => string }} */ (await import(new URL("./stemmer-sv.js", import.meta.url).href));
      const index = new SearchIndex(new URL(texts.index ?? "", window.location.href).href, stemmer);
      await index.load();
      return index;
    })();
    // A failed load (offline, say) is tried again by the next search.
    loading.catch(() => {
      loading = undefined;
    });
    return loading;
  }

  /** @param {number} count @param {string} query */
  function countText(count, query) {
    const template = count === 0 ? texts.textNone : count === 1 ? texts.textOne : texts.textMany;
    return (template ?? "").replace("{n}", count.toLocaleString("sv-SE")).replace("{q}", query);
  }

  /**
   * Appends the next PAGE_SIZE results.
   * @param {SearchIndex} index
   * @param {number} run
   * @param {boolean} focusFirst
   */
  async function showMore(index, run, focusFirst) {
    const batch = hits.slice(shown, shown + PAGE_SIZE);
    // Counted at once, so a second click while these load asks for the next ones.
    shown += batch.length;
    const documents = await index.documents(batch);
    const summaries = await Promise.all(documents.map((document) => index.marked(document.summary, matches)));
    if (run !== latest) return;
    /** @type {HTMLAnchorElement | undefined} */
    let firstLink;
    documents.forEach((document, at) => {
      const item = window.document.createElement("li");
      const heading = window.document.createElement("h2");
      const link = window.document.createElement("a");
      // Only a site-relative path becomes a link: never javascript:, nor "//" or "/" and a backslash (another host).
      link.href = prefix + (/^\/(?![/\\])/.test(document.url) ? document.url : "/");
      link.textContent = document.title;
      heading.append(link);
      const meta = window.document.createElement("p");
      meta.className = "meta";
      const type = window.document.createElement("span");
      type.className = "type-label";
      type.textContent = document.type;
      meta.append(type);
      // An ordinary page has no day (an empty <time> would be invalid HTML).
      if (document.day !== "") {
        const time = window.document.createElement("time");
        time.dateTime = document.day;
        time.textContent = document.date;
        meta.append(" ", time);
      }
      const summary = window.document.createElement("p");
      for (const part of summaries[at] ?? []) {
        if (part.mark) {
          const mark = window.document.createElement("mark");
          mark.textContent = part.text;
          summary.append(mark);
        } else {
          summary.append(part.text);
        }
      }
      item.append(heading, meta, summary);
      list.append(item);
      firstLink ??= link;
    });
    more.hidden = shown >= hits.length;
    if (focusFirst && firstLink) firstLink.focus();
  }

  /** @param {string} query @param {boolean} typed */
  async function search(query, typed) {
    const run = ++latest;
    const trimmed = query.trim();
    if (trimmed === "") {
      hits = [];
      shown = 0;
      status.textContent = "";
      list.replaceChildren();
      more.hidden = true;
      return;
    }
    status.textContent = texts.textLoading ?? "";
    try {
      const index = await searchIndex();
      // While typing, the last word may be unfinished: it also matches longer words that start with it.
      const found = await index.search(typed ? query : trimmed);
      // A newer search has started: leave the page to it.
      if (run !== latest) return;
      hits = found.ids;
      matches = found.matches;
      shown = 0;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = countText(hits.length, trimmed);
      await showMore(index, run, false);
    } catch (error) {
      if (run !== latest) return;
      status.textContent = texts.textFailed ?? "";
      console.error(error);
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typing);
    // Keeps ?q= in the address, so the results can be bookmarked, shared and reloaded.
    const url = new URL(window.location.href);
    if (input.value.trim() === "") url.searchParams.delete("q");
    else url.searchParams.set("q", input.value.trim());
    window.history.replaceState(null, "", url);
    void search(input.value, false);
  });
  input.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => void search(input.value, true), TYPING_PAUSE);
  });
  input.addEventListener("focus", () => void searchIndex().catch(() => undefined), { once: true });
  more.addEventListener("click", () => {
    const run = latest;
    void searchIndex()
      .then((index) => showMore(index, run, true))
      .catch((error) => {
        if (run === latest) status.textContent = texts.textFailed ?? "";
        console.error(error);
      });
  });

  const initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    void search(initial, false);
  }
}

const form = document.getElementById("search-form");
const input = document.getElementById("search-input");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
if (form instanceof HTMLFormElement && input instanceof HTMLInputElement && status && list && more instanceof HTMLButtonElement) {
  wire(form, input, status, list, more);
}

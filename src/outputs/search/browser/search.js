// @ts-check
// Search page behaviour: searches the static index the build writes (src/outputs/search/) with search-engine.js; every
// text comes from the page (data-* on the form, and the page's hidden no-hits advice), every result is built from DOM
// elements and text nodes, never parsed as HTML. The query and the filters live in the address (?q=, typ,
// organisation, ar: the form's own field names, so the plain GET without JavaScript carries the same).
import { SearchIndex } from "./search-engine.js";

const PAGE_SIZE = 20;
/** Typing searches once the keyboard rests this long (ms); Enter, a filter and ?q= search at once. */
const TYPING_PAUSE = 120;
/**
 * The status region (read out by screen readers) gets a typed search's count only once typing has rested this much
 * longer (ms): the results follow every pause, the announcement only the settled query, never each interim count.
 */
const ANNOUNCE_PAUSE = 900;
/** The filters: each a <select> of the form, by its name (the address's parameter). */
const FILTERS = /** @type {const} */ (["typ", "organisation", "ar"]);

/**
 * @typedef {object} Elements
 * @property {HTMLFormElement} form
 * @property {HTMLInputElement} input
 * @property {HTMLSelectElement[]} filters
 * @property {HTMLElement} status
 * @property {HTMLElement} heading
 * @property {HTMLElement} list
 * @property {HTMLElement} none
 * @property {HTMLButtonElement} more
 */

/** @param {Elements} elements */
function wire({ form, input, filters, status, heading, list, none, more }) {
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
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let announcing;

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
   * Puts a text in the status region, now or after ANNOUNCE_PAUSE; an unchanged text is left alone, so it is not
   * read out again.
   * @param {string} text
   * @param {boolean} later
   */
  function announce(text, later) {
    clearTimeout(announcing);
    const put = () => {
      if (status.textContent !== text) status.textContent = text;
    };
    if (later) announcing = setTimeout(put, ANNOUNCE_PAUSE);
    else put();
  }

  /** @returns {import("./search-engine.js").Filters} */
  function chosenFilters() {
    return Object.fromEntries(filters.map((select) => [select.name, select.value]));
  }

  /**
   * A text with its matched words as <mark>, as DOM nodes in a new element.
   * @param {string} tag
   * @param {string} className
   * @param {import("./search-engine.js").MarkedText} parts
   */
  function markedElement(tag, className, parts) {
    const element = window.document.createElement(tag);
    element.className = className;
    for (const part of parts) {
      if (part.mark) {
        const mark = window.document.createElement("mark");
        mark.textContent = part.text;
        element.append(mark);
      } else {
        element.append(part.text);
      }
    }
    return element;
  }

  /**
   * Appends the next PAGE_SIZE results, each with its excerpt (fetched for these results only).
   * @param {SearchIndex} index
   * @param {number} run
   * @param {boolean} focusFirst
   */
  async function showMore(index, run, focusFirst) {
    const batch = hits.slice(shown, shown + PAGE_SIZE);
    // Counted at once, so a second click while these load asks for the next ones.
    shown += batch.length;
    const documents = await index.documents(batch, matches);
    // Without an excerpt (the words are in the title, summary or tags only), the summary with its words marked.
    const texts = await Promise.all(documents.map((document) => document.excerpt ?? index.marked(document.summary, matches)));
    if (run !== latest) return;
    /** @type {HTMLAnchorElement | undefined} */
    let firstLink;
    documents.forEach((document, at) => {
      const item = window.document.createElement("li");
      const title = window.document.createElement("h3");
      const link = window.document.createElement("a");
      // Only a site-relative path becomes a link: never javascript:, nor "//" or "/" and a backslash (another host).
      link.href = prefix + (/^\/(?![/\\])/.test(document.url) ? document.url : "/");
      link.textContent = document.title;
      title.append(link);
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
      item.append(title, meta, markedElement("p", document.excerpt ? "search-excerpt" : "search-summary", texts[at] ?? []));
      list.append(item);
      firstLink ??= link;
    });
    more.hidden = shown >= hits.length;
    if (focusFirst && firstLink) firstLink.focus();
  }

  /** Clears the results, the heading and the advice. */
  function clear() {
    hits = [];
    shown = 0;
    list.replaceChildren();
    heading.hidden = true;
    none.hidden = true;
    more.hidden = true;
  }

  /** @param {string} query @param {boolean} typed */
  async function search(query, typed) {
    const run = ++latest;
    const trimmed = query.trim();
    if (trimmed === "") {
      clear();
      announce("", false);
      return;
    }
    list.setAttribute("aria-busy", "true");
    try {
      const index = await searchIndex();
      // While typing, the last word may be unfinished: it also matches longer words that start with it.
      const found = await index.search(typed ? query : trimmed, { filters: chosenFilters() });
      // A newer search has started: leave the page to it.
      if (run !== latest) return;
      clear();
      hits = found.ids;
      matches = found.matches;
      heading.hidden = false;
      none.hidden = hits.length > 0;
      await showMore(index, run, false);
      if (run !== latest) return;
      announce(countText(hits.length, trimmed), typed);
    } catch (error) {
      if (run !== latest) return;
      announce(texts.textFailed ?? "", false);
      console.error(error);
    } finally {
      if (run === latest) list.removeAttribute("aria-busy");
    }
  }

  /** The address for the form's query and filters: empty ones left out. */
  function addressOf() {
    const url = new URL(window.location.href);
    const values = { q: input.value.trim(), ...chosenFilters() };
    for (const [name, value] of Object.entries(values)) {
      if (value === "") url.searchParams.delete(name);
      else url.searchParams.set(name, value);
    }
    return url;
  }

  /**
   * Keeps the query and filters in the address, so the results can be bookmarked, shared, reloaded and gone back
   * to. `remember`: a new history entry (a search asked for, a filter chosen), otherwise the current one updated.
   * @param {boolean} remember
   */
  function keepInAddress(remember) {
    const url = addressOf();
    if (url.href === window.location.href) return;
    if (remember) window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }

  /** Fills the field and the filters from the address (on load, and when going back or forward). */
  function fromAddress() {
    const params = new URLSearchParams(window.location.search);
    input.value = params.get("q") ?? "";
    for (const select of filters) {
      const value = params.get(select.name) ?? "";
      // A value the page does not offer (an old link) chooses nothing rather than nothing found.
      select.value = Array.from(select.options).some((option) => option.value === value) ? value : "";
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typing);
    keepInAddress(true);
    void search(input.value, false);
  });
  input.addEventListener("input", () => {
    clearTimeout(typing);
    // A count still waiting belongs to a query being typed on: only the settled one is announced.
    clearTimeout(announcing);
    typing = setTimeout(() => {
      keepInAddress(false);
      void search(input.value, true);
    }, TYPING_PAUSE);
  });
  for (const select of filters) {
    select.addEventListener("change", () => {
      clearTimeout(typing);
      keepInAddress(true);
      void search(input.value, false);
    });
  }
  window.addEventListener("popstate", () => {
    clearTimeout(typing);
    fromAddress();
    void search(input.value, false);
  });
  input.addEventListener("focus", () => void searchIndex().catch(() => undefined), { once: true });
  more.addEventListener("click", () => {
    const run = latest;
    void searchIndex()
      .then((index) => showMore(index, run, true))
      .catch((error) => {
        if (run === latest) announce(texts.textFailed ?? "", false);
        console.error(error);
      });
  });

  fromAddress();
  if (input.value.trim() !== "") void search(input.value, false);
}

const form = document.getElementById("search-form");
const input = document.getElementById("search-input");
const filters = FILTERS.map((name) => document.getElementById(`search-${name}`));
const status = document.getElementById("search-status");
const heading = document.getElementById("search-heading");
const list = document.getElementById("search-results");
const none = document.getElementById("search-none");
const more = document.getElementById("search-more");
if (
  form instanceof HTMLFormElement &&
  input instanceof HTMLInputElement &&
  filters.every((select) => select instanceof HTMLSelectElement) &&
  status &&
  heading &&
  list &&
  none &&
  more instanceof HTMLButtonElement
) {
  wire({ form, input, filters: /** @type {HTMLSelectElement[]} */ (filters), status, heading, list, none, more });
}

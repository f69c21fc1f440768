// Search page behaviour: queries the Pagefind bundle written by the build; all texts come from the page.
// @ts-check

const PAGE_SIZE = 20;

/** The part of Pagefind's browser API this page uses. */
/** @typedef {{ url: string, excerpt?: string, meta?: Record<string, string | undefined> }} PagefindResultData */
/** @typedef {{ data(): Promise<PagefindResultData> }} PagefindHit */
/** @typedef {{ results: PagefindHit[] }} PagefindSearch */
/** @typedef {{ search(query: string): Promise<PagefindSearch>, debouncedSearch(query: string): Promise<PagefindSearch | null> }} PagefindApi */

/** Keeps only text and Pagefind's <mark> from an excerpt, so no markup from the index can become an element. */
/** @param {string} html */
function excerptFragment(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  const fragment = document.createDocumentFragment();
  for (const node of Array.from(template.content.childNodes)) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      fragment.append(mark);
    } else {
      fragment.append(document.createTextNode(node.textContent ?? ""));
    }
  }
  return fragment;
}

/**
 * @param {HTMLFormElement} form
 * @param {HTMLInputElement} input
 * @param {HTMLElement} status
 * @param {HTMLElement} list
 * @param {HTMLButtonElement} more
 */
function wire(form, input, status, list, more) {
  const texts = form.dataset;

  /** @type {Promise<PagefindApi> | undefined} */
  let loading;
  /** @type {PagefindHit[]} */
  let hits = [];
  let shown = 0;
  let latest = 0;

  function pagefind() {
    // The bundle's own URL tells Pagefind where its index lives and which path prefix result URLs get.
    loading ??= import(texts.bundle ?? "");
    return loading;
  }

  /** @param {number} count @param {string} query */
  function countText(count, query) {
    const template = count === 0 ? texts.textNone : count === 1 ? texts.textOne : texts.textMany;
    return (template ?? "").replace("{n}", count.toLocaleString("sv-SE")).replace("{q}", query);
  }

  /** @param {boolean} focusFirst */
  async function showMore(focusFirst) {
    const batch = hits.slice(shown, shown + PAGE_SIZE);
    shown += batch.length;
    const run = latest;
    const results = await Promise.all(batch.map((hit) => hit.data()));
    if (run !== latest) return;
    let firstLink;
    for (const result of results) {
      const item = document.createElement("li");
      const heading = document.createElement("h2");
      const link = document.createElement("a");
      link.href = result.url;
      link.textContent = result.meta?.title || result.url;
      heading.append(link);
      const excerpt = document.createElement("p");
      excerpt.append(excerptFragment(result.excerpt ?? ""));
      item.append(heading, excerpt);
      list.append(item);
      firstLink ??= link;
    }
    more.hidden = shown >= hits.length;
    if (focusFirst && firstLink) firstLink.focus();
  }

  /** @param {string} query @param {boolean} debounced */
  async function search(query, debounced) {
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
      const api = await pagefind();
      const found = debounced ? await api.debouncedSearch(trimmed) : await api.search(trimmed);
      // A newer search has started (or Pagefind's debounce dropped this one): leave the page to it.
      if (found === null || run !== latest) return;
      hits = found.results;
      shown = 0;
      list.replaceChildren();
      status.textContent = countText(hits.length, trimmed);
      await showMore(false);
    } catch (error) {
      if (run !== latest) return;
      status.textContent = texts.textFailed ?? "";
      console.error(error);
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    // Keeps ?q= in the address, so the results can be bookmarked, shared and reloaded.
    const url = new URL(window.location.href);
    if (input.value.trim() === "") url.searchParams.delete("q");
    else url.searchParams.set("q", input.value.trim());
    window.history.replaceState(null, "", url);
    void search(input.value, false);
  });
  input.addEventListener("input", () => void search(input.value, true));
  input.addEventListener("focus", () => void pagefind().catch(() => undefined), { once: true });
  more.addEventListener("click", () => void showMore(true));

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

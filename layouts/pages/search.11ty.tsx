// /sok/: the search page. src/outputs/search/browser/search.js searches the index the build writes (src/outputs/search/);
// without JavaScript a plain message shows, with the places where everything can be found by hand.
import { T } from "#src/site/i18n.ts";
import { ARTICLE_KEYS, DOCUMENT_TYPES } from "#src/content/types.ts";
import { PATHS, SEARCH_MODULES, typePath } from "#src/site-model/urls.ts";
import { searchFilterOptions } from "#src/outputs/search/index-build.ts";
import { BaseLayout } from "../components/base-layout.tsx";
import { pageData, type PageData } from "../page-data.ts";

export const data = { permalink: PATHS.search, eleventyExcludeFromCollections: true };

export function render(raw: unknown) {
  const { finsam } = pageData<PageData>(raw);
  const options = searchFilterOptions(finsam);
  // Listings exist for the dated types only (pages and events have none).
  const listed = ARTICLE_KEYS.filter((key) => finsam.collections.byType[key].length > 0);
  return (
    <BaseLayout
      finsam={finsam}
      url={PATHS.search}
      title={T.search.title}
      description={T.search.intro}
      // The only script on the site, and an external file: a content security policy can forbid inline script.
      // The modules it imports are announced up front, so the browser fetches them at once, not one after another.
      head={
        <>
          <script type="module" src={finsam.href(PATHS.searchScript)} />
          {SEARCH_MODULES.map((module) => (
            <link rel="modulepreload" href={finsam.href(module)} />
          ))}
        </>
      }
    >
      <h1>{T.search.title}</h1>
      <p class="lede">{T.search.intro}</p>
      {/* Texts travel as data attributes so every Swedish string stays in src/site/i18n.ts, none in the script. */}
      <form
        id="search-form"
        class="search-form"
        role="search"
        action={finsam.href(PATHS.search)}
        method="get"
        // Where the index lives, and the path prefix the results' site-relative URLs get.
        data-index={finsam.href(PATHS.searchIndex)}
        data-prefix={finsam.href("/")}
        data-text-none={T.search.hitsNone}
        data-text-one={T.search.hitsOne}
        data-text-many={T.search.hitsMany}
        data-text-failed={T.search.failed}
      >
        <label for="search-input">{T.search.pageLabel}</label>
        <input type="search" id="search-input" name="q" autocomplete="off" />
        <button type="submit">{T.search.submit}</button>
        {/* Real form controls, named as the address's parameters: the plain GET carries them, the script reads them. */}
        <fieldset class="search-filters">
          <legend>{T.search.filters}</legend>
          <FilterSelect name="typ" label={T.search.filterType} any={T.search.anyType} choices={options.types.map(({ key, label }) => ({ value: key, text: label }))} />
          <FilterSelect name="organisation" label={T.search.filterOrganisation} any={T.search.anyOrganisation} choices={options.organisations.map(({ key, name }) => ({ value: key, text: name }))} />
          <FilterSelect name="ar" label={T.search.filterYear} any={T.search.anyYear} choices={options.years.map((year) => ({ value: String(year), text: String(year) }))} />
        </fieldset>
      </form>
      <noscript>
        <div class="search-noscript">
          <p>{T.search.noScript}</p>
          <ul>
            <li>
              <a href={finsam.href(PATHS.archive)}>{T.archive}</a>
            </li>
            <li>
              <a href={finsam.href(PATHS.tags)}>{T.tags}</a>
            </li>
            {listed.map((key) => (
              <li>
                <a href={finsam.href(typePath(key))}>{DOCUMENT_TYPES[key].plural}</a>
              </li>
            ))}
          </ul>
        </div>
      </noscript>
      {/* Announced once a search has settled (the script waits for typing to rest), never each interim count. */}
      <p id="search-status" class="search-status" role="status"></p>
      <h2 id="search-heading" class="search-heading" hidden>
        {T.search.results}
      </h2>
      <div id="search-none" class="search-none" hidden>
        <p>{T.search.noneTry}</p>
        <ul>
          <li>{T.search.noneFewer}</li>
          <li>{T.search.noneSpelling}</li>
          <li>{T.search.noneFilters}</li>
          <li>
            <a href={finsam.href(PATHS.archive)}>{T.search.noneArchive}</a>
          </li>
        </ul>
      </div>
      <ol id="search-results" class="search-results" aria-labelledby="search-heading"></ol>
      <button type="button" id="search-more" class="search-more" hidden>
        {T.search.showMore}
      </button>
    </BaseLayout>
  );
}

/** One filter: a labelled select named as its address parameter, "any" first. */
function FilterSelect({ name, label, any, choices }: { name: string; label: string; any: string; choices: readonly { value: string; text: string }[] }) {
  return (
    <div class="search-filter">
      <label for={`search-${name}`}>{label}</label>
      <select id={`search-${name}`} name={name}>
        <option value="">{any}</option>
        {choices.map(({ value, text }) => (
          <option value={value}>{text}</option>
        ))}
      </select>
    </div>
  );
}

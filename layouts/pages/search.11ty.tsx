// /sok/: the search page. src/outputs/search/browser/search.js searches the index the build writes (src/outputs/search/); without
// JavaScript a plain message shows.
import { T } from "#src/site/i18n.ts";
import { PATHS, SEARCH_MODULES } from "#src/site-model/urls.ts";
import { BaseLayout } from "../components/base-layout.tsx";
import { pageData, type PageData } from "../page-data.ts";

export const data = { permalink: PATHS.search, eleventyExcludeFromCollections: true };

export function render(raw: unknown) {
  const { finsam } = pageData<PageData>(raw);
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
        data-text-loading={T.search.loading}
        data-text-none={T.search.hitsNone}
        data-text-one={T.search.hitsOne}
        data-text-many={T.search.hitsMany}
        data-text-failed={T.search.failed}
      >
        <label for="search-input">{T.search.pageLabel}</label>
        <input type="search" id="search-input" name="q" autocomplete="off" />
        <button type="submit">{T.search.submit}</button>
      </form>
      <noscript>
        <p class="search-noscript">
          {T.search.noScript} <a href={finsam.href(PATHS.archive)}>{T.archive}</a>, <a href={finsam.href(PATHS.tags)}>{T.tags}</a>.
        </p>
      </noscript>
      <p id="search-status" class="search-status" role="status"></p>
      <ol id="search-results" class="search-results"></ol>
      <button type="button" id="search-more" class="search-more" hidden>{T.search.showMore}</button>
    </BaseLayout>
  );
}

// The frame of every HTML page: document head, skip link, header navigation, main landmark and footer.
import type { ComponentChildren } from "preact";
import type { SiteModel } from "../../src/model.ts";
import { DOCUMENT_TYPES, TYPE_KEYS } from "../../src/content/types.ts";
import { MEMBER_AGENCIES } from "../../src/data/member-agencies.ts";
import { T } from "../../src/i18n.ts";
import { CONTENT_SECURITY_POLICY } from "../../src/security.ts";
import { PATHS, typePath } from "../../src/urls.ts";

export interface BaseLayoutProps {
  finsam: SiteModel;
  /** Site-relative URL of this page (without path prefix), for canonical and Open Graph. */
  url: string;
  title: string;
  description?: string;
  /** "article" for documents; "website" otherwise. */
  ogType?: "article" | "website";
  /** Extra head elements (e.g. article:published_time, the type's own feed). */
  head?: ComponentChildren;
  /** Leave out canonical for pages that must not be indexed (404). */
  noIndex?: boolean;
  children: ComponentChildren;
}

export function BaseLayout(props: BaseLayoutProps) {
  const { finsam, url, title, description = finsam.site.description, ogType = "website" } = props;
  const fullTitle = url === "/" ? finsam.site.longName : `${title} – ${finsam.site.name}`;
  return (
    <html lang={finsam.site.lang}>
      <head>
        {/* First, so the policy covers everything after it (src/security.ts); the header adds what meta cannot. */}
        <meta http-equiv="Content-Security-Policy" content={CONTENT_SECURITY_POLICY} />
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={description} />
        {props.noIndex ? <meta name="robots" content="noindex" /> : <link rel="canonical" href={finsam.absoluteUrl(url)} />}
        <meta property="og:type" content={ogType} />
        <meta property="og:title" content={title} />
        <meta property="og:description" content={description} />
        <meta property="og:url" content={finsam.absoluteUrl(url)} />
        <meta property="og:site_name" content={finsam.site.name} />
        <meta property="og:locale" content={finsam.site.locale} />
        <link rel="alternate" type="application/atom+xml" title={`${finsam.site.name}: ${T.atomFeedAll}`} href={finsam.href(PATHS.atomFeed)} />
        <link rel="alternate" type="application/feed+json" title={`${finsam.site.name}: ${T.jsonFeedAll}`} href={finsam.href(PATHS.jsonFeed)} />
        {props.head}
        <link rel="stylesheet" href={finsam.href(PATHS.stylesheet)} />
      </head>
      <body>
        <a class="skip-link" href="#main">{T.skipLink}</a>
        <header class="site-header">
          <div class="wrap">
            <a class="site-name" href={finsam.href(PATHS.home)}>{finsam.site.longName}</a>
            <nav aria-label={T.mainNav}>
              <ul>
                {TYPE_KEYS.map((key) => {
                  const href = typePath(key);
                  return (
                    <li>
                      <a href={finsam.href(href)} aria-current={url.startsWith(href) ? "page" : undefined}>
                        {DOCUMENT_TYPES[key].plural}
                      </a>
                    </li>
                  );
                })}
                <li>
                  <a href={finsam.href(PATHS.archive)} aria-current={url.startsWith(PATHS.archive) ? "page" : undefined}>{T.archive}</a>
                </li>
              </ul>
            </nav>
            {/* A plain GET form: reaches the search page without JavaScript. The search page has its own field. */}
            {url === PATHS.search ? null : (
              <form class="header-search" role="search" action={finsam.href(PATHS.search)} method="get">
                <label class="visually-hidden" for="header-search-input">{T.search.label}</label>
                <input type="search" id="header-search-input" name="q" />
                <button type="submit">{T.search.submit}</button>
              </form>
            )}
          </div>
        </header>
        <main id="main" tabindex={-1} class="wrap">
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <nav aria-label={T.footerNav}>
              <ul>
                <li><a href={finsam.href(PATHS.organisations)}>{T.organisations}</a></li>
                <li><a href={finsam.href(PATHS.tags)}>{T.tags}</a></li>
                <li><a href={finsam.href(PATHS.archive)}>{T.archive}</a></li>
                <li><a href={finsam.href(PATHS.calendar)}>{T.calendar.title}</a></li>
                <li><a href={finsam.href(PATHS.atomFeed)}>{T.feeds}</a></li>
                <li><a href={finsam.href(PATHS.accessibility)}>{T.accessibility.title}</a></li>
              </ul>
            </nav>
            <p>{T.memberAgencies}</p>
            <ul class="member-agencies">
              {MEMBER_AGENCIES.map((agency) => (
                <li><a href={agency.website}>{agency.name}</a></li>
              ))}
            </ul>
          </div>
        </footer>
      </body>
    </html>
  );
}

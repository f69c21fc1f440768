// The frame of every HTML page: document head, skip link, header navigation, main landmark and footer.
import type { ComponentChildren, VNode } from "preact";
import { renderToStaticMarkup } from "preact-render-to-string";
import type { SiteModel } from "#src/site-model/model.ts";
import { T } from "#src/site/i18n.ts";
import { CONTENT_SECURITY_POLICY } from "#src/site/security.ts";
import { ICON_FILES, PATHS } from "#src/site-model/urls.ts";

/** A logo is shown 40 px high: the narrowest rendition of a raster logo is sharp enough at 2×. */
const LOGO_WIDTH = 400;

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
  const absoluteUrl = finsam.absoluteUrl(url);
  return (
    <html lang={finsam.site.lang}>
      <head>
        {/* First, so the policy covers everything after it (src/site/security.ts); the header adds what meta cannot. */}
        <meta http-equiv="Content-Security-Policy" content={CONTENT_SECURITY_POLICY} />
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={description} />
        {props.noIndex ? <meta name="robots" content="noindex" /> : <link rel="canonical" href={absoluteUrl} />}
        <meta property="og:type" content={ogType} />
        <meta property="og:title" content={title} />
        <meta property="og:description" content={description} />
        <meta property="og:url" content={absoluteUrl} />
        <meta property="og:site_name" content={finsam.site.name} />
        <meta property="og:locale" content={finsam.site.locale} />
        {finsam.site.brandColour ? <meta name="theme-color" content={finsam.site.brandColour} /> : null}
        <SiteIcons finsam={finsam} />
        <link rel="alternate" type="application/atom+xml" title={`${finsam.site.name}: ${T.atomFeedAll}`} href={finsam.href(PATHS.atomFeed)} />
        <link rel="alternate" type="application/feed+json" title={`${finsam.site.name}: ${T.jsonFeedAll}`} href={finsam.href(PATHS.jsonFeed)} />
        {props.head}
        <link rel="stylesheet" href={finsam.href(PATHS.stylesheet)} />
      </head>
      <body>
        <a class="skip-link" href="#main">{T.skipLink}</a>
        <header class="site-header" dangerouslySetInnerHTML={{ __html: siteHeaderHtml(finsam, url) }} />
        <main id="main" tabindex={-1} class="wrap">
          {props.children}
        </main>
        <footer class="site-footer" dangerouslySetInnerHTML={{ __html: siteFooterHtml(finsam) }} />
      </body>
    </html>
  );
}

// Header and footer are the same on thousands of pages but for which menu link is the current page's: each
// variant is rendered once per model and reused as HTML (escaped by preact when it was rendered). That spares
// each page some 45 elements, a fifth of the time it took to render the pages of 2,000 documents.
function renderedOnce(finsam: SiteModel, key: string, render: () => VNode): string {
  return finsam.perBuild(`chrome:${key}`, () => renderToStaticMarkup(render()));
}

/** The main menu's links, in the order of content/data/installningar.yml. */
function siteHeaderHtml(finsam: SiteModel, url: string): string {
  const withSearch = url !== PATHS.search;
  const menu = finsam.site.menu;
  // Which link is this page ("page") or the section it is in ("true": an article under Nyheter is not the Nyheter
  // page, and a screen reader should not say it is), and whether the header has its search form.
  const current = (path: string): Current => (url === path ? "page" : url.startsWith(path) ? "true" : undefined);
  let key = withSearch ? "header+" : "header-";
  for (const link of menu) key += current(link.path) ?? "-";
  return renderedOnce(finsam, key, () => (
    <SiteHeader finsam={finsam} links={menu.map((link) => ({ href: link.path, label: link.label, current: current(link.path) }))} withSearch={withSearch} />
  ));
}

function siteFooterHtml(finsam: SiteModel): string {
  return renderedOnce(finsam, "footer", () => <SiteFooter finsam={finsam} />);
}

type Current = "page" | "true" | undefined;

/** The settings' icon: an SVG as it is for the tab, and the PNGs made of it (src/outputs/images/icons.ts). */
function SiteIcons({ finsam }: { finsam: SiteModel }) {
  const icon = finsam.site.icon;
  if (!icon) return null;
  const [tab, homeScreen] = ICON_FILES;
  return (
    <>
      <link rel="icon" href={finsam.href(tab.path)} sizes={`${tab.size}x${tab.size}`} type="image/png" />
      {/\.svg$/i.test(icon) ? <link rel="icon" href={finsam.href(icon)} type="image/svg+xml" /> : null}
      <link rel="apple-touch-icon" href={finsam.href(homeScreen.path)} />
    </>
  );
}

function SiteHeader({ finsam, links, withSearch }: { finsam: SiteModel; links: { href: string; label: string; current: Current }[]; withSearch: boolean }) {
  const { site } = finsam;
  return (
    <>
      <div class="brand-bar">
        <div class="wrap">
          <a class="site-name" href={finsam.href(PATHS.home)}>
            {/* The link's text is the name: the logo beside it says nothing more, so it has no alt text of its own. */}
            {site.logo ? <img src={finsam.href(finsam.imagePath(site.logo, LOGO_WIDTH))} alt="" height={40} /> : null}
            {/* A phone shows the short name, a wider screen the long one: only one is ever displayed, so only one is read. */}
            <span class="site-name-short">{site.name}</span>
            <span class="site-name-long">{site.longName}</span>
          </a>
          {withSearch ? (
            <>
              {/* On a phone the header has no room for a field: a link to the search page, which has its own. */}
              <a class="search-link" href={finsam.href(PATHS.search)}>{T.header.searchLink}</a>
              {/* A plain GET form: reaches the search page without JavaScript. */}
              <form class="header-search" role="search" action={finsam.href(PATHS.search)} method="get">
                <label for="header-search-input">{T.header.searchLabel}</label>
                <span class="header-search-row">
                  <input type="search" id="header-search-input" name="q" />
                  <button type="submit">{T.search.submit}</button>
                </span>
              </form>
            </>
          ) : null}
        </div>
      </div>
      <nav class="main-nav" aria-label={T.mainNav}>
        <div class="wrap">
          <ul>
            {links.map((link) => (
              <li>
                <a href={finsam.href(link.href)} aria-current={link.current}>
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </nav>
    </>
  );
}

function SiteFooter({ finsam }: { finsam: SiteModel }) {
  return (
    <div class="wrap footer-columns">
      <nav aria-labelledby="footer-links-heading">
        <h2 id="footer-links-heading">{T.footer.links}</h2>
        <ul>
          {finsam.site.footerLinks.map((link) => (
            <li><a href={finsam.href(link.path)}>{link.label}</a></li>
          ))}
        </ul>
      </nav>
      {finsam.site.contactEmail ? (
        <div>
          <h2>{T.contact}</h2>
          <p>
            <a href={`mailto:${finsam.site.contactEmail}`}>{finsam.site.contactEmail}</a>
          </p>
        </div>
      ) : null}
      <div>
        <h2>{T.memberAgencies}</h2>
        <ul class="member-agencies">
          {finsam.memberAgencies.map((agency) => (
            <li><a href={agency.website}>{agency.name}</a></li>
          ))}
        </ul>
      </div>
    </div>
  );
}

<?xml version="1.0" encoding="utf-8"?>
<!--
  Shows the site's Atom feeds in a browser as a readable Swedish page: what a feed is, how to subscribe,
  and the entries with titles, dates and summaries. XSLT 1.0, the version browsers run. Feed readers ignore
  this file. Entry dates in the feed are UTC; the page shows the Swedish day (CET/CEST, EU rules since 1996).
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  exclude-result-prefixes="atom">

  <xsl:output method="html" encoding="utf-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:template match="/atom:feed">
    <html lang="sv">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="atom:title"/> – flöde</title>
        <style>
          :root { color-scheme: light dark; --bg: #ffffff; --text: #1b1b1b; --muted: #4d4d4d; --link: #0b5cad; --surface: #f3f5f8; --border: #c4c9d0; --focus: #1d4ed8; }
          @media (prefers-color-scheme: dark) {
            :root { --bg: #141414; --text: #e8e8e8; --muted: #b5b5b5; --link: #8cc4ff; --surface: #1f2329; --border: #4a515a; --focus: #ffbf47; }
          }
          body { margin: 0; background: var(--bg); color: var(--text); font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 1.0625rem; line-height: 1.6; overflow-wrap: break-word; }
          main { max-width: 70ch; margin-inline: auto; padding: 1rem; }
          a { color: var(--link); text-underline-offset: 0.15em; }
          :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
          h1, h2, h3 { line-height: 1.25; }
          .about { padding: 1rem; background: var(--surface); border-inline-start: 4px solid var(--border); border-radius: 0.25rem; }
          .about h2 { margin-top: 0; font-size: 1.2rem; }
          code { overflow-wrap: anywhere; }
          ul.entries { list-style: none; padding: 0; }
          ul.entries li { padding-block: 1rem; border-top: 1px solid var(--border); }
          ul.entries h3 { margin: 0 0 0.25rem; font-size: 1.2rem; }
          .meta { color: var(--muted); font-size: 0.95rem; margin: 0 0 0.5rem; }
          .summary { margin: 0; }
          @media print { .about { display: none; } body { background: #ffffff; color: #000000; } }
        </style>
      </head>
      <body>
        <main>
          <h1><xsl:value-of select="atom:title"/></h1>
          <xsl:if test="atom:subtitle">
            <p><xsl:value-of select="atom:subtitle"/></p>
          </xsl:if>
          <section class="about" aria-labelledby="about-heading">
            <h2 id="about-heading">Det här är ett flöde</h2>
            <p>
              Ett flöde (Atom) är ett sätt att följa nya texter utan att besöka webbplatsen: en flödesläsare hämtar
              det som är nytt åt dig. Den här sidan är flödet som en webbläsare visar det.
            </p>
            <p>
              Prenumerera genom att kopiera adressen nedan och klistra in den i din flödesläsare, till exempel en app
              för nyhetsflöden eller ett e-postprogram som läser flöden.
            </p>
            <p>Flödets adress: <code><xsl:value-of select="atom:link[@rel='self']/@href"/></code></p>
            <p><a href="{atom:link[@rel='alternate']/@href}">Till webbplatsen</a></p>
          </section>
          <h2>Senast publicerat</h2>
          <xsl:choose>
            <xsl:when test="atom:entry">
              <ul class="entries">
                <xsl:apply-templates select="atom:entry"/>
              </ul>
            </xsl:when>
            <xsl:otherwise>
              <p>Här finns inget publicerat ännu.</p>
            </xsl:otherwise>
          </xsl:choose>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li>
      <article>
        <h3>
          <a href="{atom:link[not(@rel) or @rel='alternate'][1]/@href}"><xsl:value-of select="atom:title"/></a>
        </h3>
        <p class="meta">
          <xsl:text>Publicerad </xsl:text>
          <xsl:call-template name="swedish-date">
            <xsl:with-param name="utc" select="atom:published"/>
          </xsl:call-template>
        </p>
        <p class="summary"><xsl:value-of select="atom:summary"/></p>
      </article>
    </li>
  </xsl:template>

  <!-- "2024-05-01T22:00:00Z" → <time datetime="2024-05-02">2 maj 2024</time>: the day in Sweden. -->
  <xsl:template name="swedish-date">
    <xsl:param name="utc"/>
    <xsl:variable name="y" select="number(substring($utc, 1, 4))"/>
    <xsl:variable name="m" select="number(substring($utc, 6, 2))"/>
    <xsl:variable name="d" select="number(substring($utc, 9, 2))"/>
    <xsl:variable name="h" select="number(substring($utc, 12, 2))"/>
    <!-- Last Sundays of March and October (Sakamoto's weekday formula, 0 = Sunday). -->
    <xsl:variable name="leaps" select="floor($y div 4) - floor($y div 100) + floor($y div 400)"/>
    <xsl:variable name="lastSundayMarch" select="31 - (($y + $leaps + 2 + 31) mod 7)"/>
    <xsl:variable name="lastSundayOctober" select="31 - (($y + $leaps + 6 + 31) mod 7)"/>
    <!-- Summer time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October. -->
    <xsl:variable name="summer" select="($m &gt; 3 and $m &lt; 10)
      or ($m = 3 and ($d &gt; $lastSundayMarch or ($d = $lastSundayMarch and $h &gt;= 1)))
      or ($m = 10 and ($d &lt; $lastSundayOctober or ($d = $lastSundayOctober and $h &lt; 1)))"/>
    <xsl:variable name="offset" select="1 + number($summer)"/>
    <xsl:variable name="leap" select="($y mod 4 = 0 and $y mod 100 != 0) or $y mod 400 = 0"/>
    <xsl:variable name="monthDays">
      <xsl:choose>
        <xsl:when test="$m = 2 and $leap">29</xsl:when>
        <xsl:when test="$m = 2">28</xsl:when>
        <xsl:when test="$m = 4 or $m = 6 or $m = 9 or $m = 11">30</xsl:when>
        <xsl:otherwise>31</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="nextDay" select="$h + $offset &gt;= 24"/>
    <xsl:variable name="day">
      <xsl:choose>
        <xsl:when test="$nextDay and $d = number($monthDays)">1</xsl:when>
        <xsl:when test="$nextDay"><xsl:value-of select="$d + 1"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$d"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="month">
      <xsl:choose>
        <xsl:when test="$nextDay and $d = number($monthDays) and $m = 12">1</xsl:when>
        <xsl:when test="$nextDay and $d = number($monthDays)"><xsl:value-of select="$m + 1"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$m"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="year">
      <xsl:choose>
        <xsl:when test="$nextDay and $d = 31 and $m = 12"><xsl:value-of select="$y + 1"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$y"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <time datetime="{$year}-{format-number(number($month), '00')}-{format-number(number($day), '00')}">
      <xsl:value-of select="$day"/>
      <xsl:text> </xsl:text>
      <xsl:call-template name="month-name">
        <xsl:with-param name="month" select="number($month)"/>
      </xsl:call-template>
      <xsl:text> </xsl:text>
      <xsl:value-of select="$year"/>
    </time>
  </xsl:template>

  <xsl:template name="month-name">
    <xsl:param name="month"/>
    <xsl:choose>
      <xsl:when test="$month = 1">januari</xsl:when>
      <xsl:when test="$month = 2">februari</xsl:when>
      <xsl:when test="$month = 3">mars</xsl:when>
      <xsl:when test="$month = 4">april</xsl:when>
      <xsl:when test="$month = 5">maj</xsl:when>
      <xsl:when test="$month = 6">juni</xsl:when>
      <xsl:when test="$month = 7">juli</xsl:when>
      <xsl:when test="$month = 8">augusti</xsl:when>
      <xsl:when test="$month = 9">september</xsl:when>
      <xsl:when test="$month = 10">oktober</xsl:when>
      <xsl:when test="$month = 11">november</xsl:when>
      <xsl:otherwise>december</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>

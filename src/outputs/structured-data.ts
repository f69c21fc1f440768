// Schema.org data for an article page: NewsArticle for news, Article for letters, memoirs and minutes, and for
// a conference the Event itself, with the report about it as the Article it is the subject of.
import type { SiteModel } from "../site-model/model.ts";
import { SITE } from "../site/site.ts";
import { authorNames, type AnyDocument, type Document, type EventDocument } from "../content/document.ts";
import { isOnline } from "../content/schemas/event.ts";
import { eventTiming } from "../site-model/calendar.ts";
import { plainText } from "../text/markdown.ts";
import { formatIsoDay, toIsoWithOffset } from "../text/dates.ts";
import type { JsonLdObject } from "../text/json-ld.ts";

const CONTEXT = "https://schema.org";

function publisherOf(finsam: SiteModel, document: AnyDocument): JsonLdObject {
  const organisation = finsam.organisations.find(document.data.organisation);
  return { "@type": "Organization", name: organisation?.name ?? finsam.site.name, url: organisation?.website };
}

/** What every type shares: the page, its dates, who wrote and who published it. */
function articleFacts(finsam: SiteModel, document: AnyDocument): JsonLdObject {
  const { data } = document;
  const publisher = publisherOf(finsam, document);
  const people = authorNames(document).map((name): JsonLdObject => ({ "@type": "Person", name }));
  return {
    headline: data.title,
    description: data.summary,
    datePublished: toIsoWithOffset(data.date),
    dateModified: toIsoWithOffset(data.updated ?? data.date),
    // Nobody named: the organisation wrote it.
    author: people.length > 0 ? people : publisher,
    publisher,
    inLanguage: SITE.lang,
    url: finsam.absoluteUrl(document.url),
    image: data.image ? finsam.sharedImagePaths(data.image, data.imageFocus).map((sitePath) => finsam.absoluteUrl(sitePath)) : undefined,
    keywords: data.tags.length > 0 ? data.tags.join(", ") : undefined,
  };
}

function conferenceJsonLd(finsam: SiteModel, document: Document<"konferens">): JsonLdObject {
  const { data } = document;
  const url = finsam.absoluteUrl(document.url);
  return {
    "@context": CONTEXT,
    "@type": "Event",
    name: data.event,
    description: data.summary,
    startDate: formatIsoDay(data.startDate),
    endDate: formatIsoDay(data.endDate),
    // Conferences here are held on site as planned; a cancelled one would not get a report.
    eventStatus: "https://schema.org/EventScheduled",
    eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
    location: { "@type": "Place", name: data.place, address: data.place },
    organizer: publisherOf(finsam, document),
    performer:
      data.speakers.length > 0
        ? data.speakers.map((speaker): JsonLdObject => ({
            "@type": "Person",
            name: speaker.name,
            affiliation: { "@type": "Organization", name: speaker.affiliation },
          }))
        : undefined,
    inLanguage: SITE.lang,
    url,
    image: data.image ? finsam.sharedImagePaths(data.image, data.imageFocus).map((sitePath) => finsam.absoluteUrl(sitePath)) : undefined,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    subjectOf: { "@type": "Article", ...articleFacts(finsam, document) },
  };
}

export function documentJsonLd(finsam: SiteModel, document: AnyDocument): JsonLdObject {
  if (document.type === "konferens") return conferenceJsonLd(finsam, document);
  return {
    "@context": CONTEXT,
    "@type": document.type === "nyhet" ? "NewsArticle" : "Article",
    ...articleFacts(finsam, document),
    mainEntityOfPage: { "@type": "WebPage", "@id": finsam.absoluteUrl(document.url) },
  };
}

/** A calendar event's page (content/evenemang/): the Event, online or at its place, with its registration as the offer. */
export function eventJsonLd(finsam: SiteModel, document: EventDocument): JsonLdObject {
  const { data } = document;
  const url = finsam.absoluteUrl(document.url);
  const timing = eventTiming(document);
  const organisation = finsam.organisations.find(data.organisation);
  const online = isOnline(data.place);
  const description = plainText(document.body).split("\n\n")[0];
  return {
    "@context": CONTEXT,
    "@type": "Event",
    name: data.title,
    description: description === "" ? undefined : description,
    startDate: timing.allDay ? timing.firstDay : toIsoWithOffset(timing.start),
    endDate: timing.allDay ? timing.lastDay : toIsoWithOffset(timing.end),
    eventStatus: "https://schema.org/EventScheduled",
    eventAttendanceMode: online ? "https://schema.org/OnlineEventAttendanceMode" : "https://schema.org/OfflineEventAttendanceMode",
    // An online event's place is its page: schema.org wants a VirtualLocation with an address to go to.
    location: online ? { "@type": "VirtualLocation", url: data.registration ?? url } : { "@type": "Place", name: data.place, address: data.place },
    organizer: { "@type": "Organization", name: organisation?.name ?? finsam.site.name, url: organisation?.website },
    offers: data.registration ? { "@type": "Offer", url: data.registration } : undefined,
    inLanguage: SITE.lang,
    url,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
  };
}

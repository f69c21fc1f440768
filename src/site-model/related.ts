// Related documents for the article pages: most shared tags first, then the same organisation, then the newest.
// Every tag and organisation is a bitset over the build's documents (newest first), and each document's shared-tag
// count for all others is summed in bit-sliced counters: a few word operations per 32 documents. Scanning tag lists
// candidate by candidate is quadratic once tags are common (a tag on a tenth of 10,000 documents is 1,000
// candidates for each of them); this stays a small, predictable cost per document.
import { slugify } from "../text/slug.ts";
import type { Collections } from "./collections.ts";
import type { AnyDocument } from "../content/document.ts";

export const RELATED_LIMIT = 3;

export type RelatedLookup = (document: AnyDocument) => AnyDocument[];

function tagSlugs(document: AnyDocument): Set<string> {
  return new Set(document.data.tags.map(slugify).filter((slug) => slug !== ""));
}

/** Bits needed to count to n. */
function bitLength(n: number): number {
  return n === 0 ? 0 : 32 - Math.clz32(n);
}

/**
 * One index per build (the collections are already filtered for the build mode); each document's list is
 * worked out the first time it is asked for and kept.
 */
export function relatedIndex(collections: Pick<Collections, "all" | "tags" | "organisations">, limit = RELATED_LIMIT): RelatedLookup {
  const { all } = collections;
  const words = Math.ceil(all.length / 32);
  // Bits past the last document in the last word: complements must not turn them into candidates.
  const lastWordMask = all.length % 32 === 0 ? ~0 : (1 << all.length % 32) - 1;
  const position = new Map(all.map((document, index) => [document, index]));

  const bitsOf = (documents: readonly AnyDocument[]): Uint32Array => {
    const bits = new Uint32Array(words);
    for (const document of documents) {
      const at = position.get(document);
      if (at !== undefined) bits[at >>> 5] = (bits[at >>> 5] as number) | (1 << (at & 31));
    }
    return bits;
  };
  const byTag = new Map(collections.tags.map((group) => [group.slug, bitsOf(group.documents)]));
  const byOrganisation = new Map(collections.organisations.map((group) => [group.organisation.key, bitsOf(group.documents)]));
  const none = new Uint32Array(words);

  // Counter planes, reused for every document: plane i holds bit i of each document's shared-tag count.
  const planes: Uint32Array[] = [];
  const cache = new Map<AnyDocument, AnyDocument[]>();

  function find(document: AnyDocument): AnyDocument[] {
    const mine = [...tagSlugs(document)].map((slug) => byTag.get(slug)).filter((bits): bits is Uint32Array => bits !== undefined);
    const planeCount = bitLength(mine.length);
    while (planes.length < planeCount) planes.push(new Uint32Array(words));
    const counters = planes.slice(0, planeCount);
    for (const plane of counters) plane.fill(0);
    for (const tag of mine) {
      for (let w = 0; w < words; w++) {
        let carry = tag[w] as number;
        for (let i = 0; i < planeCount && carry !== 0; i++) {
          const plane = counters[i] as Uint32Array;
          const bits = plane[w] as number;
          plane[w] = bits ^ carry;
          carry &= bits;
        }
      }
    }
    const organisation = byOrganisation.get(document.data.organisation) ?? none;
    const self = position.get(document);
    const found: AnyDocument[] = [];

    /** Appends the newest documents sharing exactly `shared` tags, in or outside the organisation. */
    const take = (shared: number, sameOrganisation: boolean): void => {
      for (let w = 0; w < words && found.length < limit; w++) {
        let mask = sameOrganisation ? (organisation[w] as number) : ~(organisation[w] as number);
        for (let i = 0; i < planeCount; i++) {
          const plane = (counters[i] as Uint32Array)[w] as number;
          mask &= (shared >>> i) & 1 ? plane : ~plane;
        }
        if (w === words - 1) mask &= lastWordMask;
        if (self !== undefined && self >>> 5 === w) mask &= ~(1 << (self & 31));
        while (mask !== 0 && found.length < limit) {
          const bit = 31 - Math.clz32(mask & -mask);
          found.push(all[w * 32 + bit] as AnyDocument);
          mask &= mask - 1;
        }
      }
    };
    // Levels in ranking order; within a level, positions run newest first. Nothing shared and another
    // organisation is not related at all.
    for (let shared = mine.length; shared >= 1 && found.length < limit; shared--) {
      take(shared, true);
      take(shared, false);
    }
    if (found.length < limit) take(0, true);
    return found;
  }

  return (document) => {
    let found = cache.get(document);
    if (!found) cache.set(document, (found = find(document)));
    return found;
  };
}

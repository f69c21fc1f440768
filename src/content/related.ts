// Related documents for the article pages: most shared tags first, then the same organisation, then the newest.
// Candidates come from the tag and organisation groups, and a tag that half the site carries is never scanned
// whole for every document, so a build of thousands of documents stays far from comparing all pairs.
import { slugify } from "../slug.ts";
import type { Collections } from "./collections.ts";
import type { AnyDocument } from "./document.ts";

export const RELATED_LIMIT = 3;

interface Score {
  sharedTags: number;
  sameOrganisation: number;
}

interface Scored extends Score {
  document: AnyDocument;
  /** Index in `all`: lower is newer. */
  position: number;
}

function compareScores(a: Score, b: Score): number {
  return a.sharedTags - b.sharedTags || a.sameOrganisation - b.sameOrganisation;
}

/** The best `limit` candidates so far, best first. */
class Best {
  readonly items: Scored[] = [];
  constructor(private readonly limit: number) {}

  offer(candidate: Scored): void {
    const at = this.items.findIndex((item) => (compareScores(candidate, item) || item.position - candidate.position) > 0);
    this.items.splice(at === -1 ? this.items.length : at, 0, candidate);
    if (this.items.length > this.limit) this.items.pop();
  }

  /** True when no candidate scoring `score` (or less) could still get in, however new it is. */
  closedTo(score: Score): boolean {
    const worst = this.items[this.limit - 1];
    return worst !== undefined && compareScores(worst, score) > 0;
  }
}

export type RelatedLookup = (document: AnyDocument) => AnyDocument[];

function tagSlugs(document: AnyDocument): Set<string> {
  return new Set(document.data.tags.map(slugify).filter((slug) => slug !== ""));
}

/**
 * One index per build (the collections are already filtered for the build mode); each document's list is
 * worked out the first time it is asked for and kept.
 */
export function relatedIndex(collections: Pick<Collections, "all" | "tags" | "organisations">, limit = RELATED_LIMIT): RelatedLookup {
  // Every group lists its documents in the order of `all` (newest first): a group is a subsequence of it.
  const position = new Map(collections.all.map((document, index) => [document, index]));
  const slugsOf = new Map(collections.all.map((document) => [document, tagSlugs(document)]));
  const byTag = new Map(collections.tags.map((group) => [group.slug, group.documents]));
  const byOrganisation = new Map(collections.organisations.map((group) => [group.organisation.key, group.documents]));
  const cache = new Map<AnyDocument, AnyDocument[]>();

  function find(document: AnyDocument): AnyDocument[] {
    const mine = [...(slugsOf.get(document) ?? tagSlugs(document))];
    const organisation = document.data.organisation;
    const best = new Best(limit);
    const seen = new Set<AnyDocument>([document]);

    const consider = (candidate: AnyDocument): void => {
      if (seen.has(candidate)) return;
      seen.add(candidate);
      const theirs = slugsOf.get(candidate) as Set<string>;
      best.offer({
        document: candidate,
        sharedTags: mine.filter((slug) => theirs.has(slug)).length,
        sameOrganisation: candidate.data.organisation === organisation ? 1 : 0,
        position: position.get(candidate) as number,
      });
    };
    /** Considers the newest `limit` unseen documents of the list that pass the test. */
    const newest = (list: readonly AnyDocument[], test: (candidate: AnyDocument) => boolean): void => {
      let taken = 0;
      for (const candidate of list) {
        if (taken === limit) return;
        if (seen.has(candidate) || !test(candidate)) continue;
        consider(candidate);
        taken++;
      }
    };

    const tagLists = mine.map((slug) => ({ slug, documents: byTag.get(slug) ?? [] })).sort((a, b) => a.documents.length - b.documents.length);
    const largest = tagLists.pop();
    const organisationList = byOrganisation.get(organisation) ?? [];

    // A candidate sharing two tags or more is in one of the smaller lists: at most one of its tags is the largest's.
    for (const list of tagLists) for (const candidate of list.documents) consider(candidate);

    // Left unseen: candidates sharing only the largest list's tag, and the organisation's documents without a
    // shared tag. Within each kind only recency decides, so the newest few of each are enough.
    if (largest) {
      if (!best.closedTo({ sharedTags: 1, sameOrganisation: 1 })) {
        const inLargest = (candidate: AnyDocument) => (slugsOf.get(candidate) as Set<string>).has(largest.slug);
        const sameOrganisation = (candidate: AnyDocument) => candidate.data.organisation === organisation;
        if (largest.documents.length <= organisationList.length) newest(largest.documents, sameOrganisation);
        else newest(organisationList, inLargest);
      }
      if (!best.closedTo({ sharedTags: 1, sameOrganisation: 0 })) newest(largest.documents, () => true);
    }
    if (!best.closedTo({ sharedTags: 0, sameOrganisation: 1 })) newest(organisationList, () => true);

    return best.items.map((scored) => scored.document);
  }

  return (document) => {
    let found = cache.get(document);
    if (!found) cache.set(document, (found = find(document)));
    return found;
  };
}

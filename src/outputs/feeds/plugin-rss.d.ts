// Types for the parts of @11ty/eleventy-plugin-rss 3.0.0 we call: the package ships JavaScript only.
declare module "@11ty/eleventy-plugin-rss" {
  /** RFC 3339 in UTC without milliseconds: "2022-03-03T00:00:00Z". */
  export function dateToRfc3339(date: Date): string;
  /** RFC 822, as RSS 2.0 wants. */
  export function dateToRfc822(date: Date): string;
  /** `url` resolved against `base`; an unparsable URL comes back unchanged. */
  export function absoluteUrl(url: string, base: string): string;
  /** Every URL attribute in the HTML (href, src, srcset …) resolved against `base`; entities are kept as written. */
  export function convertHtmlToAbsoluteUrls(html: string, base: string, processOptions?: Record<string, unknown>): Promise<string>;
  /** The latest `date` of the items, or `emptyFallbackDate` (else now) when there are none. */
  export function getNewestCollectionItemDate(items: ReadonlyArray<{ date: Date }>, emptyFallbackDate?: Date): Date;

  type EleventyPlugin = (eleventyConfig: unknown, options?: Record<string, unknown>) => void;
  /** Adds the plugin's filters to Eleventy. */
  export const rssPlugin: EleventyPlugin;
  /** The virtual feed template; not used here: its entry ids are URLs. */
  export const feedPlugin: EleventyPlugin;
  export default rssPlugin;
}

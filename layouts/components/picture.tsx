// An image the build made renditions of, as a <picture> (src/text/picture.ts pictureParts: the same parts a body
// image gets from the Markdown renderer); an image without renditions (an SVG) as a plain <img>.
import type { SiteModel } from "#src/site-model/model.ts";
import { pictureParts } from "#src/text/picture.ts";
import { T } from "#src/site/i18n.ts";

interface PictureProps {
  finsam: SiteModel;
  /** The original's site path, as the editor wrote it. */
  src: string;
  alt: string;
  /** The lead image: fetched at once rather than when near the screen. */
  eager?: boolean;
  className?: string;
  /** How wide it is shown (the sizes attribute), when not the text column's width. */
  sizes?: string;
}

export function Picture({ finsam, src, alt, eager = false, className, sizes }: PictureProps) {
  const image = finsam.imageRenditions(src);
  if (!image) return <img src={finsam.href(src)} alt={alt} {...(className ? { class: className } : {})} {...(eager ? {} : { loading: "lazy", decoding: "async" })} />;
  const { sources, img } = pictureParts(image, { alt, eager, href: (path) => finsam.href(path), ...(className ? { className } : {}), ...(sizes ? { sizes } : {}) });
  return (
    <picture>
      {sources.map((source) => (
        <source type={source.type} srcset={source.srcset} sizes={source.sizes} />
      ))}
      <img {...img} />
    </picture>
  );
}

interface LeadImageProps {
  finsam: SiteModel;
  src: string;
  alt: string;
  caption?: string | undefined;
  credit?: string | undefined;
}

/** An article's lead image: seen first, so fetched at once; with its caption and credit as a figure's caption. */
export function LeadImage({ finsam, src, alt, caption, credit }: LeadImageProps) {
  const picture = <Picture finsam={finsam} src={src} alt={alt} eager className="lead-image" />;
  if (caption === undefined && credit === undefined) return picture;
  return (
    <figure class="lead-figure">
      {picture}
      <figcaption>
        {caption}
        {caption !== undefined && credit !== undefined ? " " : null}
        {credit !== undefined ? <span class="credit">{T.photoCredit(credit)}</span> : null}
      </figcaption>
    </figure>
  );
}

// An outline as a parse gives it, before body.ts places it in the file: from markdown-it's tokens or from the line
// scan of plain-outline.ts, which must give the same.

/** What a parse says of the outline, before anything is placed in the file: markdown-it's tokens or plain-outline.ts. */
export interface OutlineParts {
  headings: HeadingPart[];
  /** The inline blocks (a paragraph, a heading's text, a cell) that link or show an image, in order. */
  blocks: LinkingBlock[];
  /** Destinations the renderer refuses, as markdown-it normalised them. */
  refused: readonly string[];
}

export interface HeadingPart {
  level: number;
  /** The heading's inline content, as markdown-it gives it. */
  text: string;
  /** 0-based line in the body where the heading starts. */
  line: number;
  /** Written with "#" marks (ATX), not underlined (setext). */
  marked: boolean;
}

export interface LinkingBlock {
  /** The block's lines in the body, 0-based, `to` not included. */
  from: number;
  to: number;
  links: LinkPart[];
}

export interface LinkPart {
  kind: "link" | "image";
  /** The destination as markdown-it normalised it. */
  target: string;
  /** An image's text between the brackets, as written. */
  alt: string;
}

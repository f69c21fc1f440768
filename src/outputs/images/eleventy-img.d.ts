// The part of @11ty/eleventy-img 6 (which ships no types) that src/outputs/images/ uses.
declare module "@11ty/eleventy-img" {
  export interface ImageStat {
    format: string;
    width: number;
    height: number;
    url: string;
    filename: string;
    outputPath: string;
    size: number;
  }

  export interface ImageOptions {
    widths: (number | "auto")[];
    formats: string[];
    outputDir: string;
    urlPath: string;
    filenameFormat: (id: string, src: string, width: number, format: string) => string;
    fixOrientation?: boolean;
    sharpJpegOptions?: Record<string, unknown>;
    sharpWebpOptions?: Record<string, unknown>;
    sharpAvifOptions?: Record<string, unknown>;
    sharpPngOptions?: Record<string, unknown>;
    hashLength?: number;
    [other: string]: unknown;
  }

  /** The process-wide processing queue: how many originals at once. */
  const queueImage: {
    (src: string, options: ImageOptions): Promise<Record<string, ImageStat[]>>;
    concurrency: number;
  };
  export default queueImage;
}

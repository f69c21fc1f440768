// Contrast between two colours as WCAG 2 defines it (relative luminance of sRGB), for colours an editor picks.

/** "#1d4f91" → relative luminance, 0 (black) to 1 (white). */
function luminance(hex: string): number {
  const channel = (offset: number): number => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two #rrggbb colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** What normal text needs against its background (WCAG 2.1 1.4.3, level AA). */
export const TEXT_CONTRAST = 4.5;

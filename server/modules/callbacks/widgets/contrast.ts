/**
 * WCAG 2 contrast between a widget's accent colour and the text on it, so a company cannot
 * publish a button its visitors cannot read. Browser-safe and pure: the form shows the ratio
 * as colours are picked, and the server refuses the same pairs.
 */

export const HEX_COLOUR = /^#[0-9a-f]{6}$/i;
/** WCAG 2.1 AA for normal text (success criterion 1.4.3). */
export const MIN_CONTRAST = 4.5;

/** Relative luminance of an sRGB "#rrggbb" (WCAG 2.1 definition). */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** From 1 (the same colour) to 21 (black on white); order of the two does not matter. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Rounded down to one decimal, so "4.5:1" is never shown for a pair that fails at 4.49. */
export const formatRatio = (ratio: number) => `${(Math.floor(ratio * 10) / 10).toFixed(1)}:1`;

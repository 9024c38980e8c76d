/**
 * Chart colours and fills that stay apart for people with any colour-vision deficiency: the
 * Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008), each colour also paired with
 * a fill pattern, so two neighbouring segments differ in texture as well as hue. Charts label
 * their segments too; colour is never the only cue.
 */

/** Okabe–Ito, without black (kept for text and outlines). Order: most distinct first. */
export const OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"] as const;

export const PATTERNS = ["solid", "stripes", "dots", "crosshatch"] as const;
export type ChartPattern = (typeof PATTERNS)[number];

export type SeriesStyle = { color: string; pattern: ChartPattern };

/**
 * The style of the i-th series. Colour and pattern advance together but on different cycles
 * (7 colours, 4 patterns), so the first 28 series all look different.
 */
export function seriesStyle(index: number): SeriesStyle {
  const i = Math.max(0, Math.floor(index));
  return { color: OKABE_ITO[i % OKABE_ITO.length]!, pattern: PATTERNS[i % PATTERNS.length]! };
}

/** Answered and missed keep one look everywhere: blue solid vs vermillion hatched. */
export const OUTCOME_STYLES = {
  answered: { color: "#0072B2", pattern: "solid" },
  missed: { color: "#D55E00", pattern: "stripes" },
} as const satisfies Record<string, SeriesStyle>;

/** The SVG fill for a style: a pattern id from <ChartPatterns>, or the plain colour. */
export function fillFor(style: SeriesStyle, idPrefix: string): string {
  return style.pattern === "solid" ? style.color : `url(#${patternId(style, idPrefix)})`;
}

export function patternId(style: SeriesStyle, idPrefix: string): string {
  return `${idPrefix}-${style.pattern}-${style.color.slice(1)}`;
}

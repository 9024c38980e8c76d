import { fillFor, patternId, type SeriesStyle } from "./palette";

/**
 * <defs> with one SVG pattern per patterned style a chart uses: the series colour as the
 * ground, a dark texture over it. Put it inside the chart's <svg> (recharts renders children
 * it does not know into its surface). `idPrefix` keeps ids unique when a page has two charts.
 */
export function ChartPatterns({ styles, idPrefix }: { styles: readonly SeriesStyle[]; idPrefix: string }) {
  const unique = new Map(styles.filter((s) => s.pattern !== "solid").map((s) => [patternId(s, idPrefix), s]));
  return (
    <defs>
      {[...unique].map(([id, style]) => (
        <pattern key={id} id={id} width={8} height={8} patternUnits="userSpaceOnUse" patternTransform={style.pattern === "stripes" ? "rotate(45)" : undefined}>
          <rect width={8} height={8} fill={style.color} />
          {style.pattern === "stripes" && <rect width={3} height={8} fill="#000" fillOpacity={0.45} />}
          {style.pattern === "dots" && <circle cx={4} cy={4} r={1.8} fill="#000" fillOpacity={0.5} />}
          {style.pattern === "crosshatch" && <path d="M0 0 8 8M8 0 0 8" stroke="#000" strokeOpacity={0.5} strokeWidth={1.5} />}
        </pattern>
      ))}
    </defs>
  );
}

/** A legend swatch drawn with the same fill as the chart's segment. */
export function Swatch({ style, idPrefix }: { style: SeriesStyle; idPrefix: string }) {
  return (
    <svg aria-hidden="true" focusable="false" width={14} height={14} className="shrink-0 rounded-sm ring-1 ring-gray-900/40">
      <ChartPatterns styles={[style]} idPrefix={`${idPrefix}-sw`} />
      <rect width={14} height={14} fill={fillFor(style, `${idPrefix}-sw`)} />
    </svg>
  );
}

"use client";

import { useEffect, useRef, useState, type CSSProperties } from "react";
import type { PresenceRow } from "./presence-model";
import { wallboardLayout } from "./wallboard-layout";
import { WallboardTile } from "./wallboard-tile";

/**
 * Fills its parent with one tile per extension. The parent's size is measured (and re-measured
 * on resize or when entering full screen) and the tile size chosen so that all tiles fit.
 */
export function WallboardGrid({ rows }: { rows: readonly PresenceRow[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const layout = size ? wallboardLayout(rows.length, size.width, size.height) : null;
  const style = layout
    ? ({
        gridTemplateColumns: `repeat(${layout.columns}, minmax(0, 1fr))`,
        gridAutoRows: `${layout.tileHeight}px`,
        gap: `${layout.gapPx}px`,
        "--wb-number": `${layout.numberFontPx}px`,
        "--wb-label": `${layout.labelFontPx}px`,
      } as CSSProperties)
    : undefined;

  return (
    <div ref={ref} className="min-h-0 flex-1">
      {layout && (
        <ul aria-label="Extensions" className="grid content-start" style={style}>
          {rows.map((row) => (
            <WallboardTile key={row.id} row={row} lines={layout.labelLines} />
          ))}
        </ul>
      )}
    </div>
  );
}

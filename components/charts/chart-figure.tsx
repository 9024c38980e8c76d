import { useId, type ReactNode } from "react";

type Props = {
  title: string;
  /** The chart's accessible name: what it shows and its main figures, as one sentence. */
  description: string;
  /** The same figures as a table, for screen readers and for anyone who wants the numbers. */
  table: ReactNode;
  children: ReactNode;
  tone?: "page" | "wallboard";
  /** Hides the "show the numbers" disclosure (the wallboard has no room and no pointer). */
  hasDetails?: boolean;
  testId?: string;
};

/**
 * A chart with its text equivalent. The drawing is one image named by `description`; the
 * exact figures are a real table, in a <details> a click away (or visually hidden where
 * there is no room), so no figure is for sighted users only. Charts inside pass
 * role="presentation" to their <svg>, which would otherwise be a second, nameless image.
 */
export function ChartFigure({ title, description, table, children, tone = "page", hasDetails = true, testId }: Props) {
  const titleId = useId();
  const isDark = tone === "wallboard";
  return (
    <figure aria-labelledby={titleId} className="min-w-0" data-testid={testId}>
      <figcaption id={titleId} className={isDark ? "text-lg font-semibold text-white" : "text-sm font-semibold text-gray-900"}>
        {title}
      </figcaption>
      <div role="img" aria-label={description} className="mt-2">
        {children}
      </div>
      {hasDetails ? (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer rounded font-medium text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600">Show the numbers</summary>
          <div className="mt-2 overflow-x-auto">{table}</div>
        </details>
      ) : (
        <div className="sr-only">{table}</div>
      )}
    </figure>
  );
}

/** A plain table for a chart's figures: the first column names the row. */
export function ChartDataTable({ caption, columns, rows }: { caption: string; columns: readonly string[]; rows: readonly (readonly [string, ...string[]])[] }) {
  return (
    <table className="min-w-full text-left text-sm text-gray-800">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-gray-200">
          {columns.map((c, i) => (
            <th key={c} scope="col" className={`py-1 pr-4 font-medium text-gray-700 ${i > 0 ? "text-right" : ""}`}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([head, ...cells]) => (
          <tr key={head} className="border-b border-gray-100 last:border-0">
            <th scope="row" className="py-1 pr-4 font-normal">
              {head}
            </th>
            {cells.map((cell, i) => (
              <td key={i} className="py-1 pr-4 text-right tabular-nums">
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

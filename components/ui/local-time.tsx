"use client";

const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const DATE_ONLY = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/**
 * A date in the viewer's locale and time zone. The server renders in its own zone, so the
 * text may change on hydration; that is expected and the warning is suppressed.
 */
export function LocalTime({ value, isDateOnly = false, fallback = "—" }: { value: Date | string | null | undefined; isDateOnly?: boolean; fallback?: string }) {
  if (!value) return <span className="text-gray-600">{fallback}</span>;
  const date = typeof value === "string" ? new Date(value) : value;
  return (
    <time dateTime={date.toISOString()} suppressHydrationWarning>
      {(isDateOnly ? DATE_ONLY : DATE_TIME).format(date)}
    </time>
  );
}

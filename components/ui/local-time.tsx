"use client";

import { useFormat } from "@/components/format/format-provider";

/**
 * A date in the viewer's locale and time zone (the partner's locale, the tenant's zone), the
 * same text on the server and in the browser: neither uses its own. Node's ICU and the
 * browser's may still differ in small ways ("Sep"/"Sept", U+202F before "PM"), so a
 * mismatch of this one text node on hydration is expected and not reported.
 */
export function LocalTime({ value, isDateOnly = false, fallback = "—" }: { value: Date | string | null | undefined; isDateOnly?: boolean; fallback?: string }) {
  const format = useFormat();
  if (!value) return <span className="text-gray-600">{fallback}</span>;
  const date = typeof value === "string" ? new Date(value) : value;
  return (
    <time dateTime={date.toISOString()} suppressHydrationWarning>
      {isDateOnly ? format.date(date) : format.dateTime(date)}
    </time>
  );
}

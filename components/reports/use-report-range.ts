"use client";

import { useMemo, useState } from "react";
import { useFormat } from "@/components/format/format-provider";
import type { TReportRange } from "@/server/modules/reports/schema";
import { initialRangeDraft, localDay, toReportRange, type RangeDraft } from "./report-range";

/**
 * The range picker's state. While a custom range is half-typed or wrong, the report keeps
 * showing the last range that was valid, and the picker says what to fix.
 */
export function useReportRange() {
  const { timeZone } = useFormat();
  const [today] = useState(() => localDay(new Date(), timeZone));
  const [draft, setDraftState] = useState<RangeDraft>(() => initialRangeDraft(new Date(), timeZone));
  const [range, setRange] = useState<TReportRange>({ preset: "today" });
  const result = useMemo(() => toReportRange(draft), [draft]);

  const setDraft = (next: RangeDraft) => {
    setDraftState(next);
    const parsed = toReportRange(next);
    if (parsed.ok) setRange(parsed.range);
  };
  return { draft, setDraft, range, error: result.ok ? null : { field: result.field, message: result.message }, today };
}

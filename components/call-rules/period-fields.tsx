"use client";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { SelectField } from "@/components/ui/form-field";
import type { TTimePeriod } from "@/server/modules/routing/stored";
import { errorUnder } from "./rule-draft";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
const HOLIDAY_CHOICES = [
  { value: "any", label: "Holidays make no difference" },
  { value: "except", label: "Not on the company’s holidays" },
  { value: "only", label: "Only on the company’s holidays" },
] as const;

type Props = { period: TTimePeriod; onChange: (period: TTimePeriod) => void; errors: Record<string, string> };

/** Weekdays, time ranges, date ranges and holidays of a rule, in the company's time zone. */
export function PeriodFields({ period, onChange, errors }: Props) {
  const set = (patch: Partial<TTimePeriod>) => onChange({ ...period, ...patch });
  const toggleDay = (day: number) => set({ weekdays: period.weekdays.includes(day) ? period.weekdays.filter((d) => d !== day) : [...period.weekdays, day].sort() });
  return (
    <div className="space-y-3">
      <fieldset>
        <legend className="text-sm font-medium text-gray-900">Days (none ticked: every day)</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {WEEKDAYS.map((name, i) => (
            <label key={name} className="flex items-center gap-1 text-sm">
              <input type="checkbox" checked={period.weekdays.includes(i + 1)} onChange={() => toggleDay(i + 1)} />
              {name.slice(0, 3)}
              <span className="sr-only">{name.slice(3)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-gray-900">Times (none: all day; an end before the start runs past midnight)</legend>
        {period.timeRanges.map((range, i) => (
          <div key={i} className="flex items-center gap-2">
            <Input type="time" aria-label={`Time range ${i + 1} from`} value={range.start} onChange={(e) => set({ timeRanges: period.timeRanges.map((r, j) => (j === i ? { ...r, start: e.target.value } : r)) })} className="w-32" />
            <span aria-hidden="true">–</span>
            <Input type="time" aria-label={`Time range ${i + 1} until`} value={range.end} onChange={(e) => set({ timeRanges: period.timeRanges.map((r, j) => (j === i ? { ...r, end: e.target.value } : r)) })} className="w-32" />
            <Button size="sm" variant="ghost" onClick={() => set({ timeRanges: period.timeRanges.filter((_, j) => j !== i) })} aria-label={`Remove time range ${i + 1}`}>Remove</Button>
            {errorUnder(errors, `period.timeRanges.${i}`) && <p className="text-sm text-red-700" role="alert">{errorUnder(errors, `period.timeRanges.${i}`)}</p>}
          </div>
        ))}
        <Button size="sm" variant="secondary" onClick={() => set({ timeRanges: [...period.timeRanges, { start: "09:00", end: "17:00" }] })}>Add a time range</Button>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-gray-900">Dates (none: any date)</legend>
        {period.dateRanges.map((range, i) => (
          <div key={i} className="flex items-center gap-2">
            <Input type="date" aria-label={`Date range ${i + 1} from`} value={range.from} onChange={(e) => set({ dateRanges: period.dateRanges.map((r, j) => (j === i ? { ...r, from: e.target.value } : r)) })} className="w-40" />
            <span aria-hidden="true">–</span>
            <Input type="date" aria-label={`Date range ${i + 1} until`} value={range.to} onChange={(e) => set({ dateRanges: period.dateRanges.map((r, j) => (j === i ? { ...r, to: e.target.value } : r)) })} className="w-40" />
            <Button size="sm" variant="ghost" onClick={() => set({ dateRanges: period.dateRanges.filter((_, j) => j !== i) })} aria-label={`Remove date range ${i + 1}`}>Remove</Button>
            {errorUnder(errors, `period.dateRanges.${i}`) && <p className="text-sm text-red-700" role="alert">{errorUnder(errors, `period.dateRanges.${i}`)}</p>}
          </div>
        ))}
        <Button size="sm" variant="secondary" onClick={() => set({ dateRanges: [...period.dateRanges, { from: "", to: "" }] })}>Add a date range</Button>
      </fieldset>
      <SelectField label="Holidays" options={HOLIDAY_CHOICES} value={period.holidays} onChange={(e) => set({ holidays: e.target.value as TTimePeriod["holidays"] })} error={errors["period.holidays"]} />
    </div>
  );
}

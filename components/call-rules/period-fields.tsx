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
      <RangeRows
        legend="Times (none: all day; an end before the start runs past midnight)"
        noun="Time range" type="time" keys={["start", "end"]} rows={period.timeRanges} errors={errors} errorPrefix="period.timeRanges"
        onChange={(timeRanges) => set({ timeRanges })} blank={{ start: "09:00", end: "17:00" }}
      />
      <RangeRows
        legend="Dates (none: any date)"
        noun="Date range" type="date" keys={["from", "to"]} rows={period.dateRanges} errors={errors} errorPrefix="period.dateRanges"
        onChange={(dateRanges) => set({ dateRanges })} blank={{ from: "", to: "" }}
      />
      <SelectField label="Holidays" options={HOLIDAY_CHOICES} value={period.holidays} onChange={(e) => set({ holidays: e.target.value as TTimePeriod["holidays"] })} error={errors["period.holidays"]} />
    </div>
  );
}

type RangeRowsProps<K extends string> = {
  legend: string;
  noun: string;
  type: "time" | "date";
  keys: [K, K];
  rows: Record<K, string>[];
  blank: Record<K, string>;
  errors: Record<string, string>;
  errorPrefix: string;
  onChange: (rows: Record<K, string>[]) => void;
};

/** "from – until" rows with add and remove, for time ranges and date ranges alike. */
function RangeRows<K extends string>({ legend, noun, type, keys, rows, blank, errors, errorPrefix, onChange }: RangeRowsProps<K>) {
  const edit = (i: number, key: K, value: string) => onChange(rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-gray-900">{legend}</legend>
      {rows.map((row, i) => {
        const error = errorUnder(errors, `${errorPrefix}.${i}`);
        return (
          <div key={i} className="flex flex-wrap items-center gap-2">
            <Input type={type} aria-label={`${noun} ${i + 1} from`} value={row[keys[0]]} onChange={(e) => edit(i, keys[0], e.target.value)} className="w-40" />
            <span aria-hidden="true">–</span>
            <Input type={type} aria-label={`${noun} ${i + 1} until`} value={row[keys[1]]} onChange={(e) => edit(i, keys[1], e.target.value)} className="w-40" />
            <Button size="sm" variant="ghost" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={`Remove ${noun.toLowerCase()} ${i + 1}`}>Remove</Button>
            {error && <p className="text-sm text-red-700" role="alert">{error}</p>}
          </div>
        );
      })}
      <Button size="sm" variant="secondary" onClick={() => onChange([...rows, blank])}>Add a {noun.toLowerCase()}</Button>
    </fieldset>
  );
}

"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { TTimePeriod } from "@/server/modules/routing/stored";
import { TrashIcon } from "./routing-icons";

const WEEKDAYS = [
  [1, "Mon", "Monday"],
  [2, "Tue", "Tuesday"],
  [3, "Wed", "Wednesday"],
  [4, "Thu", "Thursday"],
  [5, "Fri", "Friday"],
  [6, "Sat", "Saturday"],
  [7, "Sun", "Sunday"],
] as const;

/** What a new restriction starts as: office hours, which is what people restrict to most. */
const OFFICE_HOURS: TTimePeriod = { weekdays: [1, 2, 3, 4, 5], timeRanges: [{ start: "09:00", end: "17:00" }], dateRanges: [], holidays: "any" };

type Props = {
  /** Names the entry in labels: "Destination 2". */
  owner: string;
  value: TTimePeriod | null;
  onChange: (value: TTimePeriod | null) => void;
  error?: string;
};

/**
 * When one entry is active: always, or on chosen weekdays within time windows, in the company's
 * time zone. No weekday ticked means every day, no window means all day (the engine's reading).
 * A window whose end is before its start crosses midnight. Date ranges and holidays belong to
 * call rules; an entry edited here keeps "any".
 */
export function ActivePeriodEditor({ owner, value, onChange, error }: Props) {
  const id = useId();
  const isRestricted = value !== null;
  const toggleDay = (day: number) => {
    if (!value) return;
    const weekdays = value.weekdays.includes(day) ? value.weekdays.filter((d) => d !== day) : [...value.weekdays, day].sort();
    onChange({ ...value, weekdays });
  };
  const setWindow = (index: number, part: "start" | "end", time: string) =>
    value && onChange({ ...value, timeRanges: value.timeRanges.map((w, i) => (i === index ? { ...w, [part]: time } : w)) });

  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="sr-only">When {owner} rings</legend>
      <label className="flex items-center gap-2 text-sm text-gray-900">
        <input type="checkbox" className="size-4 rounded border-gray-400" checked={!isRestricted} onChange={(e) => onChange(e.target.checked ? null : OFFICE_HOURS)} />
        Always
      </label>
      {value && (
        <>
          <div className="flex flex-wrap gap-1" role="group" aria-label={`Days ${owner} rings (none ticked: every day)`}>
            {WEEKDAYS.map(([day, short, long]) => (
              <label key={day} className="inline-flex items-center gap-1 rounded-md border border-gray-300 px-2 py-1 text-sm has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50">
                <input type="checkbox" className="size-4" checked={value.weekdays.includes(day)} onChange={() => toggleDay(day)} aria-label={long} />
                <span aria-hidden="true">{short}</span>
              </label>
            ))}
          </div>
          {value.timeRanges.map((w, i) => (
            <div key={i} className="flex flex-wrap items-center gap-2 text-sm">
              <Input type="time" className="w-32" value={w.start} aria-label={`${owner}: window ${i + 1} from`} onChange={(e) => setWindow(i, "start", e.target.value)} />
              <span aria-hidden="true">to</span>
              <Input type="time" className="w-32" value={w.end} aria-label={`${owner}: window ${i + 1} until`} onChange={(e) => setWindow(i, "end", e.target.value)} />
              <Button variant="ghost" size="sm" aria-label={`Remove window ${i + 1} of ${owner}`} onClick={() => onChange({ ...value, timeRanges: value.timeRanges.filter((_, j) => j !== i) })}>
                <TrashIcon />
              </Button>
            </div>
          ))}
          <Button variant="secondary" size="sm" onClick={() => onChange({ ...value, timeRanges: [...value.timeRanges, { start: "09:00", end: "17:00" }] })}>
            Add a time window
          </Button>
          {value.timeRanges.length === 0 && <p className="text-xs text-gray-600">No window: all day on the days ticked.</p>}
        </>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}

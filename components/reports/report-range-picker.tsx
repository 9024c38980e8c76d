"use client";

import { useId } from "react";
import { Input } from "@/components/ui/input";
import { PRESET_LABELS, RANGE_PRESETS, type RangeDraft, type RangePreset } from "./report-range";

type Props = {
  draft: RangeDraft;
  onChange: (draft: RangeDraft) => void;
  /** The first thing wrong with a custom range, under the field it is about. */
  error?: { field: "from" | "to"; message: string } | null;
  /** Today in the company's zone: the latest day a report can cover. */
  today: string;
};

/**
 * The period: native radios for the presets (arrow keys move between them), named by the legend,
 * and for a custom range two date inputs read as the company's local days.
 */
export function ReportRangePicker({ draft, onChange, error, today }: Props) {
  const id = useId();
  const set = (patch: Partial<RangeDraft>) => onChange({ ...draft, ...patch });
  return (
    <fieldset className="flex flex-wrap items-end gap-x-6 gap-y-3">
      <legend className="sr-only">Period</legend>
      <div className="flex flex-wrap rounded-md shadow-sm">
        {RANGE_PRESETS.map((preset, i) => (
          <label
            key={preset}
            className={`relative flex h-10 cursor-pointer items-center border border-gray-300 px-3 text-sm font-medium text-gray-800 has-checked:z-10 has-checked:border-indigo-600 has-checked:bg-indigo-600 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-indigo-600 ${i === 0 ? "rounded-l-md" : "-ml-px"} ${i === RANGE_PRESETS.length - 1 ? "rounded-r-md" : ""} bg-white hover:bg-gray-50 has-checked:hover:bg-indigo-700`}
          >
            <input type="radio" name={`${id}-preset`} value={preset} checked={draft.preset === preset} onChange={() => set({ preset: preset as RangePreset })} className="sr-only" />
            {PRESET_LABELS[preset]}
          </label>
        ))}
      </div>
      {draft.preset === "custom" && (
        <div className="flex flex-wrap items-start gap-3">
          <DateField id={`${id}-from`} label="From" value={draft.from} max={today} error={error?.field === "from" ? error.message : undefined} onChange={(from) => set({ from })} />
          <DateField id={`${id}-to`} label="To" value={draft.to} max={today} error={error?.field === "to" ? error.message : undefined} onChange={(to) => set({ to })} />
        </div>
      )}
    </fieldset>
  );
}

function DateField({ id, label, value, max, error, onChange }: { id: string; label: string; value: string; max: string; error?: string; onChange: (value: string) => void }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-gray-700">
        {label}
      </label>
      <Input id={id} type="date" value={value} max={max} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className="w-44" />
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

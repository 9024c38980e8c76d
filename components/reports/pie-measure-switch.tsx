"use client";

import { useId } from "react";
import { PIE_MEASURE_LABELS, PIE_MEASURES, type PieMeasure } from "./chart-model";

/** Which measure the pie shares out: native radios styled as a segmented control. */
export function PieMeasureSwitch({ value, onChange }: { value: PieMeasure; onChange: (measure: PieMeasure) => void }) {
  const name = useId();
  return (
    <fieldset>
      <legend className="sr-only">Pie chart shows</legend>
      <div className="inline-flex flex-wrap rounded-md shadow-sm">
        {PIE_MEASURES.map((measure, i) => (
          <label
            key={measure}
            className={`relative flex h-9 cursor-pointer items-center border border-gray-300 bg-white px-3 text-sm font-medium text-gray-800 hover:bg-gray-50 has-checked:z-10 has-checked:border-indigo-600 has-checked:bg-indigo-600 has-checked:text-white has-checked:hover:bg-indigo-700 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-indigo-600 ${i === 0 ? "rounded-l-md" : "-ml-px"} ${i === PIE_MEASURES.length - 1 ? "rounded-r-md" : ""}`}
          >
            <input type="radio" name={name} value={measure} checked={value === measure} onChange={() => onChange(measure)} className="sr-only" />
            {PIE_MEASURE_LABELS[measure]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

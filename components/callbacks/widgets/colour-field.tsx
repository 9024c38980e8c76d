"use client";

import { useId } from "react";
import { Input } from "@/components/ui/input";
import { HEX_COLOUR } from "@/server/modules/callbacks/widgets/contrast";

type Props = { label: string; value: string; onChange: (value: string) => void; error?: string };

/** A colour as #rrggbb, typed or picked; both controls are labelled and share the error. */
export function ColourField({ label, value, onChange, error }: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-gray-900">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input
          type="color"
          className="h-10 w-12 shrink-0 cursor-pointer rounded-md border border-gray-300 bg-white p-1"
          value={HEX_COLOUR.test(value) ? value.toLowerCase() : "#000000"}
          onChange={(e) => onChange(e.target.value)}
          aria-label={`Pick the ${label.toLowerCase()}`}
        />
        <Input id={id} value={value} onChange={(e) => onChange(e.target.value)} className="w-32 font-mono" autoComplete="off" spellCheck={false} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} />
      </div>
      {error && (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

"use client";

import { SelectField } from "@/components/ui/form-field";

export type PromptOption = { id: string; name: string; durationMs: number };

type Props = {
  label: string;
  hint?: string;
  value: string | null;
  options: readonly PromptOption[];
  onChange: (id: string | null) => void;
  error?: string;
  /** What "no prompt" means here: "None", "Music on hold". */
  noneLabel?: string;
};

const seconds = (ms: number) => `${Math.max(1, Math.round(ms / 1000))} s`;

/**
 * One of the company's voice prompts, or none. A prompt that has been deleted since shows as
 * such rather than silently reading as "none", so saving is a visible choice.
 */
export function PromptSelect({ label, hint, value, options, onChange, error, noneLabel = "None" }: Props) {
  const isKnown = value === null || options.some((o) => o.id === value);
  const choices = [
    { value: "", label: noneLabel },
    ...(isKnown ? [] : [{ value: value!, label: "A deleted prompt" }]),
    ...options.map((o) => ({ value: o.id, label: `${o.name} (${seconds(o.durationMs)})` })),
  ];
  return <SelectField label={label} hint={hint} error={error} value={value ?? ""} options={choices} onChange={(e) => onChange(e.target.value || null)} />;
}

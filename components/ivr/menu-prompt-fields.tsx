"use client";

import type { FieldErrors } from "@/components/routing/field-errors";
import type { MenuPromptKey, TUpdateIvrMenuInput } from "@/server/modules/ivr/schema";
import { PromptSelect, type PromptOption } from "./prompt-select";

type Prompts = TUpdateIvrMenuInput["prompts"];

/** In the order a caller can hear them, each with when it plays. */
const PROMPTS: { key: MenuPromptKey; label: string; hint: string }[] = [
  { key: "intro", label: "Greeting", hint: "Played once when the call arrives; keys pressed during it are ignored." },
  { key: "menu", label: "Menu prompt", hint: "Lists the options; pressing a key stops it." },
  { key: "invalid", label: "Wrong key", hint: "After a key that does nothing, before the menu plays again." },
  { key: "timeout", label: "No key pressed", hint: "When the caller presses nothing in time." },
  { key: "postSelection", label: "After a choice", hint: "Played after a valid key, before the caller is sent on." },
  { key: "inactive", label: "Outside opening hours", hint: "Played outside the opening hours, before callers are sent on." },
];

export function MenuPromptFields({ value, options, onChange, errors }: { value: Prompts; options: readonly PromptOption[]; onChange: (p: Prompts) => void; errors: FieldErrors }) {
  return (
    <div className="space-y-4">
      {options.length === 0 && <p className="text-sm text-amber-800">Your company has no voice prompts yet. Add some under Voice prompts, then choose them here.</p>}
      <div className="grid gap-4 sm:grid-cols-2">
        {PROMPTS.map((p) => (
          <PromptSelect key={p.key} label={p.label} hint={p.hint} value={value[p.key]} options={options} onChange={(id) => onChange({ ...value, [p.key]: id })} error={errors[p.key]} />
        ))}
      </div>
    </div>
  );
}

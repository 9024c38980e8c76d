"use client";

import type { DestinationChoices } from "@/components/routing/routing-destination-picker";
import { SelectField } from "@/components/ui/form-field";

type Fax = { kind: "fax"; sipAccountId: string } | null;

/** Whether the menu listens for a fax tone, and which fax account takes the fax (fax accounts only). */
export function FaxDetectionField({ choices, value, onChange, error }: { choices: DestinationChoices; value: Fax; onChange: (value: Fax) => void; error?: string }) {
  const accounts = choices.groups.find((g) => g.kind === "fax")?.options ?? [];
  const isKnown = value === null || accounts.some((a) => a.value === value.sipAccountId);
  const options = [
    { value: "", label: "Do not listen for faxes" },
    ...(isKnown ? [] : [{ value: value!.sipAccountId, label: "A deleted fax account" }]),
    ...accounts.map((a) => ({ value: a.value, label: `Send faxes to ${a.label}` })),
  ];
  return (
    <SelectField
      label="When a fax machine calls"
      hint={accounts.length === 0 ? "Your company has no fax accounts." : "The menu listens for a fax tone the whole time and sends faxes to the account."}
      className="max-w-md"
      value={value?.sipAccountId ?? ""}
      options={options}
      onChange={(e) => onChange(e.target.value ? { kind: "fax", sipAccountId: e.target.value } : null)}
      error={error}
    />
  );
}

"use client";

import { TrashIcon } from "@/components/routing/routing-icons";
import { RoutingDestinationPicker, type DestinationChoices } from "@/components/routing/routing-destination-picker";
import type { FieldErrors } from "@/components/routing/field-errors";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/form-field";
import { PlusIcon } from "@/components/ui/icons";
import { MENU_DIGITS, type TMenuOption } from "@/server/modules/ivr/schema";

type Props = {
  options: TMenuOption[];
  choices: DestinationChoices;
  onChange: (options: TMenuOption[]) => void;
  /** Errors under "options.", prefix stripped ("1.destination"). */
  errors: FieldErrors;
};

const keyName = (digit: string) => (digit === "*" ? "star (*)" : digit === "#" ? "hash (#)" : digit);
const byKey = (a: TMenuOption, b: TMenuOption) => MENU_DIGITS.indexOf(a.digit) - MENU_DIGITS.indexOf(b.digit);

/**
 * The keys of a menu, each with where it sends the caller. Keys are listed in keypad order;
 * a key already used is not offered again. A new key starts on the first extension (or the
 * general voicemail box) so it is complete the moment it is added.
 */
export function MenuOptionsEditor({ options, choices, onChange, errors }: Props) {
  const used = new Set(options.map((o) => o.digit));
  const free = MENU_DIGITS.filter((d) => !used.has(d));
  const firstChoice = choices.groups[0]?.options[0];
  const starter: TMenuOption["destination"] =
    firstChoice && choices.groups[0]!.kind === "extension" ? { kind: "extension", extensionId: firstChoice.value } : { kind: "voicemail", extensionId: null };
  const update = (index: number, patch: Partial<TMenuOption>) => onChange(options.map((o, i) => (i === index ? { ...o, ...patch } : o)));

  return (
    <div className="space-y-3">
      {options.length === 0 ? (
        <p className="rounded-md border border-dashed border-gray-300 p-4 text-center text-sm text-gray-600">No keys yet: callers hear the menu, then go where callers who do not choose go.</p>
      ) : (
        <ul className="space-y-3" aria-label="Menu keys">
          {options.map((option, index) => (
            <li key={option.digit} className="flex flex-wrap items-start gap-3 rounded-lg border border-gray-200 p-3">
              <SelectField
                label={`Key ${index + 1}`}
                className="w-36"
                value={option.digit}
                options={[option.digit, ...free].sort((a, b) => MENU_DIGITS.indexOf(a) - MENU_DIGITS.indexOf(b)).map((d) => ({ value: d, label: `Press ${keyName(d)}` }))}
                onChange={(e) => onChange(options.map((o, i) => (i === index ? { ...o, digit: e.target.value as TMenuOption["digit"] } : o)).sort(byKey))}
                error={errors[`${index}.digit`]}
              />
              <div className="min-w-60 flex-1">
                <RoutingDestinationPicker
                  label={`Pressing ${keyName(option.digit)} goes to`}
                  choices={choices}
                  value={option.destination}
                  onChange={(d) => d && update(index, { destination: d })}
                  error={errors[`${index}.destination`]}
                  numberError={errors[`${index}.destination.number`]}
                />
              </div>
              <Button variant="ghost" size="sm" className="mt-7 text-red-700" aria-label={`Remove key ${keyName(option.digit)}`} onClick={() => onChange(options.filter((_, i) => i !== index))}>
                <TrashIcon />
              </Button>
            </li>
          ))}
        </ul>
      )}
      {free.length > 0 && (
        <Button variant="secondary" onClick={() => onChange([...options, { digit: free[0]!, destination: starter }].sort(byKey))}>
          <PlusIcon className="size-4" /> Add a key
        </Button>
      )}
    </div>
  );
}

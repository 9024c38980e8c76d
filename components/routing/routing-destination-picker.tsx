"use client";

import { FormField, TextField } from "@/components/ui/form-field";
import { CONTROL_CLASSES } from "@/components/ui/input";
import type { DestinationGroup } from "@/server/modules/numbers/tenant/destinations";
import type { TRoutingDestination } from "@/server/modules/routing/stored";
import { destinationFromKey, destinationKey, GENERAL_VOICEMAIL_KEY, NO_DESTINATION_KEY } from "./destination-key";

export type DestinationChoices = { groups: DestinationGroup[]; isExternalAllowed: boolean };

type Props = {
  label: string;
  choices: DestinationChoices;
  value: TRoutingDestination | null;
  onChange: (value: TRoutingDestination | null) => void;
  /** The "nothing" choice's words ("Don't forward"); absent = a destination is required. */
  noneLabel?: string;
  hint?: string;
  /** The choice's error, and the typed number's. */
  error?: string;
  numberError?: string;
  /** Offer only these kinds (no general voicemail box, no outside number unless listed); absent = every kind. */
  kinds?: readonly string[];
};

/**
 * Where forwarded, followed or overflowing calls go: one select grouped by kind, as the server's
 * destination registry lists them (extensions with "no phone yet" hints, voicemail boxes, fax
 * accounts, hunt groups; IVRs join by being added there), the company's general voicemail box,
 * and an outside number typed in. A choice that has disappeared shows as missing, not as another.
 */
export function RoutingDestinationPicker({ label, choices: offered, value, onChange, noneLabel, hint, error, numberError, kinds }: Props) {
  const choices = kinds ? { groups: offered.groups.filter((g) => kinds.includes(g.kind)), isExternalAllowed: offered.isExternalAllowed && kinds.includes("external") } : offered;
  const isVoicemailOffered = !kinds || kinds.includes("voicemail");
  const typed = value?.kind === "external" ? value.number : "";
  const key = destinationKey(value);
  const isKnown = key === NO_DESTINATION_KEY || key === "external" || key === GENERAL_VOICEMAIL_KEY || choices.groups.some((g) => g.options.some((o) => `${g.kind}:${o.value}` === key));
  return (
    <div className="space-y-3">
      <FormField label={label} hint={hint} error={error}>
        {(control) => (
          <select {...control} className={`${CONTROL_CLASSES} h-10 pr-8`} value={key} onChange={(e) => onChange(destinationFromKey(e.target.value, typed))}>
            {noneLabel !== undefined ? <option value={NO_DESTINATION_KEY}>{noneLabel}</option> : key === NO_DESTINATION_KEY && <option value="">Choose a destination…</option>}
            {!isKnown && <option value={key}>A deleted destination</option>}
            {choices.groups.map((group) => (
              <optgroup key={group.kind} label={group.label}>
                {group.options.map((o) => (
                  <option key={o.value} value={`${group.kind}:${o.value}`}>
                    {o.hint ? `${o.label} (${o.hint})` : o.label}
                  </option>
                ))}
                {group.kind === "voicemail" && isVoicemailOffered && <option value={GENERAL_VOICEMAIL_KEY}>The company’s general voicemail box</option>}
              </optgroup>
            ))}
            {isVoicemailOffered && !choices.groups.some((g) => g.kind === "voicemail") && (
              <optgroup label="Voicemail">
                <option value={GENERAL_VOICEMAIL_KEY}>The company’s general voicemail box</option>
              </optgroup>
            )}
            {(choices.isExternalAllowed || key === "external") && (
              <optgroup label="Another phone number">
                <option value="external">An outside number…</option>
              </optgroup>
            )}
          </select>
        )}
      </FormField>
      {value?.kind === "external" && (
        <TextField
          label={`${label}: number`}
          hint="In national form, or international starting with +."
          inputMode="tel"
          autoComplete="off"
          value={typed}
          error={numberError}
          onChange={(e) => onChange({ kind: "external", number: e.target.value })}
        />
      )}
    </div>
  );
}

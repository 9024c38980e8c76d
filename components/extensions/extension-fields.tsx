"use client";

import { useId } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { formatInternational } from "@/components/format/phone-display";
import { FormField, SelectField, TextField } from "@/components/ui/form-field";
import { CONTROL_CLASSES } from "@/components/ui/input";
import { companyDefaultCli } from "@/server/telephony/engine/default-cli";

export const FIELD_NAMES = ["number", "displayName", "ownerUserId", "voicemailEnabled", "voicemailPin", "outboundCli"] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

export type ExtensionFormOptions = {
  users: readonly { id: string; name: string; email: string }[];
  dids: readonly string[];
  /** Caller-ID mobiles the company proved (or may use unproved); absent where not loaded. */
  mobiles?: readonly string[];
};

type ExtensionFieldsProps = {
  registered: Record<FieldName, UseFormRegisterReturn>;
  errors: Partial<Record<FieldName, string>>;
  options: ExtensionFormOptions;
  isVoicemailOn: boolean;
  /** Editing an extension that already has a PIN: an empty PIN field keeps it. */
  hasPin: boolean;
};

/** The fields create and edit share; each form registers them with react-hook-form. */
export function ExtensionFields({ registered, errors, options, isVoicemailOn, hasPin }: ExtensionFieldsProps) {
  const voicemailId = useId();
  const owners = [{ value: "", label: "Nobody (shared phone)" }, ...options.users.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))];
  const fallback = companyDefaultCli(options.dids);
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-[8rem_1fr]">
        <TextField label="Number" inputMode="numeric" autoComplete="off" hint="2–6 digits" error={errors.number} {...registered.number} />
        <TextField label="Display name" autoComplete="off" hint="Shown on phones it calls" error={errors.displayName} {...registered.displayName} />
      </div>
      <SelectField label="Owner" options={owners} hint="The owner sees this extension's status and calls." error={errors.ownerUserId} {...registered.ownerUserId} />
      <FormField label="Outbound number" hint="The number people see when this extension calls out." error={errors.outboundCli}>
        {(control) => (
          <select className={`${CONTROL_CLASSES} h-10 pr-8`} {...registered.outboundCli} {...control}>
            <option value="">{fallback ? `Company default (${formatInternational(fallback)})` : "Company default (none yet: no outbound calls)"}</option>
            <CliGroup label="Company numbers" numbers={options.dids} />
            <CliGroup label="Verified mobiles" numbers={options.mobiles ?? []} />
          </select>
        )}
      </FormField>
      <fieldset className="space-y-3 rounded-md border border-gray-200 p-3">
        <legend className="px-1 text-sm font-medium text-gray-900">Voicemail</legend>
        <div className="flex items-center gap-2">
          <input id={voicemailId} type="checkbox" className="size-4 rounded border-gray-300 text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-600" {...registered.voicemailEnabled} />
          <label htmlFor={voicemailId} className="text-sm text-gray-900">
            Take messages when unanswered
          </label>
        </div>
        {isVoicemailOn && (
          <TextField
            label="Voicemail PIN"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            hint={hasPin ? "4–8 digits. Leave empty to keep the current PIN." : "4–8 digits, to listen to messages from another phone."}
            error={errors.voicemailPin}
            {...registered.voicemailPin}
          />
        )}
      </fieldset>
    </>
  );
}

function CliGroup({ label, numbers }: { label: string; numbers: readonly string[] }) {
  if (numbers.length === 0) return null;
  return (
    <optgroup label={label}>
      {numbers.map((n) => (
        <option key={n} value={n}>
          {formatInternational(n)}
        </option>
      ))}
    </optgroup>
  );
}

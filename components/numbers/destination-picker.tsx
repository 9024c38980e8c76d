"use client";

import { FormField, TextField } from "@/components/ui/form-field";
import type { DestinationGroup } from "@/server/modules/numbers/tenant/destinations";
import type { TDestination } from "@/server/modules/numbers/tenant/schema";

/** The id field each listed kind stores its choice in; typed kinds (external) have none. */
const ID_FIELD: Record<string, "extensionId" | "sipAccountId" | "huntGroupId" | "ivrMenuId" | "queueId"> = {
  extension: "extensionId", voicemail: "extensionId", fax: "sipAccountId", huntGroup: "huntGroupId", ivr: "ivrMenuId", queue: "queueId",
};

const keyOf = (d: TDestination) => {
  if (d.kind === "none" || d.kind === "external") return d.kind;
  return `${d.kind}:${(d as Record<string, string>)[ID_FIELD[d.kind]!]}`;
};

function fromKey(key: string, external: string): TDestination {
  if (key === "external") return { kind: "external", number: external };
  const [kind, id = ""] = key.split(":");
  const field = ID_FIELD[kind ?? ""];
  if (!field) return { kind: "none" };
  return { kind, [field]: id } as TDestination;
}

type Props = {
  groups: DestinationGroup[];
  isExternalAllowed: boolean;
  value: TDestination;
  onChange: (value: TDestination) => void;
  errors?: { choice?: string; number?: string };
};

/**
 * Where a number (or later a hunt group's overflow, an IVR option) sends calls: one select,
 * its options grouped by kind as the server's registry lists them, plus a typed number. New
 * kinds appear here by being added to the registry; this component needs no change.
 */
export function DestinationPicker({ groups, isExternalAllowed, value, onChange, errors = {} }: Props) {
  const external = value.kind === "external" ? value.number : "";
  return (
    <div className="space-y-4">
      <FormField label="Destination" error={errors.choice}>
        {(control) => (
          <select
            {...control}
            className="block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm"
            value={keyOf(value)}
            onChange={(e) => onChange(fromKey(e.target.value, external))}
          >
            <option value="none">Nowhere (callers hear “number not in use”)</option>
            {groups.map((group) => (
              <optgroup key={group.kind} label={group.label}>
                {group.options.map((o) => (
                  <option key={o.value} value={`${group.kind}:${o.value}`}>
                    {o.hint ? `${o.label} (${o.hint})` : o.label}
                  </option>
                ))}
              </optgroup>
            ))}
            {isExternalAllowed && (
              <optgroup label="Another phone number">
                <option value="external">Forward to a number…</option>
              </optgroup>
            )}
          </select>
        )}
      </FormField>
      {value.kind === "external" && (
        <TextField
          label="Forward to"
          hint="In national form, or international starting with +."
          inputMode="tel"
          autoComplete="off"
          value={external}
          error={errors.number}
          onChange={(e) => onChange({ kind: "external", number: e.target.value })}
        />
      )}
    </div>
  );
}

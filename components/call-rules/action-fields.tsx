"use client";

import { FormField, SelectField, TextField } from "@/components/ui/form-field";
import type { RuleDestinationGroup } from "@/server/modules/routing/rules/destinations";
import { RULE_MESSAGES, type RuleMessageId } from "@/server/telephony/engine/types";
import { CONTROL_CLASSES } from "@/components/ui/input";
import { ACTION_CHOICES, destinationKey, errorUnder, EXTERNAL_CHOICE, type RuleDraft } from "./rule-draft";

type Props = {
  draft: RuleDraft;
  set: (patch: Partial<RuleDraft>) => void;
  errors: Record<string, string>;
  choices: { groups: RuleDestinationGroup[]; isExternalAllowed: boolean };
};

const MESSAGE_CHOICES = (Object.entries(RULE_MESSAGES) as [RuleMessageId, { label: string }][]).map(([value, m]) => ({ value, label: m.label }));

/** What a matching rule does; forwarding picks from the company's destinations or a typed number. */
export function ActionFields({ draft, set, errors, choices }: Props) {
  const destinationError = errors["action.destination"] ?? errorUnder(errors, "action.destination");
  return (
    <div className="space-y-3">
      <SelectField label="Then" options={ACTION_CHOICES} value={draft.action} onChange={(e) => set({ action: e.target.value as RuleDraft["action"] })} error={draft.action === "forward" ? undefined : errorUnder(errors, "action")} />
      {draft.action === "forward" && (
        <FormField label="Forward to" error={draft.destinationKey === EXTERNAL_CHOICE ? undefined : (destinationError ?? errors.action)}>
          {(control) => (
            <select {...control} className={`${CONTROL_CLASSES} h-10`} value={draft.destinationKey} onChange={(e) => set({ destinationKey: e.target.value })}>
              <option value="">Choose a destination…</option>
              {choices.groups.map((group) => (
                <optgroup key={group.label} label={group.label}>
                  {group.options.map((o) => (
                    <option key={destinationKey(o.destination)} value={destinationKey(o.destination)}>{o.hint ? `${o.label} (${o.hint})` : o.label}</option>
                  ))}
                </optgroup>
              ))}
              {choices.isExternalAllowed && <option value={EXTERNAL_CHOICE}>Another phone number…</option>}
            </select>
          )}
        </FormField>
      )}
      {draft.action === "forward" && draft.destinationKey === EXTERNAL_CHOICE && (
        <TextField label="Phone number" placeholder="+1 212 555 0100" value={draft.externalNumber} onChange={(e) => set({ externalNumber: e.target.value })} error={destinationError} autoComplete="off" />
      )}
      {draft.action === "message" && (
        <SelectField label="Message" options={MESSAGE_CHOICES} value={draft.message} onChange={(e) => set({ message: e.target.value as RuleMessageId })} error={errors["action.message"]} />
      )}
    </div>
  );
}

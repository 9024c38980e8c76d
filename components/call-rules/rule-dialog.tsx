"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/form-field";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { ZCallRuleInput, type TCallRuleInput } from "@/server/modules/routing/rules/schema";
import type { RuleDestinationGroup } from "@/server/modules/routing/rules/destinations";
import { ActionFields } from "./action-fields";
import { CountryPicker } from "./country-picker";
import { PeriodFields } from "./period-fields";
import { draftOf, errorsByPath, errorUnder, toRuleInput, type RuleDraft } from "./rule-draft";

type Props = {
  /** null: closed; `rule` null: a new rule. */
  editing: { rule: TCallRuleInput | null } | null;
  choices: { groups: RuleDestinationGroup[]; isExternalAllowed: boolean };
  /** Field errors the server gave this rule, keyed like the schema's paths ("action.destination"). */
  serverErrors: Record<string, string>;
  isPending: boolean;
  onSubmit: (rule: TCallRuleInput) => void;
  onClose: () => void;
};

/** Adds or edits one rule; checked with the procedure's own schema before anything is sent. */
export function RuleDialog({ editing, onClose, ...rest }: Props) {
  return (
    <Dialog open={editing !== null} onClose={onClose} title={editing?.rule ? `Edit “${editing.rule.name}”` : "New rule"} description="Times are in your company’s time zone. Every part you turn on must match.">
      {editing && <RuleForm rule={editing.rule} onClose={onClose} {...rest} />}
    </Dialog>
  );
}

function Section({ title, isOn, onToggle, offLabel, children }: { title: string; isOn: boolean; onToggle: (on: boolean) => void; offLabel: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-2 rounded-md border border-gray-200 p-3">
      <legend className="px-1 text-sm font-semibold text-gray-900">{title}</legend>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={!isOn} onChange={(e) => onToggle(!e.target.checked)} />
        {offLabel}
      </label>
      {isOn && children}
    </fieldset>
  );
}

function RuleForm({ rule, choices, serverErrors, isPending, onSubmit, onClose }: Omit<Props, "editing"> & { rule: TCallRuleInput | null }) {
  const [draft, setDraft] = useState<RuleDraft>(() => draftOf(rule));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const errors = { ...serverErrors, ...localErrors };
  const set = (patch: Partial<RuleDraft>) => setDraft((d) => ({ ...d, ...patch }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = ZCallRuleInput.safeParse(toRuleInput(draft));
    if (!parsed.success) return setLocalErrors(errorsByPath(parsed.error.issues));
    setLocalErrors({});
    onSubmit(parsed.data);
  }

  return (
    <form onSubmit={submit} noValidate className="max-h-[70vh] space-y-4 overflow-y-auto pr-1">
      <TextField label="Name" value={draft.name} onChange={(e) => set({ name: e.target.value })} error={errors.name} placeholder="US office hours" maxLength={64} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={draft.isEnabled} onChange={(e) => set({ isEnabled: e.target.checked })} />
        Rule is on
      </label>
      <Section title="When" isOn={draft.hasPeriod} onToggle={(on) => set({ hasPeriod: on })} offLabel="Any time">
        <PeriodFields period={draft.period} onChange={(period) => set({ period })} errors={errors} />
      </Section>
      <Section title="Caller" isOn={draft.hasCaller} onToggle={(on) => set({ hasCaller: on })} offLabel="Any caller">
        <TextField label="Caller numbers" hint="Separate with commas; end with * for every number starting so, e.g. +1212*" value={draft.callerNumbers} onChange={(e) => set({ callerNumbers: e.target.value })} error={errorUnder(errors, "callerFilter.patterns")} />
        <CountryPicker value={draft.countries} onChange={(countries) => set({ countries })} error={errorUnder(errors, "callerFilter.countries")} />
      </Section>
      <Section title="Number dialled" isOn={draft.hasDialled} onToggle={(on) => set({ hasDialled: on })} offLabel="Any number dialled">
        <TextField label="Numbers dialled" hint="Separate with commas; end with * for a prefix" value={draft.dialledNumbers} onChange={(e) => set({ dialledNumbers: e.target.value })} error={errorUnder(errors, "dialledFilter")} />
      </Section>
      <ActionFields draft={draft} set={set} errors={errors} choices={choices} />
      <FormDialogFooter onCancel={onClose} isPending={isPending} submitLabel={rule ? "Save rule" : "Add rule"} />
    </form>
  );
}

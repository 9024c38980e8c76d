"use client";

import { useFieldArray, type Control, type FieldErrors, type UseFormRegister } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/form-field";
import { MinusIcon, PlusIcon } from "@/components/ui/icons";
import type { ZCreateTierInput } from "@/server/modules/numbers/partner/schema";
import type { TierRule } from "@/server/modules/numbers/tiers";

type TierForm = z.input<typeof ZCreateTierInput>;
type RuleKind = TierRule["kind"];

const KIND_OPTIONS: { value: RuleKind; label: string }[] = [
  { value: "repeated", label: "Repeated digit (7777)" },
  { value: "sequence", label: "Sequence (1234 or 4321)" },
  { value: "roundEnding", label: "Round ending (…000)" },
  { value: "regex", label: "Custom pattern (regular expression)" },
];

/** A fresh rule of a kind, with a sensible starting parameter. */
export const newRule = (kind: RuleKind): TierRule =>
  kind === "repeated" ? { kind, length: 4 } : kind === "sequence" ? { kind, length: 4 } : kind === "roundEnding" ? { kind, zeros: 3 } : { kind, pattern: "" };

type RuleBuilderProps = { control: Control<TierForm>; register: UseFormRegister<TierForm>; errors: FieldErrors<TierForm> };

/** The tier's rules, any one of which puts a number in the tier: a kind and its one parameter each. */
export function TierRuleBuilder({ control, register, errors }: RuleBuilderProps) {
  const rules = useFieldArray({ control, name: "rules" });
  const ruleErrors = errors.rules as (Record<string, { message?: string }> | undefined)[] & { message?: string; root?: { message?: string } } | undefined;
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-gray-900">Rules: a number matching any one is in this tier</legend>
      {rules.fields.map((field, i) => {
        const rule = field as unknown as TierRule;
        const error = ruleErrors?.[i];
        return (
          <div key={field.id} className="grid gap-3 rounded-md border border-gray-200 p-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
            <SelectField
              label={`Rule ${i + 1}`}
              options={KIND_OPTIONS}
              value={rule.kind}
              onChange={(e) => rules.update(i, newRule(e.target.value as RuleKind))}
            />
            {rule.kind === "regex" ? (
              <TextField label="Pattern" hint="Tested on the national digits, e.g. (\d\d)\1$" autoComplete="off" spellCheck={false} className="font-mono" error={error?.pattern?.message} {...register(`rules.${i}.pattern` as const)} />
            ) : rule.kind === "roundEnding" ? (
              <TextField label="Zeros at the end" type="number" min={1} max={14} error={error?.zeros?.message} {...register(`rules.${i}.zeros` as const, { valueAsNumber: true })} />
            ) : (
              <TextField label="Digits in a row" type="number" min={2} max={15} error={error?.length?.message} {...register(`rules.${i}.length` as const, { valueAsNumber: true })} />
            )}
            <Button variant="ghost" size="sm" onClick={() => rules.remove(i)} disabled={rules.fields.length === 1} aria-label={`Remove rule ${i + 1}`} className="sm:mt-7">
              <MinusIcon className="size-4" /> Remove
            </Button>
          </div>
        );
      })}
      {(ruleErrors?.message ?? ruleErrors?.root?.message) && <p className="text-sm text-red-700">{ruleErrors?.message ?? ruleErrors?.root?.message}</p>}
      <Button variant="secondary" size="sm" onClick={() => rules.append(newRule("repeated"))} disabled={rules.fields.length >= 20}>
        <PlusIcon className="size-4" /> Add a rule
      </Button>
    </fieldset>
  );
}

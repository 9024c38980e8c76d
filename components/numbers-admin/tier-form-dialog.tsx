"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { Dialog } from "@/components/ui/dialog";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { TextField } from "@/components/ui/form-field";
import { ZCreateTierInput } from "@/server/modules/numbers/partner/schema";
import { ZTierRule, type Tier } from "@/server/modules/numbers/tiers";
import { newRule, TierRuleBuilder } from "./tier-rule-builder";
import { TierTryBox } from "./tier-try-box";
import type { TierRow } from "./types";
import { useDialogSubmit } from "./use-dialog-submit";

type TierValues = z.output<typeof ZCreateTierInput>;
type TierFormDialogProps = {
  open: boolean;
  onClose: () => void;
  currency: string;
  /** The tier being edited; absent to create one. */
  tier?: TierRow;
  /** Every saved tier, so "Try a number" ranks the draft against the others. */
  tiers: readonly TierRow[];
  submit: (values: TierValues) => Promise<unknown>;
};

export function TierFormDialog({ open, onClose, tier, ...rest }: TierFormDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title={tier ? `Edit tier ${tier.name}` : "New tier"} description="Premiums are added to a number's own setup and monthly price.">
      <TierForm tier={tier} onDone={onClose} {...rest} />
    </Dialog>
  );
}

function TierForm({ tier, tiers, currency, submit, onDone }: Omit<TierFormDialogProps, "open" | "onClose"> & { onDone: () => void }) {
  const submitDialog = useDialogSubmit(onDone);
  const nextRank = Math.max(0, ...tiers.map((t) => t.rank)) + 1;
  const form = useForm({
    resolver: zodResolver(ZCreateTierInput),
    defaultValues: {
      name: tier?.name ?? "",
      rank: tier?.rank ?? nextRank,
      rules: tier ? [...tier.rules] : [newRule("repeated")],
      setupPremium: tier?.setupPremium ?? "0",
      monthlyPremium: tier?.monthlyPremium ?? "0",
    },
  });
  const { errors, isSubmitting } = form.formState;
  const draft = useWatch({ control: form.control });
  // The draft as it stands: only its complete rules, so a half-typed pattern previews as nothing.
  const draftTier: Tier = {
    name: draft.name || "This tier",
    rank: Number(draft.rank) || 0,
    rules: (draft.rules ?? []).flatMap((r) => {
      const parsed = ZTierRule.safeParse(r);
      return parsed.success ? [parsed.data] : [];
    }),
    setupPremium: draft.setupPremium || "0",
    monthlyPremium: draft.monthlyPremium || "0",
  };
  const preview = [...tiers.filter((t) => t.id !== tier?.id), draftTier];

  const onSubmit = form.handleSubmit((values) => submitDialog(() => submit(values), `Saved tier ${values.name}.`, form.setError));

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" hint="e.g. Gold" autoComplete="off" error={errors.name?.message} {...form.register("name")} />
        <TextField label="Rank" hint="Higher wins when a number matches several tiers" type="number" min={1} max={100} error={errors.rank?.message} {...form.register("rank", { valueAsNumber: true })} />
        <TextField label={`Setup premium (${currency})`} inputMode="decimal" autoComplete="off" error={errors.setupPremium?.message} {...form.register("setupPremium")} />
        <TextField label={`Monthly premium (${currency})`} inputMode="decimal" autoComplete="off" error={errors.monthlyPremium?.message} {...form.register("monthlyPremium")} />
      </div>
      <TierRuleBuilder control={form.control} register={form.register} errors={errors} />
      <TierTryBox tiers={preview} currency={currency} label="Try a number against these rules" />
      <FormDialogFooter onCancel={onDone} isPending={isSubmitting} submitLabel={tier ? "Save" : "Create tier"} />
    </form>
  );
}

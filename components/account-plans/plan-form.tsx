"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { Dialog } from "@/components/ui/dialog";
import { applyServerFieldErrors, errorMessage } from "@/components/ui/errors";
import { SelectField, TextField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import { ACCOUNT_TYPES, ACCOUNT_TYPE_LABELS, ZCreatePlanInput, type TCreatePlanInput } from "@/server/modules/billing/schema";
import { BandsEditor } from "./bands-editor";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";

/** One form for create and edit; edit submits all but the type (fixed once created). */
export type PlanFormValues = z.input<typeof ZCreatePlanInput>;

export type EditablePlan = {
  id: string;
  name: string;
  accountType: TCreatePlanInput["accountType"];
  currency: string;
  setupFee: string;
  bands: { minQuantity: number; maxQuantity: number | null; monthlyPrice: string }[];
};

type PlanFormDialogProps = {
  open: boolean;
  onClose: () => void;
  plan?: EditablePlan;
  defaultCurrency: string;
  /** Rejects with the tRPC error so field errors land on the form. */
  submit: (values: TCreatePlanInput) => Promise<unknown>;
};

export function PlanFormDialog({ open, onClose, plan, defaultCurrency, submit }: PlanFormDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title={plan ? `Edit ${plan.name}` : "New account plan"} description="Monthly prices per account, by how many accounts of the type a customer has.">
      <PlanForm plan={plan} defaultCurrency={defaultCurrency} submit={submit} onDone={onClose} />
    </Dialog>
  );
}

const NEW_BANDS = [
  { minQuantity: 1, maxQuantity: 5, monthlyPrice: "" },
  { minQuantity: 6, maxQuantity: null, monthlyPrice: "" },
];

function PlanForm({ plan, defaultCurrency, submit, onDone }: Omit<PlanFormDialogProps, "open" | "onClose"> & { onDone: () => void }) {
  const toast = useToast();
  const form = useForm<PlanFormValues, unknown, TCreatePlanInput>({
    resolver: zodResolver(ZCreatePlanInput),
    defaultValues: {
      name: plan?.name ?? "",
      accountType: plan?.accountType ?? "CENTREX_LINE",
      currency: plan?.currency ?? defaultCurrency,
      setupFee: plan?.setupFee ?? "0",
      bands: plan?.bands.map(({ minQuantity, maxQuantity, monthlyPrice }) => ({ minQuantity, maxQuantity, monthlyPrice })) ?? NEW_BANDS,
      isDefault: false,
    },
  });
  const { errors, isSubmitting } = form.formState;
  const currency = useWatch({ control: form.control, name: "currency" });

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await submit(values);
      toast({ variant: "success", description: plan ? `Saved ${values.name}.` : `${values.name} was created.` });
      onDone();
    } catch (err) {
      if (!applyServerFieldErrors(err, form.setError)) toast({ variant: "error", description: errorMessage(err) });
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      <TextField label="Name" autoComplete="off" error={errors.name?.message} {...form.register("name")} />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          label="Account type"
          className="sm:col-span-3"
          options={ACCOUNT_TYPES.map((t) => ({ value: t, label: ACCOUNT_TYPE_LABELS[t] }))}
          disabled={Boolean(plan)}
          hint={plan ? "The type is fixed once a plan exists." : undefined}
          error={errors.accountType?.message}
          {...form.register("accountType")}
        />
        <TextField label="Currency" hint="ISO code, such as GBP" maxLength={3} autoComplete="off" error={errors.currency?.message} {...form.register("currency")} />
        <TextField label="Setup fee" hint="Per new account, once" inputMode="decimal" autoComplete="off" className="sm:col-span-2" error={errors.setupFee?.message} {...form.register("setupFee")} />
      </div>
      <BandsEditor
        control={form.control}
        register={form.register}
        getValues={form.getValues}
        setValue={form.setValue}
        errors={errors.bands}
        currency={currency}
      />
      {!plan && (
        <label className="flex items-start gap-3 text-sm text-gray-900">
          <input type="checkbox" className="mt-0.5 size-4 rounded border-gray-300 accent-indigo-600" {...form.register("isDefault")} />
          <span>
            <span className="font-medium">Make this the default plan for its type</span>
            <span className="block text-gray-600">Prices every customer without a plan of its own. Your first plan of a type always becomes the default.</span>
          </span>
        </label>
      )}
      <FormDialogFooter onCancel={onDone} isPending={isSubmitting} submitLabel={plan ? "Save plan" : "Create plan"} />
    </form>
  );
}

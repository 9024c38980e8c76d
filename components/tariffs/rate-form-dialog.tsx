"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Dialog } from "@/components/ui/dialog";
import { applyServerFieldErrors, errorMessage } from "@/components/ui/errors";
import { TextField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import { ZRateFields } from "@/server/modules/tariffs/schema";
import type { z } from "zod";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";

export type RateRow = {
  id: string;
  prefix: string;
  description: string | null;
  ratePerMinute: string;
  connectFee: string;
  incrementSec: number;
  minimumSec: number;
};
export type RateValues = z.output<typeof ZRateFields>;

type RateFormDialogProps = {
  open: boolean;
  onClose: () => void;
  currency: string;
  /** The rate being edited; absent to add one. */
  rate?: RateRow;
  submit: (values: RateValues) => Promise<unknown>;
};

export function RateFormDialog({ open, onClose, rate, ...rest }: RateFormDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title={rate ? `Edit rate ${rate.prefix}` : "Add rate"}>
      <RateForm rate={rate} onDone={onClose} {...rest} />
    </Dialog>
  );
}

function RateForm({ rate, currency, submit, onDone }: Omit<RateFormDialogProps, "open" | "onClose"> & { onDone: () => void }) {
  const toast = useToast();
  const form = useForm({
    resolver: zodResolver(ZRateFields),
    defaultValues: {
      prefix: rate?.prefix ?? "",
      description: rate?.description ?? "",
      ratePerMinute: rate?.ratePerMinute ?? "",
      connectFee: rate?.connectFee ?? "0",
      incrementSec: rate?.incrementSec ?? 60,
      minimumSec: rate?.minimumSec ?? 0,
    },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await submit(values);
      toast({ variant: "success", description: `Saved the rate for ${values.prefix}.` });
      onDone();
    } catch (err) {
      if (!applyServerFieldErrors(err, form.setError)) toast({ variant: "error", description: errorMessage(err) });
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Prefix" hint="Digits of the E.164 number, e.g. 447 for UK mobiles" inputMode="numeric" autoComplete="off" error={errors.prefix?.message} {...form.register("prefix")} />
        <TextField label="Description" hint="Optional" autoComplete="off" error={errors.description?.message} {...form.register("description")} />
        <TextField label={`Rate per minute (${currency})`} inputMode="decimal" autoComplete="off" error={errors.ratePerMinute?.message} {...form.register("ratePerMinute")} />
        <TextField label={`Connect fee (${currency})`} inputMode="decimal" autoComplete="off" error={errors.connectFee?.message} {...form.register("connectFee")} />
        <TextField label="Billing increment (seconds)" hint="60 bills per minute, 1 per second" type="number" min={1} max={3600} error={errors.incrementSec?.message} {...form.register("incrementSec")} />
        <TextField label="Minimum billed (seconds)" type="number" min={0} max={3600} error={errors.minimumSec?.message} {...form.register("minimumSec")} />
      </div>
      <FormDialogFooter onCancel={onDone} isPending={isSubmitting} submitLabel={rate ? "Save" : "Add rate"} />
    </form>
  );
}

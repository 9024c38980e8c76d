"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Dialog } from "@/components/ui/dialog";
import { applyServerFieldErrors, errorMessage } from "@/components/ui/errors";
import { TextField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import { ZCreateTariffInput, type TCreateTariffInput } from "@/server/modules/tariffs/schema";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";

export type TariffFormValues = TCreateTariffInput;

type TariffFormDialogProps = {
  open: boolean;
  onClose: () => void;
  /** The tariff being edited; absent for a new one (which can be made the default). */
  tariff?: { name: string; currency: string };
  /** Rejects with the tRPC error so field errors (a taken name) land on the form. */
  submit: (values: TariffFormValues) => Promise<unknown>;
};

export function TariffFormDialog({ open, onClose, tariff, submit }: TariffFormDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={tariff ? "Edit tariff" : "New tariff"}
      description={tariff ? undefined : "A price list for calls, by destination prefix. Add rates after creating it, one by one or from a CSV file."}
    >
      <TariffForm tariff={tariff} submit={submit} onDone={onClose} />
    </Dialog>
  );
}

function TariffForm({ tariff, submit, onDone }: Pick<TariffFormDialogProps, "tariff" | "submit"> & { onDone: () => void }) {
  const toast = useToast();
  const form = useForm({
    resolver: zodResolver(ZCreateTariffInput),
    defaultValues: { name: tariff?.name ?? "", currency: tariff?.currency ?? "GBP", isDefault: false },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await submit(values);
      toast({ variant: "success", description: tariff ? `Saved ${values.name}.` : `${values.name} was created.` });
      onDone();
    } catch (err) {
      if (!applyServerFieldErrors(err, form.setError)) toast({ variant: "error", description: errorMessage(err) });
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      <TextField label="Name" autoComplete="off" error={errors.name?.message} {...form.register("name")} />
      <TextField
        label="Currency"
        hint="3-letter ISO 4217 code, such as GBP, EUR or USD"
        autoComplete="off"
        maxLength={3}
        className="max-w-40"
        error={errors.currency?.message}
        {...form.register("currency")}
      />
      {!tariff && (
        <label className="flex items-start gap-3 text-sm text-gray-900">
          <input type="checkbox" className="mt-0.5 size-4 rounded border-gray-300 accent-indigo-600" {...form.register("isDefault")} />
          <span>
            <span className="font-medium">Make this the default tariff</span>
            <span className="block text-gray-600">Rates calls of every customer without a tariff of their own.</span>
          </span>
        </label>
      )}
      <FormDialogFooter onCancel={onDone} isPending={isSubmitting} submitLabel={tariff ? "Save" : "Create tariff"} />
    </form>
  );
}

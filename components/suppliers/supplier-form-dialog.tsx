"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Dialog } from "@/components/ui/dialog";
import { applyServerFieldErrors, errorMessage } from "@/components/ui/errors";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { SelectField, TextField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import { DEFAULT_BASE_URLS, SUPPLIER_KINDS, SUPPLIER_LABELS, ZSaveSupplierInput, type TSaveSupplierInput } from "@/server/modules/numbers/suppliers/schema";

export type SupplierView = { id: string; kind: "TELNYX"; name: string; baseUrl: string; apiKeyHint: string; isEnabled: boolean; numbers: number };

type Props = { open: boolean; onClose: () => void; supplier?: SupplierView; submit: (values: TSaveSupplierInput) => Promise<unknown> };

export function SupplierFormDialog({ open, onClose, supplier, submit }: Props) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={supplier ? `Edit ${supplier.name}` : "Add a supplier"}
      description="Numbers customers buy that are not in your stock are ordered here. The API key is stored encrypted and never shown again."
    >
      <SupplierForm supplier={supplier} submit={submit} onDone={onClose} />
    </Dialog>
  );
}

function SupplierForm({ supplier, submit, onDone }: Pick<Props, "supplier" | "submit"> & { onDone: () => void }) {
  const toast = useToast();
  const form = useForm({
    resolver: zodResolver(ZSaveSupplierInput),
    defaultValues: { id: supplier?.id, kind: supplier?.kind ?? "TELNYX", name: supplier?.name ?? "Telnyx", baseUrl: supplier?.baseUrl ?? DEFAULT_BASE_URLS.TELNYX, apiKey: "", isEnabled: supplier?.isEnabled ?? true },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await submit(values);
      toast({ variant: "success", description: `Saved ${values.name}.` });
      onDone();
    } catch (err) {
      if (!applyServerFieldErrors(err, form.setError)) toast({ variant: "error", description: errorMessage(err) });
    }
  });
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      <SelectField label="Vendor" options={SUPPLIER_KINDS.map((k) => ({ value: k, label: SUPPLIER_LABELS[k] }))} error={errors.kind?.message} {...form.register("kind")} />
      <TextField label="Name" autoComplete="off" error={errors.name?.message} {...form.register("name")} />
      <TextField label="API address" hint="Telnyx: https://api.telnyx.com/v2" autoComplete="off" error={errors.baseUrl?.message} {...form.register("baseUrl")} />
      <TextField
        label="API key"
        type="password"
        autoComplete="new-password"
        hint={supplier ? `Stored: ${supplier.apiKeyHint}. Leave empty to keep it.` : "From the vendor's portal (Telnyx: Auth → API Keys)."}
        error={errors.apiKey?.message}
        {...form.register("apiKey")}
      />
      <label className="flex items-start gap-3 text-sm text-gray-900">
        <input type="checkbox" className="mt-0.5 size-4 rounded border-gray-300 accent-indigo-600" {...form.register("isEnabled")} />
        <span>
          <span className="font-medium">Order numbers through this supplier</span>
          <span className="block text-gray-600">When off, its numbers are no longer offered; numbers already bought are still released through it.</span>
        </span>
      </label>
      <FormDialogFooter onCancel={onDone} isPending={isSubmitting} submitLabel={supplier ? "Save" : "Add supplier"} />
    </form>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Dialog } from "@/components/ui/dialog";
import { applyServerFieldErrors, errorMessage } from "@/components/ui/errors";
import { TextField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import { ZUpdateCustomerInput, type TUpdateCustomerInput } from "@/server/modules/admin/schema";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";

type RenameCustomerDialogProps = {
  customer: { id: string; name: string } | null;
  onClose: () => void;
  submit: (values: TUpdateCustomerInput) => Promise<unknown>;
};

export function RenameCustomerDialog({ customer, onClose, submit }: RenameCustomerDialogProps) {
  return (
    <Dialog open={customer !== null} onClose={onClose} title="Rename customer" size="sm">
      {customer && <RenameForm customer={customer} submit={submit} onDone={onClose} />}
    </Dialog>
  );
}

function RenameForm({ customer, submit, onDone }: { customer: { id: string; name: string }; submit: RenameCustomerDialogProps["submit"]; onDone: () => void }) {
  const toast = useToast();
  const form = useForm({ resolver: zodResolver(ZUpdateCustomerInput), defaultValues: { id: customer.id, name: customer.name } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await submit(values);
      toast({ variant: "success", description: `Renamed to ${values.name}.` });
      onDone();
    } catch (err) {
      if (!applyServerFieldErrors(err, form.setError)) toast({ variant: "error", description: errorMessage(err) });
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      <TextField label="Company name" autoComplete="organization" error={errors.name?.message} {...form.register("name")} />
      <FormDialogFooter onCancel={onDone} isPending={isSubmitting} submitLabel="Save" />
    </form>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Dialog } from "@/components/ui/dialog";
import { applyServerFieldErrors, errorMessage } from "@/components/ui/errors";
import { TextField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import { ZCreateCustomerInput, type TCreateCustomerInput } from "@/server/modules/admin/schema";
import { AdminAccountFields } from "./admin-account-fields";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";

/** Customers and partners are created the same way: a name plus a first administrator. */
export type OrganisationInput = TCreateCustomerInput;

type OrganisationDialogProps = {
  open: boolean;
  onClose: () => void;
  title: string;
  description: string;
  nameLabel: string;
  submitLabel: string;
  /** Runs the mutation; rejects with the tRPC error so field errors land on the form. */
  submit: (values: OrganisationInput) => Promise<unknown>;
  successMessage: (values: OrganisationInput) => string;
};

export function OrganisationDialog({ open, onClose, title, description, ...formProps }: OrganisationDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title={title} description={description}>
      <OrganisationForm {...formProps} onDone={onClose} />
    </Dialog>
  );
}

type FormProps = Pick<OrganisationDialogProps, "nameLabel" | "submitLabel" | "submit" | "successMessage"> & { onDone: () => void };

function OrganisationForm({ nameLabel, submitLabel, submit, successMessage, onDone }: FormProps) {
  const toast = useToast();
  const form = useForm({
    resolver: zodResolver(ZCreateCustomerInput),
    defaultValues: { name: "", adminName: "", adminEmail: "", adminPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await submit(values);
      toast({ variant: "success", description: successMessage(values) });
      onDone();
    } catch (err) {
      if (!applyServerFieldErrors(err, form.setError)) toast({ variant: "error", description: errorMessage(err) });
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      <TextField label={nameLabel} autoComplete="organization" error={errors.name?.message} {...form.register("name")} />
      <fieldset className="space-y-4 rounded-lg border border-gray-200 p-4">
        <legend className="px-1 text-sm font-semibold text-gray-900">First administrator</legend>
        <AdminAccountFields
          register={{ adminName: form.register("adminName"), adminEmail: form.register("adminEmail"), adminPassword: form.register("adminPassword") }}
          errors={{ adminName: errors.adminName?.message, adminEmail: errors.adminEmail?.message, adminPassword: errors.adminPassword?.message }}
        />
      </fieldset>
      <FormDialogFooter onCancel={onDone} isPending={isSubmitting} submitLabel={submitLabel} />
    </form>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Dialog } from "@/components/ui/dialog";
import { applyServerFieldErrors, errorMessage } from "@/components/ui/errors";
import { useToast } from "@/components/ui/toast";
import { ZCreateCustomerAdminInput } from "@/server/modules/admin/schema";
import { AdminAccountFields } from "./admin-account-fields";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";

const ZAdminAccount = ZCreateCustomerAdminInput.omit({ tenantId: true });
export type AdminAccountInput = { adminName: string; adminEmail: string; adminPassword: string };

type AddAdminDialogProps = {
  /** Whom the admin is for, e.g. "Acme Ltd"; null keeps the dialog closed. */
  organisation: string | null;
  onClose: () => void;
  /** Runs the mutation; rejects with the tRPC error so field errors land on the form. */
  submit: (values: AdminAccountInput) => Promise<unknown>;
};

/** Adds another administrator to a customer or a partner. */
export function AddAdminDialog({ organisation, onClose, submit }: AddAdminDialogProps) {
  return (
    <Dialog
      open={organisation !== null}
      onClose={onClose}
      title="Add admin"
      description={organisation ? `A new administrator for ${organisation}. They can sign in straight away.` : undefined}
    >
      <AddAdminForm submit={submit} onDone={onClose} />
    </Dialog>
  );
}

function AddAdminForm({ submit, onDone }: { submit: AddAdminDialogProps["submit"]; onDone: () => void }) {
  const toast = useToast();
  const form = useForm({ resolver: zodResolver(ZAdminAccount), defaultValues: { adminName: "", adminEmail: "", adminPassword: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await submit(values);
      toast({ variant: "success", description: `${values.adminName} was added as an administrator.` });
      onDone();
    } catch (err) {
      if (!applyServerFieldErrors(err, form.setError)) toast({ variant: "error", description: errorMessage(err) });
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      <AdminAccountFields
        register={{ adminName: form.register("adminName"), adminEmail: form.register("adminEmail"), adminPassword: form.register("adminPassword") }}
        errors={{ adminName: errors.adminName?.message, adminEmail: errors.adminEmail?.message, adminPassword: errors.adminPassword?.message }}
      />
      <FormDialogFooter onCancel={onDone} isPending={isSubmitting} submitLabel="Add admin" />
    </form>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Dialog } from "@/components/ui/dialog";
import { applyServerFieldErrors, errorMessage } from "@/components/ui/errors";
import { SelectField, TextField } from "@/components/ui/form-field";
import { LOCALE_CHOICES } from "@/components/format/settings";
import { useToast } from "@/components/ui/toast";
import { ZCreatePartnerInput, type TCreatePartnerInput } from "@/server/modules/admin/schema";
import { AdminAccountFields } from "./admin-account-fields";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";

/**
 * Customers and partners are created the same way: a name plus a first administrator; a
 * partner also gets the locale and time zone its people and customers read dates in.
 */
export type OrganisationInput = TCreatePartnerInput;

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
  /** Partners: ask for the locale and time zone too. */
  hasFormatSettings?: boolean;
};

export function OrganisationDialog({ open, onClose, title, description, ...formProps }: OrganisationDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title={title} description={description}>
      <OrganisationForm {...formProps} onDone={onClose} />
    </Dialog>
  );
}

type FormProps = Pick<OrganisationDialogProps, "nameLabel" | "submitLabel" | "submit" | "successMessage" | "hasFormatSettings"> & { onDone: () => void };

function OrganisationForm({ nameLabel, submitLabel, submit, successMessage, hasFormatSettings = false, onDone }: FormProps) {
  const toast = useToast();
  const form = useForm({
    // The partner schema: for customers the two extra fields stay empty and are left out.
    resolver: zodResolver(ZCreatePartnerInput),
    defaultValues: { name: "", adminName: "", adminEmail: "", adminPassword: "", ...(hasFormatSettings ? { locale: "en-GB", timeZone: "Europe/London" } : {}) },
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
      {hasFormatSettings && (
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Locale" hint="How dates, money and numbers are written" options={LOCALE_CHOICES} error={errors.locale?.message} {...form.register("locale")} />
          <TextField label="Time zone" hint="IANA name, such as Europe/London" autoComplete="off" spellCheck={false} error={errors.timeZone?.message} {...form.register("timeZone")} />
        </div>
      )}
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

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Dialog } from "@/components/ui/dialog";
import { applyServerFieldErrors, errorMessage } from "@/components/ui/errors";
import { TextField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import { ZUpdateCustomerInput, type TUpdateCustomerInput } from "@/server/modules/admin/schema";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";

/** What this runtime's Intl knows, offered as suggestions; the server checks the value again. */
const TIME_ZONES: readonly string[] = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];

type RenameCustomerDialogProps = {
  customer: { id: string; name: string; timeZone: string } | null;
  onClose: () => void;
  submit: (values: TUpdateCustomerInput) => Promise<unknown>;
};

/** The customer's name and time zone, as its partner sets them. */
export function RenameCustomerDialog({ customer, onClose, submit }: RenameCustomerDialogProps) {
  return (
    <Dialog open={customer !== null} onClose={onClose} title="Edit customer" size="sm">
      {customer && <RenameForm customer={customer} submit={submit} onDone={onClose} />}
    </Dialog>
  );
}

function RenameForm({ customer, submit, onDone }: { customer: { id: string; name: string; timeZone: string }; submit: RenameCustomerDialogProps["submit"]; onDone: () => void }) {
  const toast = useToast();
  const form = useForm({ resolver: zodResolver(ZUpdateCustomerInput), defaultValues: { id: customer.id, name: customer.name, timeZone: customer.timeZone } });
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
      <TextField label="Company name" autoComplete="organization" error={errors.name?.message} {...form.register("name")} />
      <TextField
        label="Time zone"
        hint="IANA name, such as Europe/London. The company's dates and times, its 'today', and time-based call routing follow it."
        list="time-zones"
        autoComplete="off"
        spellCheck={false}
        error={errors.timeZone?.message}
        {...form.register("timeZone")}
      />
      <datalist id="time-zones">
        {TIME_ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <FormDialogFooter onCancel={onDone} isPending={isSubmitting} submitLabel="Save" />
    </form>
  );
}

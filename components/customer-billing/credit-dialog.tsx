"use client";

import { useFormat } from "@/components/format/format-provider";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { newIdempotencyKey } from "@/components/billing/idempotency-key";
import { Dialog } from "@/components/ui/dialog";
import { applyServerFieldErrors, errorMessage } from "@/components/ui/errors";
import { TextField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import { ZCreditInput, type TCreditInput } from "@/server/modules/billing/schema";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";

const ZCreditFields = ZCreditInput.pick({ amount: true, reason: true });

type CreditDialogProps = {
  customer: { id: string; name: string } | null;
  currency: string;
  onClose: () => void;
  /** Rejects with the tRPC error so field errors land on the form. */
  submit: (input: TCreditInput) => Promise<unknown>;
};

/** A manual credit, e.g. when card payments are off. Audited with the reason given. */
export function CreditDialog({ customer, currency, onClose, submit }: CreditDialogProps) {
  return (
    <Dialog open={customer !== null} onClose={onClose} title={`Credit ${customer?.name ?? "customer"}`} description="Adds money to the customer's balance. It shows in their transactions with your reason.">
      {customer && <CreditForm customer={customer} currency={currency} submit={submit} onDone={onClose} />}
    </Dialog>
  );
}

function CreditForm({ customer, currency, submit, onDone }: { customer: { id: string; name: string }; currency: string; submit: CreditDialogProps["submit"]; onDone: () => void }) {
  const format = useFormat();
  const toast = useToast();
  // One key per opening of the dialog (the form mounts per open): a double submit or a retry
  // after a lost response credits once, while a second, deliberate credit gets a new key.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const form = useForm({ resolver: zodResolver(ZCreditFields), defaultValues: { amount: "", reason: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await submit({ tenantId: customer.id, idempotencyKey, ...values });
      toast({ variant: "success", description: `Credited ${format.money(values.amount, currency)} to ${customer.name}.` });
      onDone();
    } catch (err) {
      if (!applyServerFieldErrors(err, form.setError, ["amount", "reason"])) toast({ variant: "error", description: errorMessage(err) });
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      <TextField label={`Amount (${currency})`} hint="Such as 10 or 10.50" inputMode="decimal" autoComplete="off" className="max-w-48" error={errors.amount?.message} {...form.register("amount")} />
      <TextField label="Reason" hint="Shown to the customer and kept in the audit log" autoComplete="off" error={errors.reason?.message} {...form.register("reason")} />
      <FormDialogFooter onCancel={onDone} isPending={isSubmitting} submitLabel="Credit account" />
    </form>
  );
}

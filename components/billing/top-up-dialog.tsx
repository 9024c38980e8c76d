"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { useTRPC } from "@/components/providers/trpc-react";
import { Dialog } from "@/components/ui/dialog";
import { applyServerFieldErrors, errorMessage } from "@/components/ui/errors";
import { TextField } from "@/components/ui/form-field";
import { AlertIcon } from "@/components/ui/icons";
import { TOP_UP_MAX, TOP_UP_MIN, ZTopUpInput } from "@/server/modules/billing/schema";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";

type TopUpDialogProps = { open: boolean; onClose: () => void; currency: string; suggestedAmount?: string };

/**
 * Top up by card: the server opens a Stripe Checkout Session and we leave for its page. The
 * balance changes only when Stripe's webhook confirms payment, so nothing is updated here.
 */
export function TopUpDialog({ open, onClose, currency, suggestedAmount }: TopUpDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title="Top up your balance" description="You pay by card on Stripe's secure page and come back here afterwards.">
      <TopUpForm onCancel={onClose} currency={currency} suggestedAmount={suggestedAmount} />
    </Dialog>
  );
}

function TopUpForm({ onCancel, currency, suggestedAmount }: { onCancel: () => void; currency: string; suggestedAmount?: string }) {
  const trpc = useTRPC();
  const form = useForm({ resolver: zodResolver(ZTopUpInput), defaultValues: { amount: suggestedAmount ?? "25" } });
  const topUp = useMutation(
    trpc.billing.topUp.mutationOptions({
      // Full navigation: Checkout is another site, and the return URL reloads /billing anyway.
      onSuccess: ({ url }) => window.location.assign(url),
      onError: (err) => applyServerFieldErrors(err, form.setError, ["amount"]),
    }),
  );
  const isRedirecting = topUp.isSuccess;
  const onSubmit = form.handleSubmit((values) => topUp.mutate(values));
  const { errors } = form.formState;

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      <TextField
        label={`Amount (${currency})`}
        hint={`From ${TOP_UP_MIN} to ${TOP_UP_MAX}, such as 25 or 25.50`}
        inputMode="decimal"
        autoComplete="off"
        className="max-w-48"
        error={errors.amount?.message}
        {...form.register("amount")}
      />
      {topUp.isError && !errors.amount && (
        <p role="alert" className="flex items-start gap-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          <AlertIcon className="size-5 shrink-0" />
          <span>{errorMessage(topUp.error)}</span>
        </p>
      )}
      {isRedirecting && (
        <p role="status" className="text-sm text-gray-700">
          Opening the secure payment page…
        </p>
      )}
      <FormDialogFooter onCancel={onCancel} isPending={topUp.isPending || isRedirecting} submitLabel="Continue to payment" />
    </form>
  );
}

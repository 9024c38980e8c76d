"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { CreditCard } from "@/components/billing/credit-card";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/ui/errors";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { ZCreditLimitInput } from "@/server/modules/billing/schema";

/**
 * The partner's control of a customer's call credit (issue 13): prepaid or not, and how far
 * below zero its balance may go. The customer's own view of it is the same card, read-only.
 */
export function CustomerCreditCard({ customer }: { customer: { id: string; name: string } }) {
  const trpc = useTRPC();
  const credit = useQuery(trpc.admin.billing.creditState.queryOptions({ tenantId: customer.id }));
  if (credit.isPending) return <Skeleton className="h-40 w-full" />;
  if (credit.isError) return <QueryError error={credit.error} onRetry={() => credit.refetch()} />;
  return (
    <CreditCard credit={credit.data}>
      <CreditLimitForm key={`${credit.data.isPrepaid}-${credit.data.creditLimit}`} tenantId={customer.id} currency={credit.data.currency} isPrepaid={credit.data.isPrepaid} creditLimit={credit.data.creditLimit} />
    </CreditCard>
  );
}

function CreditLimitForm({ tenantId, currency, ...initial }: { tenantId: string; currency: string; isPrepaid: boolean; creditLimit: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [isPrepaid, setPrepaid] = useState(initial.isPrepaid);
  const [creditLimit, setCreditLimit] = useState(initial.creditLimit);
  const [error, setError] = useState<string | undefined>();
  const save = useMutation(
    trpc.admin.billing.setCreditLimit.mutationOptions({
      onSuccess: async () => {
        toast({ variant: "success", description: "Credit settings saved. Calls follow them at once." });
        await Promise.all([
          queryClient.invalidateQueries(trpc.admin.billing.creditState.pathFilter()),
          queryClient.invalidateQueries(trpc.admin.audit.find.pathFilter()),
        ]);
      },
      onError: (err) => setError(errorMessage(err)),
    }),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZCreditLimitInput.safeParse({ tenantId, isPrepaid, creditLimit });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Check the credit limit.");
    setError(undefined);
    save.mutate(parsed.data);
  };
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-4 border-t border-gray-200 pt-3" aria-label="Credit settings">
      <label className="flex items-center gap-2 text-sm text-gray-900">
        <input type="checkbox" checked={isPrepaid} onChange={(e) => setPrepaid(e.target.checked)} className="size-4" />
        Prepaid: stop outgoing calls when the credit is used up
      </label>
      <FormField label={`Credit limit (${currency})`} hint="How far below zero the balance may go for calls; 0 for none." error={error} className="w-56">
        {(control) => <Input {...control} inputMode="decimal" value={creditLimit} onChange={(e) => setCreditLimit(e.target.value)} />}
      </FormField>
      <Button type="submit" isLoading={save.isPending}>
        Save credit settings
      </Button>
    </form>
  );
}

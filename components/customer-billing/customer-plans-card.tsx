"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { errorMessage } from "@/components/ui/errors";
import { SelectField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import { ACCOUNT_TYPES, ACCOUNT_TYPE_LABELS, type TAccountType } from "@/server/modules/billing/schema";

type Plan = { id: string; name: string; accountType: TAccountType; isDefault: boolean; tenant: { id: string; name: string } | null };

/** Empty value: no plan of its own, so the partner's default prices this type. */
const DEFAULT_VALUE = "";

/** The customer's own account plan per type; saved per type, since it changes what they pay. */
export function CustomerPlansCard({ customer }: { customer: { id: string; name: string } }) {
  const trpc = useTRPC();
  const plans = useQuery(trpc.accountPlan.find.queryOptions());
  return (
    <Card title="Customer's own plan" description="Give this customer its own prices for a type of account; otherwise your default plan applies. New purchases use it at once.">
      {plans.isError ? (
        <p role="alert" className="text-sm text-red-700">{errorMessage(plans.error)}</p>
      ) : plans.isPending ? (
        <p className="text-sm text-gray-600">Loading plans…</p>
      ) : plans.data.length === 0 ? (
        <p className="text-sm text-gray-600">
          You have no account plans yet. <Link href="/admin/plans" className="font-medium text-indigo-700 hover:underline">Create one</Link>.
        </p>
      ) : (
        <div className="space-y-4">
          {ACCOUNT_TYPES.map((type) => (
            <PlanChoice key={type} customer={customer} accountType={type} plans={plans.data.filter((p) => p.accountType === type)} />
          ))}
        </div>
      )}
    </Card>
  );
}

function PlanChoice({ customer, accountType, plans }: { customer: { id: string; name: string }; accountType: TAccountType; plans: Plan[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const current = plans.find((p) => p.tenant?.id === customer.id)?.id ?? DEFAULT_VALUE;
  const [selected, setSelected] = useState(current);
  const assign = useMutation(
    trpc.accountPlan.assignToCustomer.mutationOptions({
      onSuccess: async () => {
        await Promise.all([queryClient.invalidateQueries(trpc.accountPlan.find.pathFilter()), queryClient.invalidateQueries(trpc.admin.audit.find.pathFilter())]);
        toast({ variant: "success", description: `Saved the ${ACCOUNT_TYPE_LABELS[accountType].toLowerCase()} plan for ${customer.name}.` });
      },
      onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
    }),
  );
  const fallback = plans.find((p) => p.isDefault);
  // A plan another customer holds, or the default itself, cannot be given to this one.
  const choices = plans.filter((p) => !p.isDefault && (!p.tenant || p.tenant.id === customer.id));
  const options = [
    { value: DEFAULT_VALUE, label: fallback ? `Your default (${fallback.name})` : "Your default (none set)" },
    ...choices.map((p) => ({ value: p.id, label: p.name })),
  ];
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    assign.mutate({ tenantId: customer.id, accountType, planId: selected === DEFAULT_VALUE ? null : selected });
  };
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <SelectField label={ACCOUNT_TYPE_LABELS[accountType]} className="w-full sm:max-w-sm" options={options} value={selected} onChange={(e) => setSelected(e.target.value)} />
      <Button type="submit" variant="secondary" isLoading={assign.isPending} disabled={selected === current} aria-label={`Save ${ACCOUNT_TYPE_LABELS[accountType].toLowerCase()} plan`}>
        Save
      </Button>
    </form>
  );
}

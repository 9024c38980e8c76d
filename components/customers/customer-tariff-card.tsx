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

/** Empty value = no tariff of its own: the customer is rated by the partner's default. */
const DEFAULT_VALUE = "";

/** Which tariff rates this customer's calls; saved explicitly, since it changes what they pay. */
export function CustomerTariffCard({ customer }: { customer: { id: string; name: string; tariffId: string | null } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const tariffs = useQuery(trpc.tariff.find.queryOptions());
  const [selected, setSelected] = useState(customer.tariffId ?? DEFAULT_VALUE);
  const assign = useMutation(
    trpc.tariff.assignToCustomer.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries(trpc.admin.customer.get.pathFilter()),
          queryClient.invalidateQueries(trpc.tariff.find.pathFilter()),
          queryClient.invalidateQueries(trpc.admin.audit.find.pathFilter()),
        ]);
        toast({ variant: "success", description: `Saved the tariff for ${customer.name}.` });
      },
      onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
    }),
  );

  const list = tariffs.data ?? [];
  const fallback = list.find((t) => t.isDefault);
  const options = [
    { value: DEFAULT_VALUE, label: fallback ? `Partner default (${fallback.name})` : "Partner default (none set)" },
    ...list.map((t) => ({ value: t.id, label: `${t.name} · ${t.currency}` })),
  ];
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    assign.mutate({ tenantId: customer.id, tariffId: selected === DEFAULT_VALUE ? null : selected });
  };

  return (
    <Card title="Tariff" description="The price list that rates this customer's calls. The longest matching prefix wins.">
      {tariffs.isError ? (
        <p role="alert" className="text-sm text-red-700">{errorMessage(tariffs.error)}</p>
      ) : list.length === 0 && !tariffs.isPending ? (
        <p className="text-sm text-gray-600">
          You have no tariffs yet. <Link href="/admin/tariffs" className="font-medium text-indigo-700 hover:underline">Create one</Link> to rate calls.
        </p>
      ) : (
        <form onSubmit={onSubmit} className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <SelectField label="Tariff" className="w-full sm:max-w-sm" options={options} value={selected} onChange={(e) => setSelected(e.target.value)} disabled={tariffs.isPending} />
          <Button type="submit" variant="secondary" isLoading={assign.isPending} disabled={selected === (customer.tariffId ?? DEFAULT_VALUE)}>
            Save tariff
          </Button>
        </form>
      )}
    </Card>
  );
}

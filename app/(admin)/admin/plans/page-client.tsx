"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { PlanFormDialog } from "@/components/account-plans/plan-form";
import { PlansList, type PlanRow } from "@/components/account-plans/plans-list";
import { RepricePolicyCard } from "@/components/account-plans/reprice-policy-card";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorMessage } from "@/components/ui/errors";
import { PlusIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";

export function PlansPageClient() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const plans = useQuery(trpc.accountPlan.find.queryOptions());
  const policy = useQuery(trpc.accountPlan.getPolicy.queryOptions());
  const [isCreating, setCreating] = useState(false);
  const [editing, setEditing] = useState<PlanRow | null>(null);
  const [deleting, setDeleting] = useState<PlanRow | null>(null);

  const refresh = () => queryClient.invalidateQueries(trpc.accountPlan.find.pathFilter());
  const create = useMutation(trpc.accountPlan.create.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.accountPlan.update.mutationOptions({ onSuccess: refresh }));
  const setDefault = useMutation(
    trpc.accountPlan.setDefault.mutationOptions({
      onSuccess: async (plan) => {
        await refresh();
        toast({ variant: "success", description: `${plan.name} is now the default.` });
      },
      onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
    }),
  );
  const remove = useMutation(
    trpc.accountPlan.delete.mutationOptions({
      onSuccess: async () => {
        await refresh();
        toast({ variant: "success", description: `${deleting?.name ?? "The plan"} was deleted.` });
        setDeleting(null);
      },
      onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
    }),
  );

  if (plans.isPending) return <TableSkeleton label="Loading account plans" />;
  if (plans.isError) return <QueryError error={plans.error} onRetry={() => plans.refetch()} />;
  const currency = policy.data?.currency ?? "GBP";

  return (
    <>
      <PageHeader
        title="Account plans"
        description="What your customers pay each month per SIP account, by volume. The default plan of a type prices every customer without a plan of its own."
        actions={
          <Button onClick={() => setCreating(true)}>
            <PlusIcon className="size-4" /> New plan
          </Button>
        }
      />
      <div className="space-y-8">
        <RepricePolicyCard />
        <PlansList
          plans={plans.data}
          onEdit={setEditing}
          onMakeDefault={(plan) => setDefault.mutate({ id: plan.id })}
          onDelete={setDeleting}
          pendingDefaultId={setDefault.isPending ? (setDefault.variables?.id ?? null) : null}
        />
      </div>

      <PlanFormDialog open={isCreating} onClose={() => setCreating(false)} defaultCurrency={currency} submit={(values) => create.mutateAsync(values)} />
      <PlanFormDialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        plan={editing ?? undefined}
        defaultCurrency={currency}
        submit={(values) => {
          const { accountType: _type, isDefault: _isDefault, ...fields } = values;
          return update.mutateAsync({ id: editing?.id ?? "", ...fields });
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        isPending={remove.isPending}
        isDanger
        title="Delete plan?"
        description={
          <>
            <strong className="font-semibold text-gray-900">{deleting?.name}</strong> will be removed.
            {deleting?.tenant ? ` ${deleting.tenant.name} goes back to your default plan.` : ""} Accounts already bought keep their price.
          </>
        }
        confirmLabel="Delete plan"
      />
    </>
  );
}

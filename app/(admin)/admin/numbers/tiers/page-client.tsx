"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { QueryError } from "@/components/layout/query-error";
import { TierFormDialog } from "@/components/numbers-admin/tier-form-dialog";
import { TierTryBox } from "@/components/numbers-admin/tier-try-box";
import { TiersTable } from "@/components/numbers-admin/tiers-table";
import type { TierRow } from "@/components/numbers-admin/types";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage } from "@/components/ui/errors";
import { LayersIcon, PlusIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";

type DialogState = { kind: "form"; tier?: TierRow } | { kind: "delete"; tier: TierRow } | null;

/** Gold / silver / bronze: pattern rules that add premiums to a number's price. */
export function TiersPageClient() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const tiers = useQuery(trpc.didTier.find.queryOptions());
  const [dialog, setDialog] = useState<DialogState>(null);
  const close = () => setDialog(null);
  // The stock list shows tiers and prices, so it is stale after any tier change too.
  const refresh = () => Promise.all([queryClient.invalidateQueries(trpc.didTier.find.pathFilter()), queryClient.invalidateQueries(trpc.didInventory.find.pathFilter())]);
  const create = useMutation(trpc.didTier.create.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.didTier.update.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.didTier.delete.mutationOptions({
      onSuccess: async () => (await refresh(), close(), toast({ variant: "success", description: "The tier is deleted; its numbers are standard now." })),
      onError: (err) => (close(), toast({ variant: "error", description: errorMessage(err) })),
    }),
  );

  const newButton = (
    <Button onClick={() => setDialog({ kind: "form" })}>
      <PlusIcon className="size-4" /> New tier
    </Button>
  );
  const currency = tiers.data?.currency ?? "GBP";
  const editing = dialog?.kind === "form" ? dialog.tier : undefined;
  return (
    <>
      <PageHeader title="Number tiers" description="Memorable numbers cost more. A number in several tiers takes the highest-ranked one." actions={newButton} />
      {tiers.isPending ? (
        <TableSkeleton label="Loading tiers" />
      ) : tiers.isError ? (
        <QueryError error={tiers.error} onRetry={() => tiers.refetch()} />
      ) : tiers.data.tiers.length === 0 ? (
        <EmptyState icon={<LayersIcon className="size-6" />} title="No tiers yet" description="Every number is priced at its own base price until you define tiers such as Gold and Silver." action={newButton} />
      ) : (
        <div className="space-y-6">
          <TiersTable tiers={tiers.data.tiers} currency={currency} onEdit={(tier) => setDialog({ kind: "form", tier })} onDelete={(tier) => setDialog({ kind: "delete", tier })} />
          <TierTryBox tiers={tiers.data.tiers} currency={currency} />
        </div>
      )}
      <TierFormDialog
        open={dialog?.kind === "form"}
        onClose={close}
        currency={currency}
        tier={editing}
        tiers={tiers.data?.tiers ?? []}
        submit={(values) => (editing ? update.mutateAsync({ id: editing.id, ...values }) : create.mutateAsync(values))}
      />
      <ConfirmDialog
        open={dialog?.kind === "delete"}
        onClose={close}
        onConfirm={() => dialog?.kind === "delete" && remove.mutate({ id: dialog.tier.id })}
        title="Delete this tier?"
        description={dialog?.kind === "delete" ? `Numbers in ${dialog.tier.name} fall to the next tier they match, or become standard. Numbers already sold keep their price.` : null}
        confirmLabel="Delete tier"
        isDanger
        isPending={remove.isPending}
      />
    </>
  );
}

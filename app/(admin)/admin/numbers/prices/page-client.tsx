"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useFormat } from "@/components/format/format-provider";
import { countryName } from "@/components/format/phone-display";
import { QueryError } from "@/components/layout/query-error";
import { PriceFormDialog } from "@/components/numbers-admin/price-form-dialog";
import { PricesTable } from "@/components/numbers-admin/prices-table";
import type { DidPriceRow } from "@/components/numbers-admin/types";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage } from "@/components/ui/errors";
import { PlusIcon, TagIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";

type DialogState = { kind: "form"; price?: DidPriceRow } | { kind: "delete"; price: DidPriceRow } | null;

/** Base prices per country for numbers ordered from suppliers; a country without one is not offered. */
export function PricesPageClient() {
  const trpc = useTRPC();
  const format = useFormat();
  const queryClient = useQueryClient();
  const toast = useToast();
  const prices = useQuery(trpc.didPrice.find.queryOptions());
  const [dialog, setDialog] = useState<DialogState>(null);
  const close = () => setDialog(null);
  const refresh = () => queryClient.invalidateQueries(trpc.didPrice.find.pathFilter());
  const upsert = useMutation(trpc.didPrice.upsert.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.didPrice.delete.mutationOptions({
      onSuccess: async () => (await refresh(), close(), toast({ variant: "success", description: "The country is no longer offered from suppliers." })),
      onError: (err) => (close(), toast({ variant: "error", description: errorMessage(err) })),
    }),
  );
  const newButton = (
    <Button onClick={() => setDialog({ kind: "form" })}>
      <PlusIcon className="size-4" /> Price a country
    </Button>
  );
  return (
    <>
      <PageHeader title="Number prices" description="What customers pay for numbers ordered from your suppliers, before any tier premium. Your own stock carries its own prices." actions={newButton} />
      {prices.isPending ? (
        <TableSkeleton label="Loading prices" />
      ) : prices.isError ? (
        <QueryError error={prices.error} onRetry={() => prices.refetch()} />
      ) : prices.data.prices.length === 0 ? (
        <EmptyState icon={<TagIcon className="size-6" />} title="No countries priced" description="Customers can buy supplier numbers only in the countries you price here." action={newButton} />
      ) : (
        <PricesTable prices={prices.data.prices} onEdit={(price) => setDialog({ kind: "form", price })} onDelete={(price) => setDialog({ kind: "delete", price })} />
      )}
      <PriceFormDialog
        open={dialog?.kind === "form"}
        onClose={close}
        currency={prices.data?.currency ?? "GBP"}
        price={dialog?.kind === "form" ? dialog.price : undefined}
        submit={(values) => upsert.mutateAsync(values)}
      />
      <ConfirmDialog
        open={dialog?.kind === "delete"}
        onClose={close}
        onConfirm={() => dialog?.kind === "delete" && remove.mutate({ countryIso: dialog.price.countryIso })}
        title="Stop offering this country?"
        description={dialog?.kind === "delete" ? `Customers will no longer be offered supplier numbers in ${countryName(dialog.price.countryIso, format.locale)}. Numbers they have are not affected.` : null}
        confirmLabel="Delete price"
        isDanger
        isPending={remove.isPending}
      />
    </>
  );
}

"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatInternational } from "@/components/format/phone-display";
import { QueryError } from "@/components/layout/query-error";
import { DidFormDialog } from "@/components/numbers-admin/did-form-dialog";
import { ImportDidsDialog } from "@/components/numbers-admin/import-dids-dialog";
import { InventoryFilters, NO_FILTERS, type InventoryFilterValues } from "@/components/numbers-admin/inventory-filters";
import { InventoryTable } from "@/components/numbers-admin/inventory-table";
import type { DidRow } from "@/components/numbers-admin/types";
import { useTRPC } from "@/components/providers/trpc-react";
import { Pager } from "@/components/tariffs/pager";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage } from "@/components/ui/errors";
import { HashIcon, PlusIcon, UploadIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { useDebounced } from "@/components/ui/use-debounced";

type DialogState = { kind: "add" | "import" } | { kind: "edit" | "retire"; did: DidRow } | null;

/** The partner's number stock: search and filters, add, import, edit and retire. */
export function InventoryPageClient() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [filters, setFilters] = useState<InventoryFilterValues>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const search = useDebounced(filters.search.trim(), 250);
  // Empty filters are left out, so the first page's key is the one the server prefetched.
  const input = {
    sort: filters.sort,
    page,
    ...(search ? { search } : {}),
    ...(filters.state ? { state: filters.state } : {}),
    ...(filters.countryIso ? { countryIso: filters.countryIso } : {}),
    ...(filters.tierId ? { tierId: filters.tierId } : {}),
  };
  const dids = useQuery({ ...trpc.didInventory.find.queryOptions(input), placeholderData: keepPreviousData });
  const tiers = useQuery(trpc.didTier.find.queryOptions());
  const [dialog, setDialog] = useState<DialogState>(null);
  const close = () => setDialog(null);

  const refresh = () => queryClient.invalidateQueries(trpc.didInventory.find.pathFilter());
  const create = useMutation(trpc.didInventory.create.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.didInventory.update.mutationOptions({ onSuccess: refresh }));
  const importDids = useMutation(trpc.didInventory.import.mutationOptions({ onSuccess: (r) => (r.imported > 0 ? refresh() : undefined) }));
  const retire = useMutation(
    trpc.didInventory.retire.mutationOptions({
      onSuccess: async () => (await refresh(), close(), toast({ variant: "success", description: "The number is retired." })),
      onError: (err) => (close(), toast({ variant: "error", description: errorMessage(err) })),
    }),
  );
  const onFilters = (next: InventoryFilterValues) => (setFilters(next), setPage(1));

  const currency = dids.data?.currency ?? "GBP";
  const actions = (
    <>
      <Button variant="secondary" onClick={() => setDialog({ kind: "import" })}>
        <UploadIcon className="size-4" /> Import CSV
      </Button>
      <Button onClick={() => setDialog({ kind: "add" })}>
        <PlusIcon className="size-4" /> Add number
      </Button>
    </>
  );
  const isFiltered = JSON.stringify({ ...filters, sort: "newest" }) !== JSON.stringify(NO_FILTERS);

  return (
    <>
      <PageHeader title="Numbers" description="Your stock of numbers: prices include each number's tier premium. Customers buy available numbers." actions={actions} />
      <InventoryFilters value={filters} onChange={onFilters} tiers={tiers.data?.tiers ?? []} />
      {dids.isPending ? (
        <TableSkeleton label="Loading numbers" />
      ) : dids.isError ? (
        <QueryError error={dids.error} onRetry={() => dids.refetch()} />
      ) : dids.data.items.length === 0 ? (
        <EmptyState
          icon={<HashIcon className="size-6" />}
          title={isFiltered ? "No numbers match" : "No numbers in stock yet"}
          description={isFiltered ? "Try another search or clear the filters." : "Add numbers one by one, or import a CSV sheet of them."}
          action={isFiltered ? <Button variant="secondary" onClick={() => onFilters(NO_FILTERS)}>Clear filters</Button> : actions}
        />
      ) : (
        <>
          <InventoryTable dids={dids.data.items} onEdit={(did) => setDialog({ kind: "edit", did })} onRetire={(did) => setDialog({ kind: "retire", did })} />
          <Pager page={dids.data.page} pageCount={dids.data.pageCount} total={dids.data.total} noun="numbers" onPage={setPage} />
        </>
      )}
      <DidFormDialog
        open={dialog?.kind === "add" || dialog?.kind === "edit"}
        onClose={close}
        currency={currency}
        did={dialog?.kind === "edit" ? dialog.did : undefined}
        create={(values) => create.mutateAsync(values)}
        update={(values) => update.mutateAsync(values)}
      />
      <ImportDidsDialog open={dialog?.kind === "import"} onClose={close} currency={currency} submit={(values) => importDids.mutateAsync(values)} />
      <ConfirmDialog
        open={dialog?.kind === "retire"}
        onClose={close}
        onConfirm={() => dialog?.kind === "retire" && retire.mutate({ id: dialog.did.id })}
        title="Retire this number?"
        description={dialog?.kind === "retire" ? `${formatInternational(dialog.did.number)} is taken off sale for good. It stays in the list as retired.` : null}
        confirmLabel="Retire number"
        isDanger
        isPending={retire.isPending}
      />
    </>
  );
}

"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { ImportRatesDialog } from "@/components/tariffs/import-rates-dialog";
import { Pager } from "@/components/tariffs/pager";
import { RateFormDialog, type RateRow } from "@/components/tariffs/rate-form-dialog";
import { RatesTable } from "@/components/tariffs/rates-table";
import { TariffFormDialog } from "@/components/tariffs/tariff-form-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage } from "@/components/ui/errors";
import { ChevronLeftIcon, PlusIcon, SearchIcon, UploadIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { useDebounced } from "@/components/ui/use-debounced";

type DialogState = { kind: "edit" | "import" | "delete" | "default" } | { kind: "rate"; rate?: RateRow } | { kind: "deleteRate"; rate: RateRow } | null;

export function TariffPageClient({ tariffId }: { tariffId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [searchText, setSearchText] = useState("");
  const [page, setPage] = useState(1);
  const prefixSearch = useDebounced(searchText.trim(), 250);
  const tariff = useQuery({
    ...trpc.tariff.get.queryOptions({ id: tariffId, page, ...(prefixSearch ? { prefixSearch } : {}) }),
    placeholderData: keepPreviousData,
  });
  const [dialog, setDialog] = useState<DialogState>(null);
  const close = () => setDialog(null);

  const refresh = () =>
    Promise.all([queryClient.invalidateQueries(trpc.tariff.get.pathFilter()), queryClient.invalidateQueries(trpc.tariff.find.pathFilter())]);
  const onError = (err: unknown) => toast({ variant: "error", description: errorMessage(err) });
  const update = useMutation(trpc.tariff.update.mutationOptions({ onSuccess: refresh }));
  const upsertRate = useMutation(trpc.tariff.rate.upsert.mutationOptions({ onSuccess: refresh }));
  const importRates = useMutation(trpc.tariff.importRates.mutationOptions({ onSuccess: (r) => (r.ok ? refresh() : undefined) }));
  const deleteRate = useMutation(trpc.tariff.rate.delete.mutationOptions({ onSuccess: async () => (await refresh(), close()), onError }));
  const setDefault = useMutation(
    trpc.tariff.setDefault.mutationOptions({
      onSuccess: async (t) => (await refresh(), close(), toast({ variant: "success", description: `${t.name} is now the default tariff.` })),
      onError,
    }),
  );
  const remove = useMutation(
    trpc.tariff.delete.mutationOptions({
      onSuccess: async () => (await queryClient.invalidateQueries(trpc.tariff.find.pathFilter()), router.push("/admin/tariffs")),
      onError: (err) => (close(), onError(err)),
    }),
  );

  const back = (
    <Link href="/admin/tariffs" className="inline-flex items-center gap-1 rounded text-sm font-medium text-gray-600 hover:text-gray-900 focus-visible:outline-2 focus-visible:outline-indigo-600">
      <ChevronLeftIcon className="size-4" /> Tariffs
    </Link>
  );
  if (tariff.isPending) return <TableSkeleton label="Loading tariff" rows={8} />;
  if (tariff.isError) return <QueryError error={tariff.error} onRetry={() => tariff.refetch()} />;

  const t = tariff.data;
  const addButton = (
    <Button onClick={() => setDialog({ kind: "rate" })}>
      <PlusIcon className="size-4" /> Add rate
    </Button>
  );
  return (
    <>
      <PageHeader
        back={back}
        title={t.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {t.isDefault && <Badge tone="accent">Default</Badge>}
            {t.currency} · {t.customers} assigned customer{t.customers === 1 ? "" : "s"}
          </span>
        }
        actions={
          <>
            <Button variant="secondary" onClick={() => setDialog({ kind: "edit" })}>Edit</Button>
            {!t.isDefault && <Button variant="secondary" onClick={() => setDialog({ kind: "default" })}>Make default</Button>}
            <Button variant="secondary" onClick={() => setDialog({ kind: "import" })}>
              <UploadIcon className="size-4" /> Import CSV
            </Button>
            {addButton}
            <Button variant="danger" onClick={() => setDialog({ kind: "delete" })}>Delete</Button>
          </>
        }
      />
      <div className="relative mb-4 max-w-sm">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-gray-500" />
        <Input type="search" inputMode="tel" aria-label="Search rates by prefix" placeholder="Search by prefix, e.g. +447" value={searchText} onChange={(e) => (setSearchText(e.target.value), setPage(1))} className="pl-9" />
      </div>
      {t.total === 0 ? (
        prefixSearch ? (
          <EmptyState icon={<SearchIcon className="size-6" />} title="No matches" description={`No rate's prefix starts with “${prefixSearch}”.`} />
        ) : (
          <EmptyState title="No rates yet" description="Calls rated by this tariff cost nothing until it has rates. Add them one by one or import a CSV file." action={addButton} />
        )
      ) : (
        <div aria-busy={tariff.isFetching || undefined} className={tariff.isPlaceholderData ? "opacity-70" : undefined}>
          <RatesTable rates={t.rates} currency={t.currency} onEdit={(rate) => setDialog({ kind: "rate", rate })} onDelete={(rate) => setDialog({ kind: "deleteRate", rate })} />
          {t.pageCount > 1 && <Pager page={t.page} pageCount={t.pageCount} total={t.total} noun="rates" onPage={setPage} />}
        </div>
      )}

      <TariffFormDialog open={dialog?.kind === "edit"} onClose={close} tariff={t} submit={(v) => update.mutateAsync({ id: t.id, name: v.name, currency: v.currency })} />
      <RateFormDialog
        open={dialog?.kind === "rate"}
        onClose={close}
        currency={t.currency}
        rate={dialog?.kind === "rate" ? dialog.rate : undefined}
        submit={(v) => upsertRate.mutateAsync({ ...v, description: v.description ?? "", tariffId: t.id, id: dialog?.kind === "rate" ? dialog.rate?.id : undefined })}
      />
      <ImportRatesDialog open={dialog?.kind === "import"} onClose={close} submit={(v) => importRates.mutateAsync({ ...v, tariffId: t.id })} />
      <ConfirmDialog
        open={dialog?.kind === "deleteRate"}
        onClose={close}
        onConfirm={() => dialog?.kind === "deleteRate" && deleteRate.mutate({ tariffId: t.id, id: dialog.rate.id })}
        isPending={deleteRate.isPending}
        isDanger
        title={`Delete the rate for ${dialog?.kind === "deleteRate" ? dialog.rate.prefix : ""}?`}
        description="Calls to this prefix will be rated by the next shorter prefix that has a rate, if any."
        confirmLabel="Delete rate"
      />
      <ConfirmDialog
        open={dialog?.kind === "default"}
        onClose={close}
        onConfirm={() => setDefault.mutate({ id: t.id })}
        isPending={setDefault.isPending}
        title={`Make ${t.name} the default?`}
        description="Every customer without a tariff of their own will be rated by it from their next call."
        confirmLabel="Make default"
      />
      <ConfirmDialog
        open={dialog?.kind === "delete"}
        onClose={close}
        onConfirm={() => remove.mutate({ id: t.id })}
        isPending={remove.isPending}
        isDanger
        title={`Delete ${t.name}?`}
        description="The tariff and all its rates are deleted. A tariff customers are rated by cannot be deleted."
        confirmLabel="Delete tariff"
      />
    </>
  );
}

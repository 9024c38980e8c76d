"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { SupplierFormDialog, type SupplierView } from "@/components/suppliers/supplier-form-dialog";
import { useTRPC } from "@/components/providers/trpc-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage } from "@/components/ui/errors";
import { PlusIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { QueryError } from "@/components/layout/query-error";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { TableSkeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { SUPPLIER_LABELS } from "@/server/modules/numbers/suppliers/schema";

export function SuppliersPageClient() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const suppliers = useQuery(trpc.didSupplier.find.queryOptions());
  const [editing, setEditing] = useState<SupplierView | "new" | null>(null);
  const [removing, setRemoving] = useState<SupplierView | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.didSupplier.find.pathFilter());
  const save = useMutation(trpc.didSupplier.save.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.didSupplier.remove.mutationOptions({
      onSuccess: async () => {
        toast({ variant: "success", description: `Removed ${removing?.name ?? "the supplier"}.` });
        setRemoving(null);
        await refresh();
      },
      onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
    }),
  );
  const test = useMutation(
    trpc.didSupplier.test.mutationOptions({
      onSuccess: (result) => toast({ variant: result.ok ? "success" : "error", description: result.message }),
      onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
    }),
  );

  return (
    <>
      <PageHeader
        title="DID suppliers"
        description="Where numbers come from when your stock has none: customers search the supplier's numbers at your country prices, and orders are placed automatically."
        actions={
          <Button onClick={() => setEditing("new")}>
            <PlusIcon className="size-4" /> Add supplier
          </Button>
        }
      />
      {suppliers.isError ? (
        <QueryError error={suppliers.error} onRetry={() => void suppliers.refetch()} />
      ) : !suppliers.data ? (
        <TableSkeleton label="Loading suppliers" />
      ) : suppliers.data.length === 0 ? (
        <EmptyState title="No supplier yet" description="Customers can buy only the numbers in your stock. Add a Telnyx account to offer numbers from its inventory too." />
      ) : (
        <Table caption="Your DID suppliers">
          <THead>
            <Th>Name</Th>
            <Th>Vendor</Th>
            <Th>API address</Th>
            <Th>Key</Th>
            <Th>Status</Th>
            <Th className="text-right">Numbers</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </THead>
          <TBody>
            {suppliers.data.map((s) => (
              <Tr key={s.id}>
                <Td card="title">{s.name}</Td>
                <Td label="Vendor">{SUPPLIER_LABELS[s.kind]}</Td>
                <Td label="API address" className="font-mono text-xs">{s.baseUrl}</Td>
                <Td label="Key" className="font-mono text-xs">{s.apiKeyHint}</Td>
                <Td label="Status">{s.isEnabled ? <Badge tone="success">Ordering</Badge> : <Badge>Disabled</Badge>}</Td>
                <Td label="Numbers" className="text-right tabular-nums">{s.numbers}</Td>
                <Td card="actions" className="space-x-2 text-right whitespace-nowrap">
                  <Button size="sm" variant="secondary" onClick={() => test.mutate({ id: s.id })} isLoading={test.isPending && test.variables?.id === s.id}>
                    Test
                  </Button>
                  <Button size="sm" variant="secondary" onClick={() => setEditing(s)}>
                    Edit
                  </Button>
                  <Button size="sm" variant="danger" onClick={() => setRemoving(s)}>
                    Remove
                  </Button>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <SupplierFormDialog
        key={editing === "new" ? "new" : (editing?.id ?? "closed")}
        open={editing !== null}
        onClose={() => setEditing(null)}
        supplier={editing === "new" ? undefined : (editing ?? undefined)}
        submit={(values) => save.mutateAsync(values)}
      />
      <ConfirmDialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate({ id: removing.id })}
        title={`Remove ${removing?.name ?? "supplier"}?`}
        description="Its key is deleted. A supplier with customer numbers cannot be removed; disable it instead."
        confirmLabel="Remove"
        isDanger
        isPending={remove.isPending}
      />
    </>
  );
}

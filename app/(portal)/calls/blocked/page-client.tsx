"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { PhoneNumberText } from "@/components/format/phone-number-text";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage } from "@/components/ui/errors";
import { ShieldIcon } from "@/components/ui/icons";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";

/** The company's block list: what "Block caller" on a recent call added, and removing it again. */
export function BlockedCallersPageClient() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const list = useQuery(trpc.blockList.find.queryOptions());
  const unblock = useMutation(trpc.blockList.delete.mutationOptions({
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.blockList.find.queryKey() }),
    onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
  }));
  return (
    <>
      <PageHeader title="Blocked callers" description="Calls from these numbers are refused before they ring anyone." back={<Link href="/calls" className="text-sm font-medium text-indigo-700 hover:text-indigo-900">← Recent calls</Link>} />
      {list.isPending ? (
        <TableSkeleton label="Loading blocked callers" />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : list.data.length === 0 ? (
        <EmptyState icon={<ShieldIcon className="size-6" />} title="Nobody is blocked" description="Block a caller from their call on the Recent calls page." />
      ) : (
        <Table caption="Blocked callers">
          <THead>
            <Th>Number</Th>
            <Th>Note</Th>
            <Th>Blocked</Th>
            <Th className="text-right">Actions</Th>
          </THead>
          <TBody>
            {list.data.map((b) => (
              <Tr key={b.id}>
                <Td card="title">{b.isPrefix ? `${b.pattern}… (numbers starting with)` : <PhoneNumberText e164={b.pattern} />}</Td>
                <Td label="Note">{b.note ?? "—"}</Td>
                <Td label="Blocked"><LocalTime value={b.createdAt} /></Td>
                <Td label="Actions" card="actions" className="text-right">
                  <Button variant="ghost" size="sm" onClick={() => unblock.mutate({ id: b.id })} aria-label={`Unblock ${b.pattern}`}>Unblock</Button>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { CallQueuesTable } from "@/components/queues/call-queues-table";
import { CreateCallQueueDialog } from "@/components/queues/create-call-queue-dialog";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PlusIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";

export function CallQueuesPageClient() {
  const trpc = useTRPC();
  const queues = useQuery(trpc.callQueues.list.queryOptions());
  const [isCreating, setIsCreating] = useState(false);
  const create = (
    <Button onClick={() => setIsCreating(true)}>
      <PlusIcon className="size-4" /> New call queue
    </Button>
  );
  return (
    <>
      <PageHeader title="Call queues" description="Callers wait in line until a logged-in member is free." actions={queues.data?.length ? create : undefined} />
      {queues.isPending ? (
        <TableSkeleton label="Loading call queues" />
      ) : queues.isError ? (
        <QueryError error={queues.error} onRetry={() => queues.refetch()} />
      ) : queues.data.length === 0 ? (
        <EmptyState title="No call queues yet" description="Give a team such as Support one number, such as 700, where callers wait their turn." action={create} />
      ) : (
        <CallQueuesTable queues={queues.data} />
      )}
      <CreateCallQueueDialog open={isCreating} onClose={() => setIsCreating(false)} />
    </>
  );
}

"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { CallQueueForm } from "@/components/queues/call-queue-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorMessage } from "@/components/ui/errors";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";

export function CallQueuePageClient({ queueId }: { queueId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const queue = useQuery(trpc.callQueues.find.queryOptions({ id: queueId }));
  const members = useQuery(trpc.callQueues.memberOptions.queryOptions());
  const prompts = useQuery(trpc.ivrMenus.promptOptions.queryOptions());
  const choices = useQuery(trpc.numbers.destinations.queryOptions());
  const [isDeleting, setIsDeleting] = useState(false);
  const remove = useMutation(
    trpc.callQueues.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.callQueues.list.queryFilter());
        await queryClient.invalidateQueries(trpc.numbers.destinations.queryFilter());
        toast({ description: "Call queue deleted." });
        router.push("/routing/queues");
      },
      onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
    }),
  );

  const back = (
    <Link href="/routing/queues" className="text-sm font-medium text-indigo-700 hover:text-indigo-900">
      ← All call queues
    </Link>
  );
  const failed = [queue, members, prompts, choices].find((q) => q.isError);
  if (failed) return <QueryError error={failed.error} onRetry={() => failed.refetch()} />;
  if (!queue.data || !members.data || !prompts.data || !choices.data) {
    return (
      <div className="space-y-4" role="status" aria-label="Loading call queue">
        <Skeleton className="h-10 w-64" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  }
  return (
    <>
      <PageHeader
        title={`Call queue ${queue.data.number} · ${queue.data.name}`}
        back={back}
        actions={
          <Button variant="danger" onClick={() => setIsDeleting(true)}>
            Delete
          </Button>
        }
      />
      {/* The form keeps its draft across login changes, which refresh only the saved state it reads. */}
      <CallQueueForm key={queue.data.id} queue={queue.data} memberOptions={members.data} prompts={prompts.data} choices={choices.data} />
      <ConfirmDialog
        open={isDeleting}
        onClose={() => setIsDeleting(false)}
        onConfirm={() => remove.mutate({ id: queueId })}
        title={`Delete call queue ${queue.data.number}?`}
        description="Numbers that ring this queue will ring nothing until you choose a new destination for them."
        confirmLabel="Delete queue"
        isDanger
        isPending={remove.isPending}
      />
    </>
  );
}

"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CallFlowPanel } from "@/components/call-flow/call-flow-panel";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { HuntGroupForm } from "@/components/routing/hunt-groups/hunt-group-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorMessage } from "@/components/ui/errors";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";

export function HuntGroupPageClient({ huntGroupId }: { huntGroupId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const group = useQuery(trpc.huntGroups.find.queryOptions({ id: huntGroupId }));
  const members = useQuery(trpc.huntGroups.memberOptions.queryOptions());
  const choices = useQuery(trpc.numbers.destinations.queryOptions());
  const [isDeleting, setIsDeleting] = useState(false);
  const remove = useMutation(
    trpc.huntGroups.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.huntGroups.list.queryFilter());
        toast({ description: "Hunt group deleted." });
        router.push("/routing/hunt-groups");
      },
      onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
    }),
  );

  const back = (
    <Link href="/routing/hunt-groups" className="text-sm font-medium text-indigo-700 hover:text-indigo-900">
      ← All hunt groups
    </Link>
  );
  const failed = [group, members, choices].find((q) => q.isError);
  if (failed) return <QueryError error={failed.error} onRetry={() => failed.refetch()} />;
  if (!group.data || !members.data || !choices.data) {
    return (
      <div className="space-y-4" role="status" aria-label="Loading hunt group">
        <Skeleton className="h-10 w-64" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  }
  return (
    <>
      <PageHeader
        title={`Hunt group ${group.data.number} · ${group.data.name}`}
        back={back}
        actions={
          <Button variant="danger" onClick={() => setIsDeleting(true)}>
            Delete
          </Button>
        }
      />
      <div className="space-y-6">
        <HuntGroupForm key={group.data.id} group={group.data} memberOptions={members.data} choices={choices.data} />
        <CallFlowPanel entry={{ huntGroupId }} />
      </div>
      <ConfirmDialog
        open={isDeleting}
        onClose={() => setIsDeleting(false)}
        onConfirm={() => remove.mutate({ id: huntGroupId })}
        title={`Delete hunt group ${group.data.number}?`}
        description="Numbers that ring this group will ring nothing until you choose a new destination for them."
        confirmLabel="Delete hunt group"
        isDanger
        isPending={remove.isPending}
      />
    </>
  );
}

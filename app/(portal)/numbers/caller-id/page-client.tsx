"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { AddUnverifiedDialog } from "@/components/caller-id/add-unverified-dialog";
import { MobilesTable, type MobileRow } from "@/components/caller-id/mobiles-table";
import { VerifyMobileDialog } from "@/components/caller-id/verify-mobile-dialog";
import { formatInternational } from "@/components/format/phone-display";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage } from "@/components/ui/errors";
import { PlusIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";

export function CallerIdPageClient() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const found = useQuery(trpc.callerId.find.queryOptions());
  const [isVerifying, setVerifying] = useState(false);
  const [isAdding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<MobileRow | null>(null);
  const remove = useMutation(
    trpc.callerId.remove.mutationOptions({
      onSuccess: async ({ clearedExtensions }) => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.callerId.find.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.extension.find.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.extension.formOptions.queryKey() }),
        ]);
        setRemoving(null);
        toast({ variant: "success", description: clearedExtensions > 0 ? `Removed. ${clearedExtensions} extension(s) now show the company number.` : "Removed." });
      },
      onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
    }),
  );

  if (found.isPending) return <TableSkeleton label="Loading caller ID" />;
  if (found.isError) return <QueryError error={found.error} onRetry={() => found.refetch()} />;
  const { mobiles, allowUnverifiedMobileCli } = found.data;

  return (
    <>
      <PageHeader
        title="Caller ID"
        description="Mobiles your extensions may show when they call out, besides your company numbers. Each is proved by a code sent to it by text."
        actions={
          <>
            {allowUnverifiedMobileCli && (
              <Button variant="secondary" onClick={() => setAdding(true)}>
                Add without verifying
              </Button>
            )}
            <Button onClick={() => setVerifying(true)}>
              <PlusIcon className="size-4" /> Verify a mobile
            </Button>
          </>
        }
      />
      {mobiles.length === 0 ? (
        <EmptyState title="No mobiles yet" description="Verify a mobile to let an extension show it as its outbound number." />
      ) : (
        <MobilesTable mobiles={mobiles} onRemove={setRemoving} />
      )}
      <VerifyMobileDialog open={isVerifying} onClose={() => setVerifying(false)} />
      <AddUnverifiedDialog open={isAdding} onClose={() => setAdding(false)} />
      <ConfirmDialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate({ id: removing.id })}
        title="Remove this mobile?"
        description={removing ? `${formatInternational(removing.number)} will no longer be shown as caller ID; extensions that show it go back to the company number.` : ""}
        confirmLabel="Remove mobile"
        isDanger
        isPending={remove.isPending}
      />
    </>
  );
}

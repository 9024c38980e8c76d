"use client";

import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { RecordingFilters } from "@/components/recordings/recording-filters";
import { RECORDING_PAGING } from "@/components/recordings/recording-paging";
import { RecordingsTable, type RecordingRow } from "@/components/recordings/recordings-table";
import { RetentionCard } from "@/components/recordings/retention-card";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage } from "@/components/ui/errors";
import { InboxIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import type { TRecordingFilter } from "@/server/modules/recordings/schema";

export function RecordingsPageClient({ isAdmin }: { isAdmin: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [filter, setFilter] = useState<TRecordingFilter>({});
  const [deleting, setDeleting] = useState<RecordingRow | null>(null);
  const extensions = useQuery(trpc.recording.extensions.queryOptions());
  const recordings = useInfiniteQuery(trpc.recording.find.infiniteQueryOptions({ filter }, { ...RECORDING_PAGING, placeholderData: keepPreviousData }));
  const remove = useMutation(
    trpc.recording.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.recording.find.pathKey() });
        toast({ variant: "success", description: "The recording was deleted." });
        setDeleting(null);
      },
      onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
    }),
  );
  const rows = recordings.data?.pages.flatMap((p) => p.items) ?? [];
  const isFiltered = Object.keys(filter).length > 0;

  return (
    <>
      <PageHeader
        title="Recordings"
        description={isAdmin ? "Recorded calls of your company, newest first. Choose which calls are recorded on each extension's Recording tab." : "Recorded calls of your own extensions, newest first."}
      />
      <div className="space-y-6">
        {isAdmin && <RetentionCard />}
        <section aria-label="Recorded calls">
          <RecordingFilters extensions={extensions.data ?? []} onChange={setFilter} />
          {recordings.isPending ? (
            <TableSkeleton label="Loading recordings" />
          ) : recordings.isError ? (
            <QueryError error={recordings.error} onRetry={() => recordings.refetch()} />
          ) : rows.length === 0 ? (
            <EmptyState icon={<InboxIcon className="size-6" />} title={isFiltered ? "No recordings match" : "No recordings yet"} description={isFiltered ? "Try other dates or clear the filters." : "Calls appear here once recording is switched on for an extension and a call is recorded."} />
          ) : (
            <>
              <RecordingsTable recordings={rows} canDelete={isAdmin} onDelete={setDeleting} />
              {recordings.hasNextPage && (
                <div className="mt-4 flex justify-center">
                  <Button variant="secondary" onClick={() => recordings.fetchNextPage()} isLoading={recordings.isFetchingNextPage}>
                    Show older recordings
                  </Button>
                </div>
              )}
            </>
          )}
        </section>
      </div>
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        isPending={remove.isPending}
        isDanger
        title="Delete recording?"
        description={<>The recording of the call from <strong className="font-semibold text-gray-900">{deleting?.callerNumber}</strong> to {deleting?.calledNumber} is deleted with its file. The call stays in your call records. This cannot be undone.</>}
        confirmLabel="Delete recording"
      />
    </>
  );
}

"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { CALLBACK_PAGING } from "@/components/callbacks/callback-paging";
import { CallDialog } from "@/components/callbacks/call-dialog";
import { RequestsTable } from "@/components/callbacks/requests-table";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PhoneIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";

/** Requests still moving are refreshed this often, so the list's states keep up. */
const REFRESH_MS = 5_000;

export function CallbacksPageClient({ isAdmin }: { isAdmin: boolean }) {
  const trpc = useTRPC();
  const [isCalling, setIsCalling] = useState(false);
  const requests = useInfiniteQuery(
    trpc.callbacks.recent.infiniteQueryOptions({}, {
      ...CALLBACK_PAGING,
      refetchInterval: (q) => (q.state.data?.pages[0]?.items.some((r) => r.state !== "COMPLETED" && r.state !== "FAILED") ? REFRESH_MS : false),
    }),
  );
  const rows = requests.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title="Web callback"
        description={isAdmin ? "Click-to-call, website widget and API callbacks of your company, newest first." : "Your click-to-call requests, newest first."}
        actions={<Button onClick={() => setIsCalling(true)}>New call</Button>}
      />
      <section aria-label="Callback requests" className="space-y-4">
        {requests.isPending ? (
          <TableSkeleton label="Loading callback requests" />
        ) : requests.isError ? (
          <QueryError error={requests.error} onRetry={() => requests.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState
            icon={<PhoneIcon className="size-6" />}
            title="No callback requests yet"
            description="Click Call beside a number in the phone book, recent calls or live status: your phone rings first, then we connect you."
          />
        ) : (
          <>
            <RequestsTable rows={rows} />
            {requests.hasNextPage && (
              <div className="flex justify-center">
                <Button variant="secondary" onClick={() => requests.fetchNextPage()} isLoading={requests.isFetchingNextPage}>Show earlier requests</Button>
              </div>
            )}
          </>
        )}
      </section>
      <CallDialog open={isCalling} onClose={() => setIsCalling(false)} number="" />
    </>
  );
}

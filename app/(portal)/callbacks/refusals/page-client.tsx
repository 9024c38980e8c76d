"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { CALLBACK_PAGING } from "@/components/callbacks/callback-paging";
import { RefusalsTable } from "@/components/callbacks/refusals-table";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";

export function RefusalsPageClient() {
  const trpc = useTRPC();
  const refusals = useInfiniteQuery(trpc.callbacks.refusals.infiniteQueryOptions({}, CALLBACK_PAGING));
  const rows = refusals.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title="Refused callbacks"
        description="Callback requests the toll-fraud checks turned away, newest first. Nothing was dialled for any of them; repeats within a minute are counted on one row. Refusals are kept for 90 days."
      />
      <section aria-label="Refused callback requests" className="space-y-4">
        {refusals.isPending ? (
          <TableSkeleton label="Loading refused callbacks" />
        ) : refusals.isError ? (
          <QueryError error={refusals.error} onRetry={() => refusals.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState title="No refused callbacks" description="When a request is turned away (too many from one address, a premium-rate number, a website that is not allowed…), it is listed here." />
        ) : (
          <>
            <RefusalsTable rows={rows} />
            {refusals.hasNextPage && (
              <div className="flex justify-center">
                <Button variant="secondary" onClick={() => refusals.fetchNextPage()} isLoading={refusals.isFetchingNextPage}>Show earlier refusals</Button>
              </div>
            )}
          </>
        )}
      </section>
    </>
  );
}

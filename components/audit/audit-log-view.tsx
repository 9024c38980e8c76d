"use client";

import type { UseInfiniteQueryResult, InfiniteData } from "@tanstack/react-query";
import { QueryError } from "@/components/layout/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { AuditTable, type AuditRow } from "./audit-table";

type AuditPage = { items: AuditRow[]; nextCursor: string | null };

type AuditLogViewProps = {
  query: UseInfiniteQueryResult<InfiniteData<AuditPage, unknown>, unknown>;
  caption: string;
  emptyText?: string;
};

/** Loading, error and paged states for any audit query (portal activity, back office, one customer). */
export function AuditLogView({ query, caption, emptyText }: AuditLogViewProps) {
  if (query.isPending) {
    return (
      <div role="status" aria-busy="true" aria-label="Loading activity" className="space-y-3 rounded-lg border border-gray-200 bg-white p-4">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-5 w-full" />
        ))}
      </div>
    );
  }
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const rows = query.data.pages.flatMap((page) => page.items);
  return (
    <AuditTable
      rows={rows}
      caption={caption}
      emptyText={emptyText}
      hasMore={query.hasNextPage}
      isLoadingMore={query.isFetchingNextPage}
      onLoadMore={() => query.fetchNextPage()}
    />
  );
}

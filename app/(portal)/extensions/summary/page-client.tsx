"use client";

import Link from "next/link";
import { useDeferredValue, useState } from "react";
import { CallButton } from "@/components/callbacks/call-button";
import { LiveAnnouncement, useThrottledAnnouncer } from "@/components/extensions/live-announcer";
import { PresenceFilters } from "@/components/extensions/presence-filters";
import { countByFilter, describeChange, filterRows, type PresenceFilterKey } from "@/components/extensions/presence-model";
import { PresenceTable } from "@/components/extensions/presence-table";
import { StreamStatusBadge } from "@/components/extensions/stream-status";
import { usePresenceStream } from "@/components/extensions/use-presence-stream";
import { QueryError } from "@/components/layout/query-error";
import { describeQueue } from "@/components/queues/queue-live-model";
import { QueueLivePanel } from "@/components/queues/queue-live-panel";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ExpandIcon, PhoneIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";

export function LiveStatusPageClient({ isAdmin }: { isAdmin: boolean }) {
  const { text, announce } = useThrottledAnnouncer();
  const { query, rows, status } = usePresenceStream({ onChange: (row) => announce(describeChange(row)), onQueueChange: (q) => announce(describeQueue(q)) });
  const [search, setSearch] = useState("");
  const [filter, setFilter] = useState<PresenceFilterKey>("all");
  const deferredSearch = useDeferredValue(search); // typing stays smooth with hundreds of rows

  if (query.isPending) return <TableSkeleton label="Loading live status" />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const all = rows ?? [];
  const visible = filterRows(all, filter, deferredSearch);

  return (
    <>
      <PageHeader
        title="Live status"
        description={isAdmin ? "Every extension's phone and call, as it happens." : "Your extension's phone and call, as it happens."}
        actions={
          <>
            <StreamStatusBadge status={status} />
            <Link href="/extensions/wallboard" className={buttonClasses({ variant: "secondary" })}>
              <ExpandIcon className="size-4" /> Wallboard
            </Link>
          </>
        }
      />
      <LiveAnnouncement text={text} />
      <div className="mb-6">
        <QueueLivePanel />
      </div>
      {all.length === 0 ? (
        <EmptyState
          icon={<PhoneIcon className="size-6" />}
          title="No extensions to show"
          description={isAdmin ? <Link href="/extensions" className="text-indigo-700 underline">Create an extension</Link> : "Ask your administrator to give you an extension."}
        />
      ) : (
        <>
          <PresenceFilters search={search} onSearch={setSearch} filter={filter} onFilter={setFilter} counts={countByFilter(all)} />
          {visible.length === 0 ? (
            <p className="rounded-lg border border-dashed border-gray-300 bg-white px-6 py-10 text-center text-sm text-gray-600">No extensions match.</p>
          ) : (
            // Admins can click-to-call any extension (from a line of theirs); a user's own line cannot call itself.
            <PresenceTable rows={visible} action={isAdmin ? (row) => <CallButton number={row.number} name={row.displayName} /> : undefined} />
          )}
        </>
      )}
    </>
  );
}

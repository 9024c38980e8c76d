"use client";

import Link from "next/link";
import { FullscreenButton } from "@/components/extensions/fullscreen-button";
import { LiveAnnouncement, useThrottledAnnouncer } from "@/components/extensions/live-announcer";
import { countByFilter, describeChange } from "@/components/extensions/presence-model";
import { StreamStatusBadge } from "@/components/extensions/stream-status";
import { usePresenceStream } from "@/components/extensions/use-presence-stream";
import { WallboardGrid } from "@/components/extensions/wallboard-grid";
import { QueueWallboardStrip } from "@/components/queues/queue-wallboard-strip";
import { errorMessage } from "@/components/ui/errors";

export function WallboardPageClient({ organisation }: { organisation: string }) {
  const { text, announce } = useThrottledAnnouncer(10_000);
  const { query, rows, status } = usePresenceStream({ onChange: (row) => announce(describeChange(row)) });
  const counts = countByFilter(rows ?? []);

  return (
    <div className="fixed inset-0 flex flex-col gap-2 bg-gray-950 p-2 text-gray-100">
      <header className="flex h-8 shrink-0 items-center gap-4 px-1 text-sm">
        <h1 className="truncate font-semibold text-white">{organisation} · Live status</h1>
        <p className="hidden gap-3 text-gray-300 tabular-nums sm:flex">
          <span>{counts.all} extensions</span>
          <span>{counts.registered} registered</span>
          <span>{counts.busy} on a call</span>
          <span>{counts.ringing} ringing</span>
        </p>
        <div className="ml-auto flex items-center gap-3">
          <StreamStatusBadge status={status} isDark />
          <FullscreenButton />
          <Link href="/extensions/summary" className="rounded px-1 text-gray-300 underline hover:text-white focus-visible:outline-2 focus-visible:outline-white">
            Exit
          </Link>
        </div>
      </header>
      <LiveAnnouncement text={text} />
      <QueueWallboardStrip />
      {query.isError ? (
        <p role="alert" className="m-auto text-lg text-red-200">
          {errorMessage(query.error)}
        </p>
      ) : rows && rows.length === 0 ? (
        <p className="m-auto text-lg text-gray-300">No extensions to show.</p>
      ) : (
        <WallboardGrid rows={rows ?? []} />
      )}
    </div>
  );
}

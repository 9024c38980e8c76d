"use client";

import { useQuery } from "@tanstack/react-query";
import { CallTimer } from "@/components/extensions/call-timer";
import { useTRPC } from "@/components/providers/trpc-react";

/**
 * Queues on the wallboard, one tile each: callers waiting (large, amber when someone waits),
 * the longest wait and how many members are logged in. Read-only; live through the page's
 * presence stream.
 */
export function QueueWallboardStrip() {
  const trpc = useTRPC();
  const queues = useQuery(trpc.callQueues.live.queryOptions());
  if (!queues.data || queues.data.length === 0) return null;
  return (
    <ul aria-label="Call queues" className="flex shrink-0 gap-2 overflow-x-auto">
      {queues.data.map((q) => (
        <li key={q.id} className={`min-w-48 rounded-md px-3 py-2 ${q.waitingCount > 0 ? "bg-amber-900/60" : "bg-gray-800"}`}>
          <p className="truncate text-sm text-gray-300">
            {q.number} · {q.name}
          </p>
          <p className="flex items-baseline gap-3">
            <span className="text-3xl font-semibold text-white tabular-nums">{q.waitingCount}</span>
            <span className="text-sm text-gray-300">waiting</span>
            {q.longestWaitingSince && <CallTimer since={q.longestWaitingSince} className="text-lg text-amber-100" />}
          </p>
          <p className="text-xs text-gray-300">{q.loggedInCount} of {q.members.length} logged in</p>
        </li>
      ))}
    </ul>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { CallTimer } from "@/components/extensions/call-timer";
import { useTRPC } from "@/components/providers/trpc-react";
import { Card } from "@/components/ui/card";
import { errorMessage } from "@/components/ui/errors";
import { Skeleton } from "@/components/ui/skeleton";
import { MemberLoginButton } from "./member-login-button";
import type { QueueLiveRow } from "./queue-live-model";

/**
 * Call queues on Live status: callers waiting, the longest wait (ticking), and members with
 * their log in / log out button. Kept current by usePresenceStream (the page runs it), which
 * patches `callQueues.live` on every queue notice. Shows nothing when the viewer has no queues.
 */
export function QueueLivePanel() {
  const trpc = useTRPC();
  const queues = useQuery(trpc.callQueues.live.queryOptions());
  if (queues.isPending) return <Skeleton className="h-24 w-full" aria-label="Loading call queues" />;
  if (queues.isError) return <p role="alert" className="text-sm text-red-700">Call queues could not be loaded: {errorMessage(queues.error)}</p>;
  if (queues.data.length === 0) return null;
  return (
    <Card title="Call queues" description="Callers waiting now, and who is logged in to answer them.">
      <ul className="divide-y divide-gray-200" aria-label="Call queues">
        {queues.data.map((q) => (
          <QueueRow key={q.id} queue={q} />
        ))}
      </ul>
    </Card>
  );
}

function QueueRow({ queue }: { queue: QueueLiveRow }) {
  return (
    <li className="py-3 first:pt-0 last:pb-0" aria-label={`Queue ${queue.number} ${queue.name}`}>
      <div className="flex flex-wrap items-baseline gap-x-6 gap-y-1">
        <p className="font-semibold text-gray-900">
          <span className="tabular-nums">{queue.number}</span> · {queue.name}
        </p>
        <p className="text-sm text-gray-700">
          <span className="font-semibold tabular-nums" data-testid="queue-waiting">{queue.waitingCount}</span> waiting
        </p>
        <p className="text-sm text-gray-700">
          Longest wait: {queue.longestWaitingSince ? <CallTimer since={queue.longestWaitingSince} className="font-semibold" /> : <span>none</span>}
        </p>
        <p className="text-sm text-gray-700">
          {queue.loggedInCount} logged in
        </p>
      </div>
      {queue.members.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-2" aria-label={`Members of queue ${queue.number}`}>
          {queue.members.map((m) => (
            <li key={m.extensionId} className="flex items-center gap-2 text-sm text-gray-900">
              {m.displayName} ({m.number})
              <MemberLoginButton queueId={queue.id} extensionId={m.extensionId} name={`${m.displayName} (${m.number})`} isLoggedIn={m.isLoggedIn} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

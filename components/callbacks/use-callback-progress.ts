"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { isFinalCallbackState } from "@/server/modules/callbacks/contract";

/** While the live stream is down (or not yet up), the status is polled this often. */
const POLL_MS = 2_000;

/**
 * One request's status (`callbacks.status`), refetched whenever the `/api/events` stream
 * says it changed. NOTIFY is not a queue, so it is also refetched when the stream (re)opens
 * (`ready`) or says `resync`, and polled while the stream is down. The stream closes once
 * the call has ended: nothing more will change.
 */
export function useCallbackProgress(requestId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [isLive, setIsLive] = useState(false);
  const query = useQuery({
    ...trpc.callbacks.status.queryOptions({ id: requestId }),
    refetchInterval: (q) => (isLive || (q.state.data && isFinalCallbackState(q.state.data.state)) ? false : POLL_MS),
  });
  const isFinal = query.data ? isFinalCallbackState(query.data.state) : false;

  useEffect(() => {
    if (isFinal) return;
    const queryKey = trpc.callbacks.status.queryKey({ id: requestId });
    const refetch = () => void queryClient.invalidateQueries({ queryKey });
    const source = new EventSource("/api/events");
    const onLive = () => {
      setIsLive(true);
      refetch();
    };
    source.addEventListener("ready", onLive);
    source.addEventListener("resync", onLive);
    source.onerror = () => setIsLive(false);
    source.addEventListener("ended", () => {
      setIsLive(false);
      source.close();
    });
    source.addEventListener("callback", (message) => {
      try {
        const payload = JSON.parse((message as MessageEvent<string>).data) as { requestId?: unknown };
        if (payload.requestId === requestId) refetch();
      } catch {
        // a garbled frame: the next poll or resync repairs it
      }
    });
    return () => {
      source.close();
      setIsLive(false);
    };
  }, [isFinal, queryClient, requestId, trpc]);

  return { query, isLive };
}

"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "@/components/providers/trpc-react";

/**
 * Keeps recent calls current without a reload: the `/api/events` stream sends a `calls` event
 * whenever the worker records calls this viewer may see, and the list is refetched. It is
 * also refetched when the stream (re)opens (`ready`) or says `resync`, since NOTIFY is not a
 * queue and anything sent while the stream was away is lost.
 */
export function useCallsStream() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    const refetch = () => void queryClient.invalidateQueries({ queryKey: trpc.calls.recent.pathKey() });
    const source = new EventSource("/api/events");
    source.addEventListener("calls", refetch);
    source.addEventListener("ready", refetch);
    source.addEventListener("resync", refetch);
    // The session is over: stop, so EventSource does not keep reconnecting.
    source.addEventListener("ended", () => source.close());
    return () => source.close();
  }, [queryClient, trpc]);
}

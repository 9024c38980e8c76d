"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { applyQueueEvent, type QueueEventPayload, type QueueLiveRow } from "@/components/queues/queue-live-model";
import { applyPresenceEvent, mergeFresher, sortByNumber, type PresenceEventPayload, type PresenceRow } from "./presence-model";

export type StreamStatus = "connecting" | "live" | "reconnecting";

/** Lists written by an event, which hold the newest state by definition (see structuralSharing). */
const LISTS_FROM_EVENTS = new WeakSet<object>();

/** How long an ended stream waits before reloading the page (see the `ended` handler). */
const RELOAD_AFTER_END_MS = 1_500;

/**
 * Presence rows from `presence.find`, kept current by the `/api/events` SSE stream: each
 * `presence` event patches one row in the query cache, so the page never reloads. The list
 * is refetched when the stream (re)opens or says `resync` (NOTIFY is not a queue: anything
 * sent while we were away is lost) and when an event names an extension we do not know.
 */
export function usePresenceStream(options: { onChange?: (row: PresenceRow) => void; onQueueChange?: (row: QueueLiveRow) => void } = {}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // A refetch merges into what events already said, never back to an older state
  // (mergeFresher); a list an event produced is taken as it is.
  const query = useQuery({
    ...trpc.presence.find.queryOptions(),
    structuralSharing: (old: unknown, fresh: unknown) => (LISTS_FROM_EVENTS.has(fresh as object) ? fresh : mergeFresher(old as PresenceRow[] | undefined, fresh as PresenceRow[])),
  });
  const [status, setStatus] = useState<StreamStatus>("connecting");
  const onChange = useRef(options.onChange);
  const onQueueChange = useRef(options.onQueueChange);
  useEffect(() => {
    onChange.current = options.onChange;
    onQueueChange.current = options.onQueueChange;
  });

  useEffect(() => {
    const queryKey = trpc.presence.find.queryKey();
    const queueKey = trpc.callQueues.live.queryKey();
    // Queues are refetched with the extensions; only pages that show them hold that query.
    const refetch = () => {
      void queryClient.invalidateQueries({ queryKey });
      void queryClient.invalidateQueries({ queryKey: queueKey });
    };
    // A queue event patches `callQueues.live` the same way (issue 12: calls waiting, members logged in).
    const onQueueEvent = (payload: QueueEventPayload) => {
      const queues = queryClient.getQueryData(queueKey);
      if (!queues) return;
      const next = applyQueueEvent(queues, payload);
      if (!next) return void queryClient.invalidateQueries({ queryKey: queueKey });
      queryClient.setQueryData(queueKey, next);
      const changed = next.find((q) => q.id === payload.queueId);
      if (changed) onQueueChange.current?.(changed);
    };
    const source = new EventSource("/api/events");
    // "live" only once the server says it hears changes (`ready`, after its LISTEN is active),
    // with a reload then: what changed between the server render and that moment was not heard.
    const onLive = () => {
      setStatus("live");
      refetch();
    };
    source.addEventListener("ready", onLive);
    // EventSource retries by itself (the server sets `retry:`); we only say so.
    source.onerror = () => setStatus("reconnecting");
    source.addEventListener("resync", onLive);
    // The session the stream was opened with is over (signed out, company suspended, password
    // or role changed): reload, so the server shows what this person may see now, which is
    // most often the sign-in page. Closing first stops EventSource reconnecting meanwhile.
    // Not at once: when this page signed itself out, the sign-out's own redirect is on its way
    // and a reload would abort it (leaving the revoked cookie behind); leaving the page
    // unmounts this hook, which cancels the reload.
    let reload: ReturnType<typeof setTimeout> | undefined;
    source.addEventListener("ended", () => {
      source.close();
      reload = setTimeout(() => window.location.reload(), RELOAD_AFTER_END_MS);
    });
    source.addEventListener("presence", (message) => {
      let payload: PresenceEventPayload | QueueEventPayload;
      try {
        payload = JSON.parse((message as MessageEvent<string>).data) as PresenceEventPayload | QueueEventPayload;
      } catch {
        return; // a garbled frame is dropped; the next resync repairs anything missed
      }
      if (payload.kind === "queue") return onQueueEvent(payload);
      const rows = queryClient.getQueryData(queryKey);
      if (!rows) return;
      const result = applyPresenceEvent(rows, payload);
      if (!result) return refetch();
      LISTS_FROM_EVENTS.add(result.rows);
      queryClient.setQueryData(queryKey, result.rows);
      onChange.current?.(result.changed);
    });
    return () => {
      clearTimeout(reload);
      source.close();
    };
  }, [queryClient, trpc]);

  const rows = useMemo(() => (query.data ? sortByNumber(query.data) : undefined), [query.data]);
  return { query, rows, status };
}

import type { StreamStatus } from "./use-presence-stream";

const LABELS: Record<StreamStatus, string> = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…" };

/** Whether the page is hearing changes; in words, since a dot's colour alone says nothing to many. */
export function StreamStatusBadge({ status, isDark = false }: { status: StreamStatus; isDark?: boolean }) {
  const dot = status === "live" ? "bg-green-500" : status === "reconnecting" ? "bg-amber-500" : "bg-gray-400";
  const text = isDark ? "text-gray-200" : "text-gray-700";
  return (
    <span role="status" data-stream-status={status} className={`inline-flex items-center gap-2 text-sm font-medium ${text}`}>
      <span aria-hidden="true" className={`size-2.5 rounded-full ${dot} ${status === "live" ? "animate-pulse" : ""}`} />
      {LABELS[status]}
    </span>
  );
}

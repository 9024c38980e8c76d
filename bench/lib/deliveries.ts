/**
 * Pairs fired simulator events with the presence frames each SSE client received, and sums
 * up the latencies. A phone's REGISTER raises two ARI events (contact, then endpoint state),
 * so a client may get two frames with the same state: the first one counts.
 */
import type { PresenceArrival } from "./sse-client";

export type FiredEvent = { sipAccountId: string; state: "REGISTERED" | "UNREGISTERED"; t0: number };

type Arrivals = readonly PresenceArrival[];

const stateOf = (data: Record<string, unknown>) => (data.registration as { state?: string } | null)?.state ?? "UNREGISTERED";

/** Arrival times per `account|state`, in arrival order. */
function indexArrivals(arrivals: Arrivals): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (const a of arrivals) {
    if (a.data.kind !== "registration") continue;
    const key = `${String(a.data.sipAccountId)}|${stateOf(a.data)}`;
    index.set(key, [...(index.get(key) ?? []), a.at]);
  }
  return index;
}

/**
 * Latency of each event at each client, null where it never arrived. Matching on account and
 * state is unambiguous because each account is used by at most one fired event.
 */
function latencies(clients: readonly Arrivals[], events: readonly FiredEvent[]): (number | null)[] {
  const out: (number | null)[] = [];
  for (const arrivals of clients) {
    const index = indexArrivals(arrivals);
    for (const e of events) {
      const at = index.get(`${e.sipAccountId}|${e.state}`)?.find((t) => t >= e.t0);
      out.push(at === undefined ? null : at - e.t0);
    }
  }
  return out;
}

export const countDelivered = (clients: readonly Arrivals[], events: readonly FiredEvent[]) =>
  latencies(clients, events).filter((ms) => ms !== null).length;

export type LatencySummary = { expected: number; delivered: number; missing: number; p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number };

export function summarise(clients: readonly Arrivals[], events: readonly FiredEvent[]): LatencySummary {
  const sorted = latencies(clients, events)
    .filter((ms): ms is number => ms !== null)
    .sort((a, b) => a - b);
  // Nearest-rank percentile over delivered pairs; missing pairs are reported, not imputed.
  const pct = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN);
  const expected = clients.length * events.length;
  return { expected, delivered: sorted.length, missing: expected - sorted.length, p50Ms: pct(50), p95Ms: pct(95), p99Ms: pct(99), maxMs: round(sorted.at(-1) ?? NaN) };
}

const round = (n: number) => Number(n.toFixed(1));

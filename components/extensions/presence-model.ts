/**
 * What the live pages show for an extension, as pure functions over presence rows: labels,
 * filters, and how one SSE event changes the list. Kept free of React so it is unit-tested.
 */
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type PresenceRow = inferRouterOutputs<AppRouter>["presence"]["find"][number];
type Registration = NonNullable<PresenceRow["registration"]>;
type CallState = NonNullable<PresenceRow["call"]>;

/** One `event: presence` frame, as JSON (dates arrive as strings). */
export type PresenceEventPayload =
  | { kind: "registration"; sipAccountId: string; registration: (Omit<Registration, "updatedAt"> & { updatedAt: string }) | null }
  | { kind: "call"; extensionId: string; call: (Omit<CallState, "updatedAt" | "since"> & { updatedAt: string; since: string | null }) | null }
  | { kind: "dnd"; extensionId: string; doNotDisturb: boolean };

/** UNKNOWN: the worker lost sight of Asterisk, so the last state may no longer hold. */
export type LineStatus = "REGISTERED" | "UNREGISTERED" | "UNREACHABLE" | "UNKNOWN";
export type Activity = "IDLE" | "RINGING" | "IN_CALL" | "ON_HOLD";

export const LINE_LABELS: Record<LineStatus, string> = {
  REGISTERED: "Registered", UNREGISTERED: "Not registered", UNREACHABLE: "Unreachable", UNKNOWN: "Status unknown",
};
export const ACTIVITY_LABELS: Record<Activity, string> = { IDLE: "Idle", RINGING: "Ringing", IN_CALL: "On a call", ON_HOLD: "On hold" };

/** A missing registration row means the phone never registered: shown as not registered. */
export const lineStatus = (row: PresenceRow): LineStatus => row.registration?.state ?? "UNREGISTERED";
export const activity = (row: PresenceRow): Activity => row.call?.state ?? "IDLE";
export const isBusy = (row: PresenceRow) => activity(row) === "IN_CALL" || activity(row) === "ON_HOLD";

export const DND_LABEL = "Do not disturb";

/** The one-line state a person reads first: the call when there is one, else do-not-disturb, else the line. */
export function headline(row: PresenceRow): string {
  const a = activity(row);
  if (a !== "IDLE") return ACTIVITY_LABELS[a];
  if (row.doNotDisturb) return DND_LABEL;
  return LINE_LABELS[lineStatus(row)];
}

export const FILTERS = ["all", "registered", "unregistered", "unreachable", "busy", "ringing"] as const;
export type PresenceFilterKey = (typeof FILTERS)[number];
export const FILTER_LABELS: Record<PresenceFilterKey, string> = {
  all: "All", registered: "Registered", unregistered: "Not registered", unreachable: "Unreachable", busy: "On a call", ringing: "Ringing",
};

const FILTER_TESTS: Record<PresenceFilterKey, (row: PresenceRow) => boolean> = {
  all: () => true,
  registered: (r) => lineStatus(r) === "REGISTERED",
  unregistered: (r) => lineStatus(r) === "UNREGISTERED",
  unreachable: (r) => lineStatus(r) === "UNREACHABLE",
  busy: isBusy,
  ringing: (r) => activity(r) === "RINGING",
};

export function countByFilter(rows: readonly PresenceRow[]): Record<PresenceFilterKey, number> {
  return Object.fromEntries(FILTERS.map((f) => [f, rows.filter(FILTER_TESTS[f]).length])) as Record<PresenceFilterKey, number>;
}

/** Rows matching the chip and the search text (number, name, peer), in number order. */
export function filterRows(rows: readonly PresenceRow[], filter: PresenceFilterKey, search: string): PresenceRow[] {
  const q = search.trim().toLowerCase();
  return rows.filter(
    (r) => FILTER_TESTS[filter](r) && (!q || r.number.includes(q) || r.displayName.toLowerCase().includes(q) || (r.call?.peer ?? "").toLowerCase().includes(q)),
  );
}

/**
 * The list after one event. Returns `null` when the event names nothing on the list (a new
 * extension, say), so the caller refetches instead of guessing.
 */
export function applyPresenceEvent(rows: readonly PresenceRow[], event: PresenceEventPayload): { rows: PresenceRow[]; changed: PresenceRow } | null {
  const index =
    event.kind === "registration" ? rows.findIndex((r) => r.sipAccountId === event.sipAccountId) : rows.findIndex((r) => r.id === event.extensionId);
  const before = rows[index];
  if (!before) return null;
  if (event.kind === "dnd") {
    const next = rows.slice();
    next[index] = { ...before, doNotDisturb: event.doNotDisturb };
    return { rows: next, changed: next[index] };
  }
  const changed: PresenceRow =
    event.kind === "registration"
      ? { ...before, registration: event.registration && { ...event.registration, updatedAt: new Date(event.registration.updatedAt) } }
      : {
          ...before,
          call: event.call && { ...event.call, updatedAt: new Date(event.call.updatedAt), since: event.call.since ? new Date(event.call.since) : null },
        };
  const next = rows.slice();
  next[index] = changed;
  return { rows: next, changed };
}

const time = (value: Date | string | undefined | null) => (value ? new Date(value).getTime() : -Infinity);

/**
 * A refetched list merged with what the stream already said: a reload answered after a newer
 * event (the query ran, a phone registered, its event arrived, then the answer) must not put
 * the older state back. Per row, the registration and the call with the later `updatedAt`
 * win; rows come and go with the fresh list.
 */
export function mergeFresher(current: readonly PresenceRow[] | undefined, fresh: readonly PresenceRow[]): PresenceRow[] {
  if (!current) return [...fresh];
  const known = new Map(current.map((row) => [row.id, row]));
  return fresh.map((row) => {
    const seen = known.get(row.id);
    if (!seen || seen.sipAccountId !== row.sipAccountId) return row;
    const registration = time(seen.registration?.updatedAt) > time(row.registration?.updatedAt) ? seen.registration : row.registration;
    const call = time(seen.call?.updatedAt) > time(row.call?.updatedAt) ? seen.call : row.call;
    return registration === row.registration && call === row.call ? row : { ...row, registration, call };
  });
}

/** Dial order: 99 before 201 before 4001 (the database sorts numbers as text). */
export function sortByNumber(rows: readonly PresenceRow[]): PresenceRow[] {
  return [...rows].sort((a, b) => a.number.length - b.number.length || a.number.localeCompare(b.number));
}

/** "03:07", or "1:02:03" past an hour; never negative when the clocks disagree a little. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const mm = String(m).padStart(2, "0");
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** What a screen reader hears when an extension changes, e.g. "201 Alice: On a call with 202". */
export function describeChange(row: PresenceRow): string {
  const peer = row.call?.peer && activity(row) !== "IDLE" ? ` with ${row.call.peer}` : "";
  return `${row.number} ${row.displayName}: ${headline(row)}${peer}`;
}

import { Badge, type BadgeTone } from "@/components/ui/badge";
import { CallTimer } from "./call-timer";
import { ACTIVITY_LABELS, activity, DND_LABEL, LINE_LABELS, lineStatus, type Activity, type LineStatus, type PresenceRow } from "./presence-model";

const LINE_TONES: Record<LineStatus, BadgeTone> = { REGISTERED: "success", UNREGISTERED: "neutral", UNREACHABLE: "danger", UNKNOWN: "neutral" };
const ACTIVITY_TONES: Record<Activity, BadgeTone> = { IDLE: "neutral", RINGING: "warning", IN_CALL: "accent", ON_HOLD: "warning" };
/** A shape per state besides the colour, so the lamp reads without colour vision too. */
const LINE_MARKS: Record<LineStatus, string> = { REGISTERED: "●", UNREGISTERED: "○", UNREACHABLE: "✕", UNKNOWN: "?" };

export function LineBadge({ row }: { row: PresenceRow }) {
  const status = lineStatus(row);
  return (
    <Badge tone={LINE_TONES[status]}>
      <span aria-hidden="true" className="mr-1">
        {LINE_MARKS[status]}
      </span>
      <span>{LINE_LABELS[status]}</span>
    </Badge>
  );
}

/** Do not disturb: a shape as well as the colour, like the line lamp. */
export function DndBadge() {
  return (
    <Badge tone="danger">
      <span aria-hidden="true" className="mr-1">
        ⊘
      </span>
      <span>{DND_LABEL}</span>
    </Badge>
  );
}

/** Idle, or the call with whom and since when (a running timer); do-not-disturb shows either way. */
export function ActivityCell({ row }: { row: PresenceRow }) {
  const state = activity(row);
  if (state === "IDLE") return row.doNotDisturb ? <DndBadge /> : <span className="text-gray-600">Idle</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {row.doNotDisturb && <DndBadge />}
      <Badge tone={ACTIVITY_TONES[state]}>{ACTIVITY_LABELS[state]}</Badge>
      {row.call?.peer && <span className="text-gray-900">with {row.call.peer}</span>}
      {row.call?.since && <CallTimer since={row.call.since} className="font-medium text-gray-900" />}
    </span>
  );
}

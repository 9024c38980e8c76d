import { memo, type CSSProperties } from "react";
import { CallTimer } from "./call-timer";
import { activity, describeChange, headline, lineStatus, type PresenceRow } from "./presence-model";

/**
 * Colour plus words plus a border style per state: legible across a room and without colour
 * vision. All pairs are well above WCAG AA contrast on the dark wallboard.
 */
const STYLES = {
  busy: "bg-red-700 text-white border-red-300",
  ringing: "bg-amber-400 text-gray-950 border-amber-100 animate-pulse motion-reduce:animate-none",
  registered: "bg-emerald-800 text-white border-emerald-400",
  dnd: "bg-purple-900 text-white border-purple-300 border-dashed",
  unregistered: "bg-gray-800 text-gray-200 border-gray-600 border-dashed",
  unreachable: "bg-gray-900 text-red-200 border-red-500 border-dotted",
  unknown: "bg-gray-800 text-gray-200 border-gray-400 border-double",
} as const;

const LINE_STYLES = { REGISTERED: "registered", UNREGISTERED: "unregistered", UNREACHABLE: "unreachable", UNKNOWN: "unknown" } as const;

function styleOf(row: PresenceRow): keyof typeof STYLES {
  const a = activity(row);
  if (a === "IN_CALL" || a === "ON_HOLD") return "busy";
  if (a === "RINGING") return "ringing";
  // Do not disturb outranks the line: the phone may be registered, but it will not ring.
  if (row.doNotDisturb) return "dnd";
  return LINE_STYLES[lineStatus(row)];
}

/** Shorter than the table's words, so the label and the timer share one line on small tiles. */
const TILE_LABELS: Partial<Record<ReturnType<typeof activity>, string>> = { IN_CALL: "On call", ON_HOLD: "On hold", RINGING: "Ringing" };

/** `lines`: how many small-text lines fit (see wallboardLayout); the state always shows. */
type TileProps = { row: PresenceRow; lines: number };

/** One extension on the wallboard; sizes come from CSS variables set by the grid. */
export const WallboardTile = memo(function WallboardTile({ row, lines }: TileProps) {
  const kind = styleOf(row);
  const since = activity(row) !== "IDLE" ? row.call?.since : null;
  const label: CSSProperties = { fontSize: "var(--wb-label)", lineHeight: 1.2 };
  const state = TILE_LABELS[activity(row)] ?? headline(row);
  const peer = since ? row.call?.peer : null;
  const showsPeer = lines >= 3 && Boolean(peer);
  // A long name may take the peer's line when nobody is on the line; the title has it whole.
  const nameClass = lines >= 3 && !showsPeer ? "line-clamp-2 [overflow-wrap:anywhere]" : "truncate";
  return (
    <li
      data-testid={`tile-${row.number}`}
      data-state={kind}
      title={`${row.number} ${row.displayName}: ${describeChange(row)}`}
      className={`flex min-w-0 flex-col justify-center overflow-hidden rounded-md border-2 px-[6%] ${STYLES[kind]}`}
    >
      <span data-role="number" className="truncate font-bold tabular-nums" style={{ fontSize: "var(--wb-number)", lineHeight: 1.05 }}>
        {row.number}
      </span>
      {lines >= 2 && (
        <span data-role="name" className={nameClass} style={label}>
          {row.displayName}
        </span>
      )}
      {/* The label gives way (ellipsis) before the timer does: on a busy tile the time matters most. */}
      <span className="flex min-w-0 items-baseline gap-[0.4em] font-bold" style={label}>
        <span data-role="state" className="truncate">
          {state}
        </span>
        {/* Words between the label and the timer, so it reads "On call for 00:04", not "On call00:04". */}
        {since && <span className="sr-only"> for </span>}
        {since && <CallTimer since={since} className="shrink-0" />}
      </span>
      {showsPeer && (
        <span className="truncate" style={label}>
          with {peer}
        </span>
      )}
    </li>
  );
});

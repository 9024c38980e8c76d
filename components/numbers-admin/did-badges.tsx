import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { TDidState } from "@/server/modules/numbers/partner/schema";

export const DID_STATE_LABELS: Record<TDidState, string> = {
  AVAILABLE: "Available",
  RESERVED: "Reserved",
  ASSIGNED: "Assigned",
  QUARANTINED: "Quarantined",
  RETIRED: "Retired",
};
const STATE_TONES: Record<TDidState, BadgeTone> = { AVAILABLE: "success", RESERVED: "warning", ASSIGNED: "accent", QUARANTINED: "warning", RETIRED: "neutral" };

export function DidStateBadge({ state }: { state: TDidState }) {
  return <Badge tone={STATE_TONES[state]}>{DID_STATE_LABELS[state]}</Badge>;
}

/** The tier's name, or "Standard" for a number no tier matches; the text carries the meaning, not the colour. */
export function TierBadge({ name }: { name: string | null }) {
  return name ? <Badge tone="accent">{name}</Badge> : <Badge>Standard</Badge>;
}

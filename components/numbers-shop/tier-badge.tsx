import { Badge, type BadgeTone } from "@/components/ui/badge";

/** Partners name their tiers; the usual three get their usual colours, any other name the accent. */
const TONES: Record<string, BadgeTone> = { gold: "warning", silver: "neutral", bronze: "accent" };

export function TierBadge({ tier }: { tier: string | null }) {
  if (!tier) return <span className="text-sm text-gray-600">Standard</span>;
  return <Badge tone={TONES[tier.toLowerCase()] ?? "accent"}>{tier}</Badge>;
}

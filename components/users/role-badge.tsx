import type { Role } from "@/server/generated/prisma/enums";
import { Badge, type BadgeTone } from "@/components/ui/badge";

export const ROLE_LABELS: Record<Role, string> = {
  PLATFORM_ADMIN: "Platform admin",
  PARTNER_ADMIN: "Partner admin",
  CUSTOMER_ADMIN: "Administrator",
  EXTENSION_USER: "Extension user",
};

const ROLE_TONES: Record<Role, BadgeTone> = {
  PLATFORM_ADMIN: "danger",
  PARTNER_ADMIN: "warning",
  CUSTOMER_ADMIN: "accent",
  EXTENSION_USER: "neutral",
};

export function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={ROLE_TONES[role]}>{ROLE_LABELS[role]}</Badge>;
}

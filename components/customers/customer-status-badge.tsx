import type { TenantStatus } from "@/server/generated/prisma/enums";
import { Badge } from "@/components/ui/badge";

export function CustomerStatusBadge({ status }: { status: TenantStatus }) {
  return status === "ACTIVE" ? <Badge tone="success">Active</Badge> : <Badge tone="danger">Suspended</Badge>;
}

import type { Metadata } from "next";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { AUDIT_PAGING } from "@/components/audit/audit-query";
import { HydrateClient } from "@/components/providers/hydrate";
import { requireStaffUser } from "../staff-user";
import { AuditPageClient } from "./page-client";

export const metadata: Metadata = { title: "Audit log" };

export default async function AdminAuditPage() {
  const user = await requireStaffUser("/admin/audit");
  await getQueryClient().prefetchInfiniteQuery(trpc.admin.audit.find.infiniteQueryOptions({}, AUDIT_PAGING));
  const scope = user.role === "PLATFORM_ADMIN" ? "Every change on the platform" : `Changes by ${user.partnerName ?? "your partner"} and its customers`;
  return (
    <HydrateClient>
      <AuditPageClient scope={scope} />
    </HydrateClient>
  );
}

import type { Metadata } from "next";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { HydrateClient } from "@/components/providers/hydrate";
import { requirePortalAdmin } from "../portal-user";
import { AUDIT_PAGING } from "@/components/audit/audit-query";
import { ActivityPageClient } from "./page-client";

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityPage() {
  await requirePortalAdmin("/activity");
  await getQueryClient().prefetchInfiniteQuery(trpc.auditLog.find.infiniteQueryOptions({}, AUDIT_PAGING));
  return (
    <HydrateClient>
      <ActivityPageClient />
    </HydrateClient>
  );
}

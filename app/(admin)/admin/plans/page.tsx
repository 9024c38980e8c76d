import type { Metadata } from "next";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { HydrateClient } from "@/components/providers/hydrate";
import { requireStaffRole } from "../staff-user";
import { PlansPageClient } from "./page-client";

export const metadata: Metadata = { title: "Account plans" };

export default async function PlansPage() {
  await requireStaffRole("/admin/plans", "PARTNER_ADMIN");
  const queryClient = getQueryClient();
  await Promise.all([queryClient.prefetchQuery(trpc.accountPlan.find.queryOptions()), queryClient.prefetchQuery(trpc.accountPlan.getPolicy.queryOptions())]);
  return (
    <HydrateClient>
      <PlansPageClient />
    </HydrateClient>
  );
}

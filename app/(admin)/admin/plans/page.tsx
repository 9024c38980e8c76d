import type { Metadata } from "next";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { AccessDenied } from "@/components/layout/access-denied";
import { HydrateClient } from "@/components/providers/hydrate";
import { requireStaffUser } from "../staff-user";
import { PlansPageClient } from "./page-client";

export const metadata: Metadata = { title: "Account plans" };

export default async function PlansPage() {
  const user = await requireStaffUser("/admin/plans");
  if (!user) return null;
  if (user.role !== "PARTNER_ADMIN") {
    return (
      <AccessDenied title="Partner admins only" backHref="/admin" backLabel="Back to partners">
        Account plans belong to a partner and are managed by its administrators.
      </AccessDenied>
    );
  }
  const queryClient = getQueryClient();
  await Promise.all([queryClient.prefetchQuery(trpc.accountPlan.find.queryOptions()), queryClient.prefetchQuery(trpc.accountPlan.getPolicy.queryOptions())]);
  return (
    <HydrateClient>
      <PlansPageClient />
    </HydrateClient>
  );
}

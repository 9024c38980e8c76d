import type { Metadata } from "next";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { AccessDenied } from "@/components/layout/access-denied";
import { HydrateClient } from "@/components/providers/hydrate";
import { requireStaffUser } from "../staff-user";
import { PaymentsPageClient } from "./page-client";

export const metadata: Metadata = { title: "Refused payments" };

export default async function PaymentsPage() {
  const user = await requireStaffUser("/admin/payments");
  if (!user) return null;
  if (user.role !== "PLATFORM_ADMIN") {
    return (
      <AccessDenied title="Platform admins only" backHref="/admin" backLabel="Back to customers">
        Refused card payments of your customers are on each customer&apos;s page, under Billing.
      </AccessDenied>
    );
  }
  await getQueryClient().prefetchQuery(trpc.admin.topUpRefusal.find.queryOptions());
  return (
    <HydrateClient>
      <PaymentsPageClient />
    </HydrateClient>
  );
}

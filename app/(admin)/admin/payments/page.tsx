import type { Metadata } from "next";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { HydrateClient } from "@/components/providers/hydrate";
import { requireStaffRole } from "../staff-user";
import { PaymentsPageClient } from "./page-client";

export const metadata: Metadata = { title: "Refused payments" };

export default async function PaymentsPage() {
  await requireStaffRole("/admin/payments", "PLATFORM_ADMIN");
  await getQueryClient().prefetchQuery(trpc.admin.topUpRefusal.find.queryOptions());
  return (
    <HydrateClient>
      <PaymentsPageClient />
    </HydrateClient>
  );
}

import type { Metadata } from "next";
import { HydrateClient } from "@/components/providers/hydrate";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requireStaffRole } from "../staff-user";
import { InventoryPageClient } from "./page-client";

export const metadata: Metadata = { title: "Numbers" };

export default async function NumbersInventoryPage() {
  await requireStaffRole("/admin/numbers", "PARTNER_ADMIN");
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.didInventory.find.queryOptions({ sort: "newest", page: 1 })),
    queryClient.prefetchQuery(trpc.didTier.find.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <InventoryPageClient />
    </HydrateClient>
  );
}

import type { Metadata } from "next";
import { HydrateClient } from "@/components/providers/hydrate";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requireStaffRole } from "../../staff-user";
import { PricesPageClient } from "./page-client";

export const metadata: Metadata = { title: "Number prices" };

export default async function NumberPricesPage() {
  await requireStaffRole("/admin/numbers/prices", "PARTNER_ADMIN");
  await getQueryClient().prefetchQuery(trpc.didPrice.find.queryOptions());
  return (
    <HydrateClient>
      <PricesPageClient />
    </HydrateClient>
  );
}

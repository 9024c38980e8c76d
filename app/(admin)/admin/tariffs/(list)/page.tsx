import type { Metadata } from "next";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { HydrateClient } from "@/components/providers/hydrate";
import { requireStaffRole } from "../../staff-user";
import { TariffsPageClient } from "./page-client";

export const metadata: Metadata = { title: "Tariffs" };

export default async function TariffsPage() {
  await requireStaffRole("/admin/tariffs", "PARTNER_ADMIN");
  await getQueryClient().prefetchQuery(trpc.tariff.find.queryOptions());
  return (
    <HydrateClient>
      <TariffsPageClient />
    </HydrateClient>
  );
}

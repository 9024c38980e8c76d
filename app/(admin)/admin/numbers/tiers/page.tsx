import type { Metadata } from "next";
import { HydrateClient } from "@/components/providers/hydrate";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requireStaffRole } from "../../staff-user";
import { TiersPageClient } from "./page-client";

export const metadata: Metadata = { title: "Number tiers" };

export default async function NumberTiersPage() {
  await requireStaffRole("/admin/numbers/tiers", "PARTNER_ADMIN");
  await getQueryClient().prefetchQuery(trpc.didTier.find.queryOptions());
  return (
    <HydrateClient>
      <TiersPageClient />
    </HydrateClient>
  );
}

import type { Metadata } from "next";
import { HydrateClient } from "@/components/providers/hydrate";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requireStaffRole } from "../../staff-user";
import { SuppliersPageClient } from "./page-client";

export const metadata: Metadata = { title: "DID suppliers" };

export default async function SuppliersPage() {
  await requireStaffRole("/admin/numbers/suppliers", "PARTNER_ADMIN");
  await getQueryClient().prefetchQuery(trpc.didSupplier.find.queryOptions());
  return (
    <HydrateClient>
      <SuppliersPageClient />
    </HydrateClient>
  );
}

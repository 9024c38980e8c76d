import type { Metadata } from "next";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { AccessDenied } from "@/components/layout/access-denied";
import { HydrateClient } from "@/components/providers/hydrate";
import { requireStaffUser } from "../staff-user";
import { TariffsPageClient } from "./page-client";

export const metadata: Metadata = { title: "Tariffs" };

export default async function TariffsPage() {
  const user = await requireStaffUser("/admin/tariffs");
  if (!user) return null;
  if (user.role !== "PARTNER_ADMIN") {
    return (
      <AccessDenied title="Partner admins only" backHref="/admin" backLabel="Back to partners">
        Tariffs belong to a partner and are managed by its administrators.
      </AccessDenied>
    );
  }
  await getQueryClient().prefetchQuery(trpc.tariff.find.queryOptions());
  return (
    <HydrateClient>
      <TariffsPageClient />
    </HydrateClient>
  );
}

import type { Metadata } from "next";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { fetchOrNotFound } from "../../fetch-or-not-found";
import { HydrateClient } from "@/components/providers/hydrate";
import { requireStaffRole } from "../../staff-user";
import { TariffPageClient } from "./page-client";

export const metadata: Metadata = { title: "Tariff" };

type TariffPageProps = { params: Promise<{ tariffId: string }> };

export default async function TariffPage({ params }: TariffPageProps) {
  const { tariffId } = await params;
  await requireStaffRole(`/admin/tariffs/${tariffId}`, "PARTNER_ADMIN");
  await fetchOrNotFound(() => getQueryClient().fetchQuery(trpc.tariff.get.queryOptions({ id: tariffId, page: 1 })));
  return (
    <HydrateClient>
      <TariffPageClient tariffId={tariffId} />
    </HydrateClient>
  );
}

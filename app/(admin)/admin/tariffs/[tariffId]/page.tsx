import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { AccessDenied } from "@/components/layout/access-denied";
import { HydrateClient } from "@/components/providers/hydrate";
import { requireStaffUser } from "../../staff-user";
import { TariffPageClient } from "./page-client";

export const metadata: Metadata = { title: "Tariff" };

type TariffPageProps = { params: Promise<{ tariffId: string }> };

export default async function TariffPage({ params }: TariffPageProps) {
  const { tariffId } = await params;
  const user = await requireStaffUser(`/admin/tariffs/${tariffId}`);
  if (!user) return null;
  if (user.role !== "PARTNER_ADMIN") {
    return (
      <AccessDenied title="Partner admins only" backHref="/admin" backLabel="Back to partners">
        Tariffs belong to a partner and are managed by its administrators.
      </AccessDenied>
    );
  }
  try {
    // Same input as the client's first query, so it hydrates without a second fetch.
    await getQueryClient().fetchQuery(trpc.tariff.get.queryOptions({ id: tariffId, page: 1 }));
  } catch (err) {
    // Another partner's tariff is NOT_FOUND too, so its existence is not revealed.
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    throw err;
  }
  return (
    <HydrateClient>
      <TariffPageClient tariffId={tariffId} />
    </HydrateClient>
  );
}

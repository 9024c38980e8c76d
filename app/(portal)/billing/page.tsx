import type { Metadata } from "next";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { HydrateClient } from "@/components/providers/hydrate";
import { requirePortalAdmin } from "../portal-user";
import { BillingPageClient, type TopUpOutcome } from "./page-client";

export const metadata: Metadata = { title: "Billing" };

type BillingPageProps = { searchParams: Promise<{ topUp?: string | string[] }> };

export default async function BillingPage({ searchParams }: BillingPageProps) {
  await requirePortalAdmin("/billing");
  const { topUp } = await searchParams;
  // Stripe Checkout returns here with ?topUp=success|cancelled (server/integrations/stripe.ts).
  const outcome: TopUpOutcome = topUp === "success" || topUp === "cancelled" ? topUp : null;
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.billing.balance.queryOptions()),
    queryClient.prefetchQuery(trpc.billing.ledger.queryOptions({ page: 1 })),
    queryClient.prefetchQuery(trpc.billing.history.queryOptions({ page: 1 })),
    queryClient.prefetchQuery(trpc.billing.credit.queryOptions()),
    queryClient.prefetchQuery(trpc.billing.purchases.queryOptions()),
    queryClient.prefetchQuery(trpc.billing.accounts.queryOptions()),
    queryClient.prefetchQuery(trpc.billing.topUps.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <BillingPageClient topUpOutcome={outcome} />
    </HydrateClient>
  );
}

import type { Metadata } from "next";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { HydrateClient } from "@/components/providers/hydrate";
import { requirePortalAdmin } from "../../portal-user";
import { BuyAccountsPageClient } from "./page-client";

export const metadata: Metadata = { title: "Buy accounts" };

export default async function BuyAccountsPage() {
  await requirePortalAdmin("/billing/buy");
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.billing.balance.queryOptions()),
    queryClient.prefetchQuery(trpc.billing.accounts.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <BuyAccountsPageClient />
    </HydrateClient>
  );
}

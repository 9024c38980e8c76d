import type { Metadata } from "next";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { HydrateClient } from "@/components/providers/hydrate";
import { requirePortalAdmin } from "../../portal-user";
import { ApiKeysPageClient } from "./page-client";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requirePortalAdmin("/callbacks/api-keys");
  const queryClient = getQueryClient();
  await Promise.all([queryClient.prefetchQuery(trpc.apiKeys.list.queryOptions()), queryClient.prefetchQuery(trpc.apiKeys.scopes.queryOptions())]);
  return (
    <HydrateClient>
      <ApiKeysPageClient />
    </HydrateClient>
  );
}

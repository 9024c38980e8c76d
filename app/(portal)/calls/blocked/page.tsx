import type { Metadata } from "next";
import { HydrateClient } from "@/components/providers/hydrate";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requirePortalAdmin } from "../../portal-user";
import { BlockedCallersPageClient } from "./page-client";

export const metadata: Metadata = { title: "Blocked callers" };

export default async function BlockedCallersPage() {
  await requirePortalAdmin("/calls/blocked");
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.blockList.find.queryOptions());
  return (
    <HydrateClient>
      <BlockedCallersPageClient />
    </HydrateClient>
  );
}

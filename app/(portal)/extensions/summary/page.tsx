import type { Metadata } from "next";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { HydrateClient } from "@/components/providers/hydrate";
import { requirePortalUser } from "../../portal-user";
import { LiveStatusPageClient } from "./page-client";

export const metadata: Metadata = { title: "Live status" };

/** Everyone may look: the presence service limits extension users to their own extensions. */
export default async function LiveStatusPage() {
  const user = await requirePortalUser("/extensions/summary");
  const queryClient = getQueryClient();
  await Promise.all([queryClient.prefetchQuery(trpc.presence.find.queryOptions()), queryClient.prefetchQuery(trpc.callQueues.live.queryOptions())]);
  return (
    <HydrateClient>
      <LiveStatusPageClient isAdmin={user.role === "CUSTOMER_ADMIN"} />
    </HydrateClient>
  );
}

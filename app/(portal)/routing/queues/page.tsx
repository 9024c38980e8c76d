import type { Metadata } from "next";
import { HydrateClient } from "@/components/providers/hydrate";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requirePortalAdmin } from "../../portal-user";
import { CallQueuesPageClient } from "./page-client";

export const metadata: Metadata = { title: "Call queues" };

export default async function CallQueuesPage() {
  await requirePortalAdmin("/routing/queues");
  await getQueryClient().prefetchQuery(trpc.callQueues.list.queryOptions());
  return (
    <HydrateClient>
      <CallQueuesPageClient />
    </HydrateClient>
  );
}

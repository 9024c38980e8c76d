import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { HydrateClient } from "@/components/providers/hydrate";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requirePortalAdmin } from "../../../portal-user";
import { CallQueuePageClient } from "./page-client";

export const metadata: Metadata = { title: "Call queue" };

export default async function CallQueuePage({ params }: { params: Promise<{ queueId: string }> }) {
  const { queueId } = await params;
  await requirePortalAdmin(`/routing/queues/${queueId}`);
  const queryClient = getQueryClient();
  try {
    await queryClient.fetchQuery(trpc.callQueues.find.queryOptions({ id: queueId }));
  } catch (err) {
    // Another company's queue, a deleted one or a malformed id: all simply not found.
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    throw err;
  }
  await Promise.all([
    queryClient.prefetchQuery(trpc.callQueues.memberOptions.queryOptions()),
    queryClient.prefetchQuery(trpc.ivrMenus.promptOptions.queryOptions()),
    queryClient.prefetchQuery(trpc.numbers.destinations.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <CallQueuePageClient queueId={queueId} />
    </HydrateClient>
  );
}

import type { Metadata } from "next";
import { HydrateClient } from "@/components/providers/hydrate";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requireStaffRole } from "../staff-user";
import { MessagesPageClient } from "./page-client";

export const metadata: Metadata = { title: "Text messages" };

export default async function MessagesPage() {
  await requireStaffRole("/admin/messages", "PARTNER_ADMIN");
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.sms.outbox.queryOptions({ page: 1 })),
    queryClient.prefetchQuery(trpc.sms.gateway.get.queryOptions()),
    queryClient.prefetchQuery(trpc.sms.policy.get.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <MessagesPageClient />
    </HydrateClient>
  );
}

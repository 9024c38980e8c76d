import type { Metadata } from "next";
import { RECENT_CALLS_PAGING } from "@/components/calls/recent-calls-paging";
import { HydrateClient } from "@/components/providers/hydrate";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requirePortalUser } from "../portal-user";
import { RecentCallsPageClient } from "./page-client";

export const metadata: Metadata = { title: "Recent calls" };

/** Everyone: admins see the company's calls of today, extension users their own extensions'. */
export default async function RecentCallsPage() {
  const user = await requirePortalUser("/calls");
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchInfiniteQuery(trpc.calls.recent.infiniteQueryOptions({}, RECENT_CALLS_PAGING)),
    queryClient.prefetchQuery(trpc.calls.extensions.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <RecentCallsPageClient isAdmin={user.role === "CUSTOMER_ADMIN"} />
    </HydrateClient>
  );
}
